import { useVirtualizer } from '@tanstack/react-virtual';
import { createElement as h, useRef } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The renderer bench's baseline (quality.md: frame time ≤ 1.2 × a bare virtualized list of the
 * same rows in the same Chromium): @tanstack/react-virtual as its docs show it, one absolutely
 * positioned div per row with the four columns as plain, preformatted text, in a scroller of the
 * timeline's size. Bundled by bench/renderer.ts with esbuild and run in a page of the same browser;
 * it reads its rows from window.__benchRows and marks the scroller like the console's.
 */
export type BareRow = [key: string, time: string, type: string, summary: string, status: string];

declare global {
  interface Window {
    __benchRows?: BareRow[];
    __benchSize?: { width: number; height: number };
  }
}

const ROW_HEIGHT = 32;
const cell = (width: string, text: string) => h('span', { style: { flex: width, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', padding: '0 8px' } }, text);

function BareList({ rows, width, height }: { rows: BareRow[]; width: number; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: rows.length, getScrollElement: () => ref.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  return h(
    'div',
    { ref, 'data-testid': 'timeline-scroll', style: { width, height, overflow: 'auto', contain: 'strict', font: '13px sans-serif' } },
    h(
      'div',
      { style: { height: v.getTotalSize(), position: 'relative' } },
      v.getVirtualItems().map((vi) => {
        const r = rows[vi.index]!;
        return h(
          'div',
          { key: vi.key, style: { position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, display: 'flex', alignItems: 'center', transform: `translateY(${vi.start}px)` } },
          cell('0 0 150px', r[1]),
          cell('0 0 190px', r[2]),
          cell('1 1 auto', r[3]),
          cell('0 0 130px', r[4]),
        );
      }),
    ),
  );
}

const rows = window.__benchRows ?? [];
const size = window.__benchSize ?? { width: 1000, height: 700 };
createRoot(document.getElementById('root')!).render(h(BareList, { rows, ...size }));
