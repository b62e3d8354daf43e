/**
 * Markdown-light for case notes: **bold**, *italic*, `- ` / `1. ` lists, [text](https://…) and bare
 * https links, and ids that become links (customer C0000123, case C0000123:20250101T000000Z, order
 * DH…/DL…). It produces a small tree that NoteBody renders as React elements, so user text is always a
 * text node: nothing is ever parsed as HTML.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; children: Inline[] }
  | { kind: 'italic'; children: Inline[] }
  | { kind: 'link'; href: string; text: string }
  | { kind: 'case'; caseId: string }
  | { kind: 'order'; orderId: string }
  | { kind: 'customer'; customerId: string };

export type Block = { kind: 'p'; lines: Inline[][] } | { kind: 'ul'; items: Inline[][] } | { kind: 'ol'; items: Inline[][] };

/** Only these schemes become links; anything else stays text. */
const SAFE_URL = /^https?:\/\/[^\s<>"']+$/i;

const TOKEN = new RegExp(
  [
    String.raw`\[([^\]\n]{1,200})\]\((https?:\/\/[^\s)<>"']{1,2000})\)`, // 1,2: [text](url)
    String.raw`(https?:\/\/[^\s<>"')\]]{1,2000})`, // 3: bare url
    String.raw`\b(C\d{7}:\d{8}T\d{6}Z)\b`, // 4: case id
    String.raw`\b(D[HL][0-9A-Z]{8})\b`, // 5: order id
    String.raw`\b(C\d{7})\b`, // 6: customer id
    String.raw`\*\*([^*\n]+?)\*\*`, // 7: bold
    String.raw`(?<![\w*])\*([^*\n]+?)\*(?![\w*])`, // 8: italic *x*
    String.raw`(?<![\w_])_([^_\n]+?)_(?![\w_])`, // 9: italic _x_
  ].join('|'),
  'g',
);

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  const push = (t: string) => {
    if (!t) return;
    const prev = out[out.length - 1];
    if (prev?.kind === 'text') prev.text += t;
    else out.push({ kind: 'text', text: t });
  };
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    push(text.slice(last, at));
    last = at + m[0].length;
    if (m[1] !== undefined && m[2] !== undefined && SAFE_URL.test(m[2])) out.push({ kind: 'link', href: m[2], text: m[1] });
    else if (m[3] !== undefined && SAFE_URL.test(m[3])) out.push({ kind: 'link', href: m[3], text: m[3] });
    else if (m[4] !== undefined) out.push({ kind: 'case', caseId: m[4] });
    else if (m[5] !== undefined) out.push({ kind: 'order', orderId: m[5] });
    else if (m[6] !== undefined) out.push({ kind: 'customer', customerId: m[6] });
    else if (m[7] !== undefined) out.push({ kind: 'bold', children: parseInline(m[7]) });
    else if (m[8] !== undefined) out.push({ kind: 'italic', children: parseInline(m[8]) });
    else if (m[9] !== undefined) out.push({ kind: 'italic', children: parseInline(m[9]) });
    else push(m[0]);
  }
  push(text.slice(last));
  return out;
}

export function parseNote(body: string): Block[] {
  const blocks: Block[] = [];
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const ul = /^\s*[-*•]\s+(.*)$/.exec(line);
    const ol = /^\s*\d{1,3}[.)]\s+(.*)$/.exec(line);
    const prev = blocks[blocks.length - 1];
    if (ul) {
      if (prev?.kind === 'ul') prev.items.push(parseInline(ul[1] ?? ''));
      else blocks.push({ kind: 'ul', items: [parseInline(ul[1] ?? '')] });
    } else if (ol) {
      if (prev?.kind === 'ol') prev.items.push(parseInline(ol[1] ?? ''));
      else blocks.push({ kind: 'ol', items: [parseInline(ol[1] ?? '')] });
    } else if (line.trim() === '') {
      if (prev && !(prev.kind === 'p' && prev.lines.length === 0)) blocks.push({ kind: 'p', lines: [] });
    } else if (prev?.kind === 'p') prev.lines.push(parseInline(line));
    else blocks.push({ kind: 'p', lines: [parseInline(line)] });
  }
  return blocks.filter((b) => !(b.kind === 'p' && b.lines.length === 0));
}
