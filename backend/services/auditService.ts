import { AppError } from '../../common/errors';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/policy';
import type { ActivityRecord, AgentRecord, AuditFilter, AuditRecord, TicketStore } from '../ports/ticketStore';
import { customerIdInput, instantInput, pageSizeInput, uuidInput } from './inputs';

/** Actions written to support_agent_activity besides the case actions (TICKET_*, MESSAGE_SENT, NOTE_ADDED). */
export const AUDIT_ACTIONS = ['SIGNED_IN', 'SIGNED_OUT', 'CUSTOMER_VIEWED', 'PII_UNMASKED'] as const;

export interface AuditEntry extends AuditRecord {
  agent_name: string | null;
  customer_id: string | null;
}

const ACTION = /^[A-Z_]{2,32}$/;

/**
 * The audit trail: append-only. `record` is the only write (an INSERT); no API updates or deletes a
 * record. Reading is a supervisor's (policy audit:read).
 */
export class AuditService {
  constructor(
    private readonly tickets: TicketStore,
    private readonly now: () => number = Date.now,
  ) {}

  record(a: Omit<ActivityRecord, 'at'> & { at?: number }): Promise<void> {
    return this.tickets.recordActivity({ ...a, at: a.at ?? this.now() });
  }

  async list(principal: Principal | null, raw: Record<string, unknown> | null | undefined, first: unknown = 100): Promise<AuditEntry[]> {
    authorize(principal, 'audit:read');
    const f = raw ?? {};
    const filter: AuditFilter = {};
    if (f.agentId !== undefined && f.agentId !== null && f.agentId !== '') filter.agentId = uuidInput(f.agentId, 'agentId');
    if (f.action !== undefined && f.action !== null && f.action !== '') {
      if (typeof f.action !== 'string' || !ACTION.test(f.action)) throw new AppError('INVALID_INPUT', 'action must be an activity name such as PII_UNMASKED', { field: 'action' });
      filter.action = f.action;
    }
    if (f.customerId !== undefined && f.customerId !== null && f.customerId !== '') filter.customerId = customerIdInput(f.customerId, 'customerId');
    filter.from = instantInput(f.from === '' ? undefined : f.from, 'from');
    filter.to = instantInput(f.to === '' ? undefined : f.to, 'to');
    const limit = pageSizeInput(first, 1000);
    const [rows, agents] = await Promise.all([this.tickets.listAudit(filter, limit), this.tickets.listAgents()]);
    const names = new Map(agents.map((a: AgentRecord) => [a.agent_id, a.full_name]));
    const tickets = new Map((await this.tickets.getTickets([...new Set(rows.map((r) => r.ticket_id).filter((x): x is string => x !== null))])).map((t) => [t.ticket_id, t.customer_id]));
    return rows.map((r) => ({
      ...r,
      agent_name: names.get(r.agent_id) ?? null,
      customer_id: typeof r.details?.customer_id === 'string' ? r.details.customer_id : r.ticket_id ? (tickets.get(r.ticket_id) ?? null) : null,
    }));
  }
}

/** The columns of the audit CSV and of GET /api/audit, one place for both. */
export const auditJson = (e: AuditEntry) => ({
  id: e.activity_id,
  agentId: e.agent_id,
  agentName: e.agent_name,
  action: e.action,
  ticketId: e.ticket_id,
  customerId: e.customer_id,
  at: new Date(e.at).toISOString(),
  details: e.details ?? {},
});
