import { csvFileName, toCsv } from '../sla/slaCsv';

export interface AuditEntry {
  id: string;
  agentId: string;
  agentName: string | null;
  action: string;
  ticketId: string | null;
  customerId: string | null;
  at: string;
  details: Record<string, unknown>;
}

export const AUDIT_ACTIONS = ['SIGNED_IN', 'SIGNED_OUT', 'CUSTOMER_VIEWED', 'PII_UNMASKED', 'TICKET_CREATED', 'MESSAGE_SENT', 'NOTE_ADDED', 'TICKET_ASSIGNED', 'TICKET_ESCALATED', 'STATUS_CHANGED'] as const;

/** details without where-from (shown in its own columns): reason, from/to, order id … as key=value. */
export function detailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([k]) => k !== 'ip' && k !== 'user_agent' && k !== 'customer_id')
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The audit table as CSV (formula-safe, RFC 4180), with the same columns as on screen. */
export function auditCsv(entries: readonly AuditEntry[], header: readonly string[], day: string): { fileName: string; csv: string } {
  const rows = entries.map((e) => [e.at, e.agentName ?? e.agentId, e.agentId, e.action, e.customerId, e.ticketId, str(e.details.ip), str(e.details.user_agent), detailText(e.details)]);
  return { fileName: csvFileName('audit', day), csv: toCsv(header, rows) };
}
