import { AppError } from '../../common/errors';
import { caseStartMs } from '../../common/ids';
import { isCaseOpen, type CustomerCaseRow } from '../../common/model';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/policy';
import type { CaseStore } from '../ports/caseStore';
import type { HistoryStore } from '../ports/historyStore';
import type { ConversationRecord, TicketRecord, TicketStore } from '../ports/ticketStore';
import { caseIdInput } from './inputs';

export interface CaseView extends CustomerCaseRow {
  opened_at: number;
  open: boolean;
}
export interface TicketView extends TicketRecord {
  messages: ConversationRecord[];
}

/** Rows scanned to find the tickets a case touched; a case is one session, so this is generous. */
const CASE_ROW_SCAN = 2000;

export class CaseService {
  constructor(
    private readonly cases: CaseStore,
    private readonly history: HistoryStore,
    private readonly tickets: TicketStore,
    private readonly now: () => number = Date.now,
  ) {}

  async get(principal: Principal | null, rawCaseId: unknown): Promise<CaseView> {
    authorize(principal, 'case:read');
    const caseId = caseIdInput(rawCaseId);
    const customerId = caseId.slice(0, caseId.indexOf(':'));
    const row = await this.cases.getCase(customerId, caseId);
    if (!row) throw new AppError('NOT_FOUND', `No case ${caseId}`, { caseId });
    return this.view(row);
  }

  view(row: CustomerCaseRow): CaseView {
    return { ...row, opened_at: caseStartMs(row.case_id), open: isCaseOpen(row, this.now()) };
  }

  /** Tickets with activity inside the case's session window, with their conversations. */
  async ticketsOf(principal: Principal | null, c: CaseView): Promise<TicketView[]> {
    authorize(principal, 'ticket:read');
    const rows = await this.history.timelineBetween(c.customer_id, c.opened_at, c.last_event_time, CASE_ROW_SCAN);
    const ids = [...new Set(rows.filter((r) => r.event_type.startsWith('ticket.')).map((r) => r.payload.ticket_id).filter((id): id is string => !!id))];
    const tickets = await this.tickets.getTickets(ids);
    return Promise.all(tickets.map(async (t) => ({ ...t, messages: await this.tickets.listMessages(t.ticket_id) })));
  }
}
