import type { SqlClient } from '../adapters/sql/ticketSql';
import type { CaseContextRow, CaseContextStore, ContextUpdate } from './caseContext';

/**
 * support_case_context on PostgreSQL (stack) or PGlite (embedded): one upsert per update over the
 * customer's active tickets. `updated_at` is the newest event time applied; the conflict branch runs
 * only when the update is not older than it, so duplicates and replays change nothing.
 */
const UPSERT = (scope: string) => `
INSERT INTO support_case_context AS c (ticket_id, customer_id, last_order_id, last_order_status, last_payment_status, last_shipment_status, updated_at)
SELECT t.ticket_id, t.customer_id, $2::text, $3::text, $4::text, $5::text, $6::timestamptz
FROM support_tickets t
WHERE t.customer_id = $1 AND ${scope}
ON CONFLICT (ticket_id) DO UPDATE SET
  last_order_id = COALESCE(EXCLUDED.last_order_id, c.last_order_id),
  last_order_status = COALESCE(EXCLUDED.last_order_status, c.last_order_status),
  last_payment_status = COALESCE(EXCLUDED.last_payment_status, c.last_payment_status),
  last_shipment_status = COALESCE(EXCLUDED.last_shipment_status, c.last_shipment_status),
  updated_at = EXCLUDED.updated_at
WHERE c.updated_at <= EXCLUDED.updated_at
  AND (c.updated_at < EXCLUDED.updated_at
    OR c.last_order_id IS DISTINCT FROM COALESCE(EXCLUDED.last_order_id, c.last_order_id)
    OR c.last_order_status IS DISTINCT FROM COALESCE(EXCLUDED.last_order_status, c.last_order_status)
    OR c.last_payment_status IS DISTINCT FROM COALESCE(EXCLUDED.last_payment_status, c.last_payment_status)
    OR c.last_shipment_status IS DISTINCT FROM COALESCE(EXCLUDED.last_shipment_status, c.last_shipment_status))
RETURNING ticket_id`;
const FOR_CUSTOMER = UPSERT(`t.status NOT IN ('RESOLVED', 'CLOSED')`);
const FOR_TICKET = UPSERT('t.ticket_id = $7');

export class SqlCaseContextStore implements CaseContextStore {
  constructor(private readonly db: SqlClient) {}

  async apply(u: ContextUpdate, ticketId?: string): Promise<string[]> {
    const params: unknown[] = [u.customerId, u.order?.id ?? null, u.order?.status ?? null, u.paymentStatus ?? null, u.shipmentStatus ?? null, new Date(u.at).toISOString()];
    const { rows } = ticketId === undefined ? await this.db.query<{ ticket_id: string }>(FOR_CUSTOMER, params) : await this.db.query<{ ticket_id: string }>(FOR_TICKET, [...params, ticketId]);
    return rows.map((r) => r.ticket_id);
  }

  async get(ticketId: string): Promise<CaseContextRow | null> {
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT * FROM support_case_context WHERE ticket_id = $1', [ticketId]);
    const r = rows[0];
    if (!r) return null;
    return {
      ticket_id: r.ticket_id as string,
      customer_id: r.customer_id as string,
      last_order_id: (r.last_order_id as string | null) ?? null,
      last_order_status: (r.last_order_status as string | null) ?? null,
      last_payment_status: (r.last_payment_status as string | null) ?? null,
      last_shipment_status: (r.last_shipment_status as string | null) ?? null,
      updated_at: r.updated_at instanceof Date ? r.updated_at.getTime() : new Date(String(r.updated_at)).getTime(),
    };
  }
}
