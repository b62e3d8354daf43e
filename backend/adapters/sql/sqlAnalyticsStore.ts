import type { AnalyticsStore, TicketFacts } from '../../ports/analyticsStore';
import { TICKET_WHERE, queryFacts, toFacts } from './analyticsSql';
import type { SqlClient } from './ticketSql';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Analytics facts straight from the Tickets database (PostgreSQL in stack mode; PGlite works too):
 * two indexed queries per call, the metrics computed by the caller.
 */
export class SqlAnalyticsStore implements AnalyticsStore {
  constructor(private readonly db: SqlClient) {}

  async ticketFacts(fromMs: number, toMs: number): Promise<TicketFacts[]> {
    return (await queryFacts(this.db, TICKET_WHERE.openedBetween, [iso(fromMs), iso(toMs)])).map((f) => toFacts(f.row, f.messages));
  }

  async currentFacts(resolvedSinceMs: number): Promise<TicketFacts[]> {
    return (await queryFacts(this.db, TICKET_WHERE.openOrResolvedSince, [iso(resolvedSinceMs)])).map((f) => toFacts(f.row, f.messages));
  }
}
