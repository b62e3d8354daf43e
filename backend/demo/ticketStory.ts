import type { AuthorType, ConversationRecord, TicketRecord } from '../ports/ticketStore';
import type { Draft, Story, StoryContext } from './story';
import { AGENT_HOLD, BOT_GREETINGS, CHANNELS, CUSTOMER_THANKS, ESCALATION_PRIORITIES, SUPERVISOR_TAKEOVER, type CustomerLine, type Scenario, type TextContext } from './supportTexts';
import { DAY, MIN, SEC } from './time';

const CHAT_CHANNELS = new Set<TicketRecord['channel']>(['CHAT', 'ZALO', 'FACEBOOK']);
/**
 * How late each front-line agent tends to answer (1: the team's norm), by position in the team so a
 * seed always gives the same agent the same habits: the SLA dashboard must show agents apart.
 */
const LATENESS = [0.5, 1.0, 1.7, 0.8, 1.2, 2.0, 0.7, 1.0, 1.4];

export interface TicketResult {
  ticketId: string;
  resolved: boolean;
  escalated: boolean;
}

/**
 * One support conversation from ticket.opened to ticket.resolved, starting where the story stands:
 * the customer writes, a bot greets on chat channels, an agent answers (usually within the 5-minute
 * SLA, sometimes not), maybe a note, maybe an escalation to a supervisor, then the resolution in the
 * same burst or a few days later. A few tickets are left unresolved.
 */
