import { Counter } from 'prom-client';
import { SqliteHistoryStore } from '../adapters/local/sqliteHistoryStore';
import type { ServingDb } from '../adapters/local/servingDb';
import type { Metrics } from '../api/metrics';
import type { AppConfig } from '../config/schema';
import { startCaseContextConsumer } from '../context/caseContext';
import { SqlCaseContextStore } from '../context/sqlCaseContextStore';
import type { SqlClient } from '../adapters/sql/ticketSql';
import type { Background } from '../lifecycle';
import type { Logger } from '../logger';
import type { HistoryFallback, HistoryStore } from '../ports/historyStore';
import type { TicketStore } from '../ports/ticketStore';
import type { AdapterSet } from './selectAdapters';

/**
 * Stack mode on the Flink pipeline: History is Trino, which can be down or slow. The serving store
 * that stands in is the backend's local SQLite (stack-local.sqlite, `db` of the adapter set): the
 * recent cs_timeline rows of each customer, kept from Kafka's live cs_timeline topic by
 * startServingTimeline below. (Cassandra's cs.customer_case holds case summaries — order ids and
 * the last payment, shipment and ticket status per case — not timeline rows.)
 */
export function withServingFallback(deep: HistoryStore, db: ServingDb, config: AppConfig['history']): HistoryStore {
  const fallback: HistoryFallback = {
    store: new SqliteHistoryStore(db, { keepPerCustomer: config.servingRowsPerCustomer }),
    timeoutMs: config.timeoutMs,
    partialTtlMs: config.partialCacheTtlMs,
    retryAfterMs: config.retryAfterMs,
  };
  return {
    timelinePage: (q) => deep.timelinePage(q),
    caseTimeline: (q) => deep.caseTimeline(q),
    // The 360 page's case detail (CaseService) has no partial flag: it gets the serving rows silently, counted.
    timelineBetween: async (customerId, fromMs, toMs, limit) => {
      try {
        return await bounded(deep.timelineBetween(customerId, fromMs, toMs, limit), fallback.timeoutMs);
      } catch (err) {
        fallback.onFallback?.(err instanceof BoundExceeded ? 'timeout' : 'error');
        return fallback.store.timelineBetween(customerId, fromMs, toMs, limit);
      }
    },
    fallback,
  };
}

class BoundExceeded extends Error {}
function bounded<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  p.catch(() => undefined);
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new BoundExceeded(`no answer in ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * The background parts of issue 11 item 3: the fallback counter, the serving copy of recent timeline
 * rows (stack + Flink), and the SP-02 consumer of support_case_context (both modes).
 */
export async function startHistoryParts(config: AppConfig, adapters: AdapterSet, log: Logger, metrics: Metrics): Promise<Background[]> {
  const parts: Background[] = [];
  const fallback = adapters.history.fallback;
  if (fallback) {
    const fallbacks = new Counter({ name: 'support_timeline_fallback_total', help: 'Timeline reads answered by the serving store because the history store (Trino) failed, timed out or was being skipped', labelNames: ['reason'], registers: [metrics.registry] });
    fallback.onFallback = (reason) => fallbacks.inc({ reason });
    const serving = fallback.store;
    if (serving.appendTimeline) {
      // Flink's live cs_timeline rows → the serving store's recent rows (trimmed per customer by the adapter).
      const unsubscribe = adapters.bus.subscribe('cs_timeline', (row) => serving.appendTimeline!([row]));
      parts.push({ name: 'serving timeline', stop: unsubscribe });
    }
  }

  const contextEvents = new Counter({ name: 'support_case_context_events_total', help: 'Domain events handled by the support_case_context consumer (SP-02)', labelNames: ['outcome'], registers: [metrics.registry] });
  const sql = await caseContextSql(config, adapters.tickets);
  if (sql) {
    const consumer = startCaseContextConsumer({ bus: adapters.bus, store: new SqlCaseContextStore(sql.client), history: adapters.history, cache: adapters.cache, log, onEvent: (outcome) => contextEvents.inc({ outcome }) });
    parts.push({
      name: consumer.name,
      stop: async () => {
        consumer.stop();
        await sql.close();
      },
    });
  } else {
    log.warn('support_case_context consumer not started: no SQL connection to the tickets database');
  }
  return parts;
}

/**
 * A connection to the tickets database for support_case_context: stack mode opens its own small
 * pool (like the projector); embedded mode shares PGlite's one connection, which only the Tickets
 * adapter holds (SqlTicketStore's client) — the adapter set does not expose it yet.
 */
async function caseContextSql(config: AppConfig, tickets: TicketStore): Promise<{ client: SqlClient; close(): Promise<void> } | null> {
  if (config.mode === 'stack') {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: config.stack.postgres.url, max: 2, connectionTimeoutMillis: 5000 });
    pool.on('error', () => undefined);
    return {
      client: { query: async <R>(text: string, params?: unknown[]) => ({ rows: (await pool.query(text, params)).rows as R[] }) },
      close: () => pool.end(),
    };
  }
  const shared = (tickets as unknown as { db?: SqlClient }).db;
  return shared && typeof shared.query === 'function' ? { client: shared, close: async () => {} } : null;
}
