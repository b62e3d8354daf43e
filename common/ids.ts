/** Identifier formats. Validation lives here so the renderer can pre-check what the backend enforces. */
export const CUSTOMER_ID = /^C\d{7}$/;
export const CUSTOMER_ID_PREFIX = /^C\d{1,7}$/i;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A case is a customer's session of interactions; its id names the customer and the session start. */
export const CASE_ID = /^C\d{7}:\d{8}T\d{6}Z$/;

export const formatCustomerId = (n: number): string => `C${String(n).padStart(7, '0')}`;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export function formatCaseId(customerId: string, sessionStartMs: number): string {
  const d = new Date(sessionStartMs);
  return `${customerId}:${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

export function caseStartMs(caseId: string): number {
  const m = /:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(caseId);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}
