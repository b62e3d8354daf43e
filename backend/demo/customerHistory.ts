import { SCHEMA_VERSION, type EventEnvelope } from '../../common/events';
import type { ConversationRecord, NoteRecord, TicketRecord } from '../ports/ticketStore';
import { orderStory } from './orderStory';
import { Story, settleDraft, type Draft, type StoryContext } from './story';
import { RESELLER_NOTES, SCENARIOS_BY_STAGE, STANDALONE_NOTES, type TextContext } from './supportTexts';
import { ticketStory } from './ticketStory';
import type { Rng } from './rng';
import { DAY, HOUR, MIN, duringDaytime, IsoFormatter } from './time';

export interface CustomerHistory {
  events: EventEnvelope[];
  tickets: TicketRecord[];
  messages: ConversationRecord[];
  notes: NoteRecord[];
}

const NO_ORDER: TextContext = { order: '', carrier: '', tracking: '', product: 'sản phẩm', amount: '' };

/** Writes stories (mostly orders, some tickets without an order, some agent notes) until the budget is spent. */
export function writeStories(c: StoryContext, budget: number, drafts: Draft[]): number {
  const orderShare = c.reseller ? 0.93 : 0.84;
  const ticketShare = c.reseller ? 0.03 : 0.09;
  let stories = 0;
  while (drafts.length < budget) {
    const s = new Story(c.rng, drafts, stories++);
    const r = c.rng.next();
    if (r < orderShare) orderStory(c, s);
    else if (r < orderShare + ticketShare) ticketStory(c, s, SCENARIOS_BY_STAGE.get('NONE')!.pick(c.rng), NO_ORDER, null);
    else {
      const agent = c.rng.pick(c.team.agents);
      const noteId = c.ids.uuid();
      const body = c.rng.pick(c.reseller ? RESELLER_NOTES : STANDALONE_NOTES);
      s.add('note.added', { note_id: noteId, agent_id: agent.agent_id, body }, { note: { note_id: noteId, customer_id: c.customerId, ticket_id: null, agent_id: agent.agent_id, body, created_at: 0 } });
    }
  }
  return stories;
}

/**
 * Extra wait for an agent at the hour (Vietnam) a ticket was opened: the lunch (11–13) and evening
 * (19–22) peaks are short-staffed, the first hour of the day (07) is not fully staffed yet.
 */
export function staffingLag(openedAt: number, rng: Rng): number {
  const hour = Math.floor((((openedAt + 7 * HOUR) % DAY) + DAY) % DAY / HOUR);
  const roll = rng.next();
  if ((hour >= 11 && hour < 13) || (hour >= 19 && hour < 22)) return roll < 0.4 ? rng.int(2 * MIN, 25 * MIN) : 0;
  if (hour === 7) return roll < 0.3 ? rng.int(5 * MIN, 40 * MIN) : 0;
  return 0;
}

/**
 * Places the stories in the customer's window (each starts at a random waking hour), orders the
 * events, nudges exact ties 1 ms apart so a customer's events are strictly increasing, drops what
 * would happen after the window (orders still in progress at endMs) and builds envelopes and
 * records with matching ids and times.
 */
export function materialize(c: StoryContext, drafts: Draft[], stories: number, window: { startMs: number; endMs: number }, idPrefix: string): CustomerHistory {
  const starts = new Float64Array(stories);
  const length = Math.max(0, window.endMs - window.startMs);
  for (let i = 0; i < stories; i++) starts[i] = window.startMs + Math.floor(c.rng.next() * length);
  // Story k starts before story k + 1, so order numbers grow with time as in a real shop.
  starts.sort();
  for (const d of drafts) d.t = duringDaytime(starts[d.story]! + d.burst) + d.dt;
  // Conversations opened at peak hours wait longer for their first reply (and the rest of the burst with it).
  for (const d of drafts) {
    const opened = d.lagFrom;
    if (!opened) continue;
    opened.lagMs ??= staffingLag(opened.t, c.rng);
    d.t += opened.lagMs;
  }
  drafts.sort((a, b) => a.t - b.t);

  const out: CustomerHistory = { events: [], tickets: [], messages: [], notes: [] };
  const iso = new IsoFormatter();
  let last = Number.NEGATIVE_INFINITY;
  for (const d of drafts) {
    const t = d.t <= last ? last + 1 : d.t;
    if (t > window.endMs) break;
    last = t;
    settleDraft(d, t);
    out.events.push({
      id: `${idPrefix}${out.events.length}`,
      type: d.type,
      customer_id: c.customerId,
      event_time: iso.format(t),
      source: d.source,
      payload: d.payload,
      schema_version: SCHEMA_VERSION,
    });
    if (d.type === 'ticket.opened' && d.ticket) out.tickets.push(d.ticket);
    if (d.message) out.messages.push(d.message);
    if (d.note) out.notes.push(d.note);
  }
  return out;
}
