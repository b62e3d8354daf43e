/**
 * File names a timeline row's payload carries. Payload values are text (cs_timeline is a
 * MAP<STRING,STRING>), so `attachments` is a JSON array of names or of { fileName } objects, or a
 * comma-separated list; `attachment_names` is accepted as the same.
 */
export function attachmentNames(payload: Readonly<Record<string, string>>): string[] {
  const raw = payload.attachments ?? payload.attachment_names;
  if (!raw) return [];
  const text = raw.trim();
  if (text.startsWith('[')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (Array.isArray(parsed)) return parsed.map(nameOf).filter((n): n is string => n !== null);
    } catch {
      // Not JSON after all: read it as a list.
    }
  }
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v || null;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of ['fileName', 'file_name', 'name', 'key']) {
      const n = o[k];
      if (typeof n === 'string' && n) return k === 'key' ? (n.split('/').pop() ?? n) : n;
    }
  }
  return null;
}

/** An internal note on the timeline: the payload says so (`internal: "true"`). */
export const isInternalRow = (payload: Readonly<Record<string, string>>): boolean => payload.internal === 'true' || payload.internal === '1';
