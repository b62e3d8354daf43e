import type { EventEnvelope } from '../../common/events';
import type { SeedProgress } from '../../common/live';
import type { CustomerProfile } from '../../common/model';
import type { DemoOptions } from './index';
import type { Logger } from '../logger';
import { CustomerCasePipeline } from '../pipeline';
import type { CaseStore } from '../ports/caseStore';
import type { HistoryStore } from '../ports/historyStore';
import type { TicketStore } from '../ports/ticketStore';
import { writeOutput } from '../pipeline/runLivePipeline';
import { readMeta, writeMeta, type ServingDb } from '../adapters/local/servingDb';

export interface SeedManifest extends DemoOptions {
  completedAt: number;
}

const MANIFEST_KEY = 'demo.manifest';

export function readManifest(db: ServingDb): SeedManifest | null {
  const raw = readMeta(db, MANIFEST_KEY);
  return raw ? (JSON.parse(raw) as SeedManifest) : null;
}

/**
 * First run: generate the demo data and push every event through the same pipeline the live
 * events use, with progress. A run that stopped half-way is simply run again: every write is an
 * idempotent upsert and the generator is deterministic, so nothing is duplicated.
 */
export async function seedDemo(deps: {
  db: ServingDb;
  cases: CaseStore;
  history: HistoryStore;
  tickets: TicketStore;
  options: DemoOptions;
  log: Logger;
  onProgress: (p: SeedProgress) => void;
  /**
   * Stack mode with the Flink pipeline: the events go to Kafka (cs.events) and Flink builds cases,
   * timeline and stats from them, exactly as from live traffic. Without it the events go through
   * the embedded pipeline here and its output is written to the stores directly.
   */
  publishEvents?: (events: readonly EventEnvelope[]) => Promise<void>;
}): Promise<{ events: number; deadLetters: number; ms: number }> {
  const { options, log } = deps;
  const started = performance.now();
  const pipeline = new CustomerCasePipeline();
  let written = 0;
  let deadLetters = 0;
  let lastReported = -1;
  const report = (phase: SeedProgress['phase'], message: string) => {
    const fraction = Math.min(1, written / options.events);
    deps.onProgress({ phase, fraction, eventsWritten: written, eventsTotal: options.events, message });
    const decile = Math.floor(fraction * 10);
    if (decile !== lastReported) {
      lastReported = decile;
      log.info({ fraction: Number(fraction.toFixed(2)), eventsWritten: written }, `demo data: ${message}`);
    }
  };
  report('generating', 'generating demo customers and history');
  // Imported when there is something to generate: the generator pulls in @faker-js/faker (~0.1 s
  // of module loading), which a start on an already seeded data dir does not need.
  const { generateDemo, normalizeCustomer } = await import('./index');

  for (const batch of generateDemo(options)) {
    const profiles: CustomerProfile[] = [];
    for (const raw of batch.customers) {
      const p = normalizeCustomer(raw);
      if ('reason' in p) log.warn({ reason: p.reason }, 'demo customer rejected');
      else profiles.push(p);
    }
    await deps.cases.upsertCustomers(profiles);
    await deps.tickets.bulkLoad({ agents: batch.agents, tickets: batch.tickets, messages: batch.messages, notes: batch.notes });
    if (deps.publishEvents) await deps.publishEvents(batch.events);
    else {
      const out = await pipeline.process(batch.events);
      await writeOutput(out, deps);
      deadLetters += out.deadLetters.length;
    }
    written += batch.events.length;
    report('generating', `${written.toLocaleString('en')} of ~${options.events.toLocaleString('en')} events`);
    // Let HTTP requests (health, progress) through between batches.
    await new Promise((r) => setImmediate(r));
  }
  writeMeta(deps.db, MANIFEST_KEY, JSON.stringify({ ...options, completedAt: Date.now() } satisfies SeedManifest));
  const ms = performance.now() - started;
  deps.onProgress({ phase: 'ready', fraction: 1, eventsWritten: written, eventsTotal: written, message: 'ready' });
  log.info({ events: written, deadLetters, seconds: Number((ms / 1000).toFixed(1)) }, 'demo data ready');
  return { events: written, deadLetters, ms };
}
