import type { EventEnvelope } from '../../common/events';
import type { AgentRecord, ConversationRecord, NoteRecord, TicketRecord } from '../ports/ticketStore';
import { demoAgents } from './agents';
import { materialize, writeStories } from './customerHistory';
import { customerTraits, planCustomer, type RawCustomer } from './customers';
import { IdSource } from './demoIds';
import { NamePool } from './names';
import type { AgentTeam, Draft, StoryContext } from './story';

export interface DemoOptions {
  seed: number;
  customers: number;
  events: number;
  whaleEvents: number;
  endMs: number;
  spanDays: number;
  batchCustomers?: number;
}

export interface DemoBatch {
  customers: RawCustomer[];
  agents: AgentRecord[];
  tickets: TicketRecord[];
  messages: ConversationRecord[];
  notes: NoteRecord[];
  events: EventEnvelope[];
}

/** Batches of about this many events keep memory flat and give the loader a steady rhythm. */
const EVENTS_PER_BATCH = 10_000;

/** Who answers and who takes escalations; a team without one role lets the others stand in. */
export function teamOf(agents: readonly AgentRecord[]): AgentTeam {
  const front = agents.filter((a) => a.role === 'AGENT');
  const supervisors = agents.filter((a) => a.role === 'SUPERVISOR');
  const anyone = front.length > 0 ? front : [...agents];
  return { agents: anyone, supervisors: supervisors.length > 0 ? supervisors : anyone };
}

function checkOptions(o: DemoOptions): void {
  const bad = (what: string) => {
    throw new RangeError(`generateDemo: ${what}`);
  };
  if (!Number.isInteger(o.customers) || o.customers < 1 || o.customers > 4_999_999) bad('customers must be an integer in 1..4,999,999');
  if (!Number.isFinite(o.events) || o.events < 0) bad('events must be ≥ 0');
  if (!Number.isFinite(o.whaleEvents) || o.whaleEvents < 0) bad('whaleEvents must be ≥ 0');
  if (!Number.isFinite(o.endMs)) bad('endMs must be a time');
  if (!(o.spanDays > 0)) bad('spanDays must be > 0');
  if (o.batchCustomers !== undefined && !(o.batchCustomers >= 1)) bad('batchCustomers must be ≥ 1');
}

/**
 * Demo data for the console: customers C0000001… with their order, payment, shipment, ticket and
 * note history, as the source systems would have emitted it. Deterministic in the options: every
 * customer draws from its own random stream, so batch size changes nothing but the grouping.
 *
 * Sizing: C0000001 (a reseller) gets `whaleEvents`; the rest of `events` is shared by activity
 * weight, and each customer's budget absorbs what the previous ones over- or undershot, so the total
 * lands within a story's length of `events`.
 */
export function* generateDemo(options: DemoOptions): Generator<DemoBatch> {
  checkOptions(options);
  const { seed, customers, endMs, spanDays } = options;
  const hasWhale = options.whaleEvents > 0;
  const agents = demoAgents(seed);
  const team = teamOf(agents);
  const names = new NamePool(seed);
  const seedTag = (seed >>> 0).toString(36);

  // Budget pass: only the first draws of each customer's stream.
  const weights = new Float64Array(customers + 1);
  let weightSum = 0;
  for (let n = hasWhale ? 2 : 1; n <= customers; n++) {
    weights[n] = customerTraits(seed, n).weight;
    weightSum += weights[n]!;
  }
  const sharedEvents = Math.max(0, options.events - (hasWhale ? options.whaleEvents : 0));
  const perWeight = weightSum > 0 ? sharedEvents / weightSum : 0;
  const averageEvents = sharedEvents / Math.max(1, customers - (hasWhale ? 1 : 0));
  const batchCustomers = Math.floor(options.batchCustomers ?? Math.max(1, Math.round(EVENTS_PER_BATCH / Math.max(1, averageEvents))));

  let target = 0;
  let produced = 0;
  let batch: DemoBatch = { customers: [], agents, tickets: [], messages: [], notes: [], events: [] };
  const drafts: Draft[] = [];
  for (let n = 1; n <= customers; n++) {
    const whale = hasWhale && n === 1;
    const plan = planCustomer(customerTraits(seed, n), { seed, n, endMs, spanDays, whale, names });
    let budget: number;
    if (whale) budget = options.whaleEvents;
    else {
      target += weights[n]! * perWeight;
      budget = Math.round(target - produced);
    }
    const ctx: StoryContext = {
      rng: plan.rng,
      ids: new IdSource(seed, n),
      customerId: plan.raw.customer_id,
      reseller: plan.reseller,
      team,
      ticketP: whale ? 0.03 : plan.raw.segment === 'AT_RISK' ? 0.18 : plan.raw.segment === 'VIP' ? 0.08 : 0.11,
      fraudP: whale ? 0.0005 : 0.004,
      escalationBoost: 1,
    };
    drafts.length = 0;
    const stories = budget > 0 ? writeStories(ctx, budget, drafts) : 0;
    const history = materialize(ctx, drafts, stories, { startMs: plan.historyStartMs, endMs: plan.historyEndMs }, `evt-${seedTag}-${plan.raw.customer_id}-`);
    if (!whale) produced += history.events.length;

    batch.customers.push(plan.raw);
    for (const e of history.events) batch.events.push(e);
    for (const t of history.tickets) batch.tickets.push(t);
    for (const m of history.messages) batch.messages.push(m);
    for (const x of history.notes) batch.notes.push(x);
    if (batch.customers.length >= batchCustomers) {
      yield batch;
      batch = { customers: [], agents: [], tickets: [], messages: [], notes: [], events: [] };
    }
  }
  if (batch.customers.length > 0) yield batch;
}