export function ticketStory(c: StoryContext, s: Story, sc: Scenario, text: TextContext, orderId: string | null): TicketResult {
  const { rng, ids } = c;
  const ticketId = ids.uuid();
  const channel = CHANNELS.pick(rng);
  const agentIndex = rng.int(0, c.team.agents.length - 1);
  const agent = c.team.agents[agentIndex]!;
  const late = LATENESS[agentIndex % LATENESS.length]!;
  const record: TicketRecord = {
    ticket_id: ticketId,
    customer_id: c.customerId,
    subject: sc.subject,
    status: 'OPEN',
    priority: sc.priority,
    channel,
    assigned_agent_id: null,
    created_at: 0,
    updated_at: 0,
    first_response_at: null,
  };
  let status: TicketRecord['status'] = 'OPEN';
  let escalated = false;

  const opened: Record<string, string> = { ticket_id: ticketId, status, subject: sc.subject, channel, priority: sc.priority };
  if (orderId) opened.order_id = orderId;
  const openedDraft = s.add('ticket.opened', opened, { ticket: record });
  // From the first reply to the end of the first burst, the conversation waits on staffing at the
  // hour it is placed (materialize knows the hour; see staffingLag in customerHistory.ts).
  let staffed = false;
  const tag = (d: Draft) => {
    if (staffed) d.lagFrom = openedDraft;
  };

  const say = (author: AuthorType, message: string, extra: { agentId?: string; line?: CustomerLine; attachment?: boolean } = {}) => {
    if (author === 'AGENT') status = escalated ? 'ESCALATED' : 'PENDING';
    else if (author === 'CUSTOMER') status = escalated ? 'ESCALATED' : 'OPEN';
    const conversationId = ids.uuid();
    const sentiment = extra.line?.sentiment ?? null;
    const attachment = extra.attachment ? `s3://cs360-attachments/tickets/${ticketId}/anh-${conversationId.slice(0, 8)}.jpg` : null;
    const payload: Record<string, string> = { ticket_id: ticketId, subject: sc.subject, status, author_type: author, message, conversation_id: conversationId, channel };
    if (extra.agentId) payload.agent_id = extra.agentId;
    if (sentiment) payload.sentiment = sentiment;
    if (attachment) payload.attachment_uri = attachment;
    const m: ConversationRecord = {
      conversation_id: conversationId,
      ticket_id: ticketId,
      author_type: author,
      message,
      created_at: 0,
      attachment_uri: attachment,
      sentiment,
      metadata: author === 'BOT' ? { channel, bot: 'cs360-assistant' } : { channel },
    };
    tag(s.add('ticket.message', payload, { ticket: record, message: m }));
  };
  const note = (agentId: string, body: string) => {
    const noteId = ids.uuid();
    tag(s.add('note.added', { note_id: noteId, agent_id: agentId, body, ticket_id: ticketId }, { note: { note_id: noteId, customer_id: c.customerId, ticket_id: ticketId, agent_id: agentId, body, created_at: 0 } }));
  };

  s.wait(5 * SEC, 40 * SEC);
  const opening = rng.pick(sc.opening);
  say('CUSTOMER', opening.text(text), { line: opening, attachment: rng.chance(sc.attachmentP) });
  if (CHAT_CHANNELS.has(channel)) {
    s.wait(2 * SEC, 8 * SEC);
    say('BOT', rng.pick(BOT_GREETINGS));
  }
  // First response: for the team's norm, three in four inside the 5-minute SLA, one in six late,
  // one in twelve very late; a slow agent (late > 1) misses more often. Peak hours add their own wait later.
  const r = rng.next();
  if (r < 1 - 0.25 * late) s.wait(20 * SEC, 3 * MIN + 30 * SEC);
  else if (r < 1 - 0.08 * late) s.wait(5 * MIN + SEC, 25 * MIN);
  else s.wait(25 * MIN, 150 * MIN);
  staffed = true;
  say('AGENT', rng.pick(sc.replies)(text), { agentId: agent.agent_id });
  if (rng.chance(0.55)) {
    s.wait(1 * MIN, 10 * MIN);
    const follow = rng.pick(sc.followUps);
    say('CUSTOMER', follow.text(text), { line: follow });
    // The next response: usually minutes, sometimes well past the target (more often for slow agents).
    if (rng.chance(0.12 * late)) s.wait(20 * MIN, 90 * MIN);
    else s.wait(1 * MIN, 6 * MIN);
    say('AGENT', rng.pick(AGENT_HOLD), { agentId: agent.agent_id });
  }
  if (rng.chance(0.4)) {
    s.wait(1 * MIN, 4 * MIN);
    note(agent.agent_id, rng.pick(sc.notes)(text));
  }

  let closer = agent;
  if (rng.chance(Math.min(1, sc.escalateP * c.escalationBoost))) {
    escalated = true;
    const supervisor = rng.pick(c.team.supervisors);
    closer = supervisor;
    s.wait(2 * MIN, 15 * MIN);
    status = 'ESCALATED';
    tag(s.add(
      'ticket.escalated',
      {
        ticket_id: ticketId,
        subject: sc.subject,
        status,
        reason: rng.pick(sc.escalationReasons)(text),
        priority: ESCALATION_PRIORITIES.pick(rng),
        agent_id: supervisor.agent_id,
        previous_agent_id: agent.agent_id,
      },
      { ticket: record },
    ));
    s.wait(3 * MIN, 30 * MIN);
    say('AGENT', rng.pick(SUPERVISOR_TAKEOVER), { agentId: supervisor.agent_id });
    if (rng.chance(0.6)) {
      s.wait(1 * MIN, 5 * MIN);
      note(supervisor.agent_id, rng.pick(sc.notes)(text));
    }
  }

  const end = rng.next();
  if (end < 0.05) return { ticketId, resolved: false, escalated };
  if (end < 0.62) s.wait(3 * MIN, 40 * MIN);
  else {
    s.burstAt(s.position.burst + rng.int(1 * DAY, 3 * DAY));
    staffed = false;
  }
  say('AGENT', rng.pick(sc.closings)(text), { agentId: closer.agent_id });
  if (rng.chance(0.45)) {
    s.wait(1 * MIN, 20 * MIN);
    const thanks = rng.pick(CUSTOMER_THANKS);
    say('CUSTOMER', thanks.text(text), { line: thanks });
  }
  s.wait(1 * MIN, 10 * MIN);
  status = 'RESOLVED';
  tag(s.add('ticket.resolved', { ticket_id: ticketId, subject: sc.subject, status, agent_id: closer.agent_id }, { ticket: record }));
  return { ticketId, resolved: true, escalated };
}
