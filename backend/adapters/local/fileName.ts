const ALLOWED = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e || c === 0x5f || c === 0x2d;
const isMark = (c: number) => c >= 0x300 && c <= 0x36f;

/**
 * A file name safe in an object key and a Content-Disposition header: the last path segment only,
 * Vietnamese/Latin diacritics folded to ASCII (đ → d), every run of other characters to one "_",
 * no leading "." "_" "-" (no hidden files, no ".."), no trailing "_" "-", at most 100 characters
 * keeping the extension; "file" when nothing is left. One pass per step, no regular expression, so
 * the cost is linear in the length whatever the input.
 */
export function sanitiseFileName(name: string): string {
  let last = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  // At most 100 characters survive: a longer name is cut before the work, keeping its end (the extension).
  if (last.length > 1024) last = last.slice(0, 1000) + last.slice(-24);
  const folded = last.normalize('NFKD');
  // An array, not string concatenation: reading back a concatenated string flattens it each time.
  const chars: string[] = [];
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (isMark(c)) continue;
    if (c === 0x111) chars.push('d');
    else if (c === 0x110) chars.push('D');
    else if (ALLOWED(c)) chars.push(folded[i]!);
    else if (chars[chars.length - 1] !== '_') chars.push('_');
  }
  const out = chars.join('');
  let from = 0;
  while (from < out.length && (out[from] === '.' || out[from] === '_' || out[from] === '-')) from++;
  let to = out.length;
  while (to > from && (out[to - 1] === '_' || out[to - 1] === '-')) to--;
  let s = out.slice(from, to);
  if (s.length > 100) {
    const dot = s.lastIndexOf('.');
    const ext = dot > 0 && s.length - dot <= 16 ? s.slice(dot) : '';
    s = s.slice(0, 100 - ext.length);
    while (s.endsWith('_') || s.endsWith('-')) s = s.slice(0, -1);
    s += ext;
  }
  return s || 'file';
}

const HEX = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66);
const UUID_DASHES = new Set([8, 13, 18, 23]);

/** `<lower-case uuid>-<sanitised name>`: the last segment of every attachment key. */
export function isObjectName(segment: string): boolean {
  if (segment.length < 38 || segment.length > 137 || segment[36] !== '-') return false;
  for (let i = 0; i < 36; i++) {
    const c = segment.charCodeAt(i);
    if (UUID_DASHES.has(i) ? c !== 0x2d : !HEX(c)) return false;
  }
  const name = segment.slice(37);
  return sanitiseFileName(name) === name;
}

/** The case (ticket) id part of a key: letters, digits, "_" and "-", 1..64. */
export function isCaseIdSegment(s: string): boolean {
  if (s.length < 1 || s.length > 64) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d)) return false;
  }
  return true;
}

/** `cases/<caseId>/<uuid>-<name>` split into its parts; null for anything else (no "..", no extra segments). */
export function parseObjectKey(key: string): { caseId: string; name: string; fileName: string } | null {
  const parts = key.split('/');
  if (parts.length !== 3 || parts[0] !== 'cases' || !isCaseIdSegment(parts[1]!) || !isObjectName(parts[2]!)) return null;
  return { caseId: parts[1]!, name: parts[2]!, fileName: parts[2]!.slice(37) };
}
