import type { TimelineKind } from '../../../common/eventTypes';

/** 16px line icons (stroke paths on a 24 grid), one per timeline kind. */
const PATHS: Record<TimelineKind, string> = {
  ORDER: 'M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 7H6.2M9 20h.01M17 20h.01',
  PAYMENT: 'M3 6h18v12H3zM3 10h18M7 15h3',
  SHIPMENT: 'M2 6h11v10H2zM13 10h4l3 3v3h-7M6 19a1.5 1.5 0 1 0 0-.01M17 19a1.5 1.5 0 1 0 0-.01',
  TICKET: 'M4 5h16v10H9l-5 4z',
  NOTE: 'M5 3h10l4 4v14H5zM15 3v4h4M8 12h8M8 16h6',
  FRAUD: 'M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6zM12 8v5M12 16h.01',
};

export function KindIcon({ kind }: { kind: TimelineKind }) {
  return (
    <svg className={`kind-icon kind-${kind.toLowerCase()}`} viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[kind]} />
    </svg>
  );
}
