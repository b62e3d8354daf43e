import { SCHEMA_VERSION } from '../../common/events';
import { CUSTOMER_ID } from '../../common/ids';
import type { AgentRecord } from '../ports/ticketStore';
import { IdSource } from './demoIds';
import { teamOf, type DemoBatch } from './generateDemo';
import { orderStory } from './orderStory';
import { hash32, Rng } from './rng';
import { Story, settleDraft, type AgentTeam, type Draft, type StoryContext } from './story';
import { SCENARIOS_BY_STAGE, STANDALONE_NOTES, type TextContext } from './supportTexts';
import { ticketStory } from './ticketStory';

/** Stories under way at once; the oldest is dropped beyond this (the trickle runs for days). */
const MAX_IN_PROGRESS = 500;
const NO_ORDER: TextContext = { order: '', carrier: '', tracking: '', product: 'sản phẩm', amount: '' };

/**
 * New events while the app runs: each call continues a story (an order being paid, shipped and
 * delivered; a ticket conversation) or starts one, and emits its next 1–3 events at `nowMs` plus a
 * second or two. Half the time, when given, it picks a customer someone is looking at.
 *
 * A ticket record comes with every batch that changes the ticket (opened, new message, escalated,
 * resolved), in its state after the batch: a loader should upsert it (one that only inserts keeps
 * the first state).
 */
export class LiveTrickle {
  private readonly rng: Rng;
  private readonly team: AgentTeam;
  private readonly customerIds: string[];
  private readonly seed: number;
  private readonly orderPrefix: string;
  private readonly eventPrefix: string;
  private readonly inProgress = new Map<string, Draft[]>();
  private readonly idSources = new Map<string, IdSource>();
  private readonly lastTime = new Map<string, number>();
  private events = 0;

  constructor(options: { seed: number; customerIds: string[]; agents: AgentRecord[] }) {
    this.seed = options.seed;
    this.rng = new Rng(options.seed, 0x11fe);
    this.team = teamOf(options.agents);
    this.customerIds = options.customerIds.filter((id) => CUSTOMER_ID.test(id));
    // Runs of the app use different seeds; the tag keeps their order numbers and event ids apart.
    const tag = hash32(options.seed, 0x7a9).toString(36).toUpperCase().padStart(7, '0').slice(-5);
    this.orderPrefix = `DL${tag}`;
    this.eventPrefix = `live-${tag.toLowerCase()}-`;
  }

  next(nowMs: number, preferCustomerIds?: string[]): DemoBatch {
    const batch: DemoBatch = { customers: [], agents: [], tickets: [], messages: [], notes: [], events: [] };
    const customerId = this.chooseCustomer(preferCustomerIds);
    if (!customerId || this.team.agents.length === 0) return batch;

    let queue = this.inProgress.get(customerId);
    if (!queue || queue.length === 0) queue = this.startStory(customerId);
    // Most recently active last, so the oldest stories are the ones dropped.
    this.inProgress.delete(customerId);

    let t = Math.max(nowMs, (this.lastTime.get(customerId) ?? Number.NEGATIVE_INFINITY) + 1);
    const count = this.rng.int(1, 3);
    for (let i = 0; i < count && queue.length > 0; i++) {
      if (i > 0) t += this.rng.int(400, 2500);
      const d = queue.shift()!;
      settleDraft(d, t);
      batch.events.push({
        id: `${this.eventPrefix}${(this.events++).toString(36)}`,
        type: d.type,
        customer_id: customerId,
        event_time: new Date(t).toISOString(),
        source: d.source,
        payload: d.payload,
        schema_version: SCHEMA_VERSION,
      });
      if (d.ticket) {
        // One row per ticket and batch, in its latest state.
        const at = batch.tickets.findIndex((x) => x.ticket_id === d.ticket!.ticket_id);
        if (at >= 0) batch.tickets[at] = { ...d.ticket };
        else batch.tickets.push({ ...d.ticket });
      }
      if (d.message) batch.messages.push(d.message);
      if (d.note) batch.notes.push(d.note);
    }
    this.lastTime.set(customerId, t);
    if (queue.length > 0) this.inProgress.set(customerId, queue);
    while (this.inProgress.size > MAX_IN_PROGRESS) this.inProgress.delete(this.inProgress.keys().next().value!);
    return batch;
  }

  private chooseCustomer(prefer: readonly string[] | undefined): string | undefined {
    const preferred = prefer?.filter((id) => CUSTOMER_ID.test(id)) ?? [];
    if (preferred.length > 0 && this.rng.chance(0.5)) return this.rng.pick(preferred);
    // Finishing stories under way makes the stream read like real life rather than noise.
    if (this.inProgress.size > 0 && this.rng.chance(0.5)) {
      const ids = [...this.inProgress.keys()];
      return this.rng.pick(ids);
    }
    return this.customerIds.length > 0 ? this.rng.pick(this.customerIds) : undefined;
  }

  private startStory(customerId: string): Draft[] {
    let ids = this.idSources.get(customerId);
    if (!ids) {
      ids = new IdSource(this.seed, Number(customerId.slice(1)), this.orderPrefix);
      this.idSources.set(customerId, ids);
    }
    const ctx: StoryContext = {
      rng: this.rng,
      ids,
      customerId,
      reseller: false,
      team: this.team,
      // Livelier than history: tickets and escalations are what the console is for.
      ticketP: 0.35,
      fraudP: 0.01,
      escalationBoost: 2.5,
    };
    const drafts: Draft[] = [];
    const s = new Story(this.rng, drafts, 0);
    const r = this.rng.next();
    if (r < 0.55) orderStory(ctx, s);
    else if (r < 0.88) ticketStory(ctx, s, SCENARIOS_BY_STAGE.get('NONE')!.pick(this.rng), NO_ORDER, null);
    else {
      const agent = this.rng.pick(this.team.agents);
      const noteId = ids.uuid();
      const body = this.rng.pick(STANDALONE_NOTES);
      s.add('note.added', { note_id: noteId, agent_id: agent.agent_id, body }, { note: { note_id: noteId, customer_id: customerId, ticket_id: null, agent_id: agent.agent_id, body, created_at: 0 } });
    }
    // The story's own clock decides the order; the trickle then replays it compressed into seconds.
    return drafts.sort((a, b) => a.burst + a.dt - (b.burst + b.dt));
  }
}
