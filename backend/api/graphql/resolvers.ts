import { GraphQLScalarType, Kind } from 'graphql';
import { kindOf } from '../../../common/events';
import { AppError } from '../../../common/errors';
import { auditJson } from '../../services/auditService';
import type { AttachmentMeta } from '../../services/caseActions/reply';
import type { Resolvers } from './generated';

const iso = (ms: number) => new Date(ms).toISOString();

const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (v) => (typeof v === 'number' ? iso(v) : String(v)),
  parseValue: (v) => {
    if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw new AppError('INVALID_INPUT', 'DateTime must be an ISO-8601 string');
    return v;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || Number.isNaN(Date.parse(ast.value))) throw new AppError('INVALID_INPUT', 'DateTime must be an ISO-8601 string');
    return ast.value;
  },
});

const JSONScalar = new GraphQLScalarType({ name: 'JSON', serialize: (v) => v, parseValue: (v) => v, parseLiteral: () => null });

/** Thin: each field authorizes and validates inside its service, then maps names. */
export const resolvers: Resolvers = {
  DateTime,
  JSON: JSONScalar,
  Query: {
    me: (_, __, { principal }) => {
      if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in first');
      return principal;
    },
    searchCustomers: (_, { query, limit }, { principal, services }) => services.customers.search(principal, query, limit ?? 10),
    customer: (_, { id }, { principal, services, from }) => services.customers.get(principal, id, from ?? {}),
    timeline: (_, args, { principal, services }) =>
      services.timeline.page(principal, { customerId: args.customerId, first: args.first ?? 100, after: args.after, kinds: args.kinds, from: args.from, to: args.to }),
    case: (_, { caseId }, { principal, services }) => services.cases.get(principal, caseId),
    ticket: async (_, { id }, { principal, services }) => services.support.getCase(principal, id, false),
    seedStatus: (_, __, { services }) => services.seedStatus(),
    agents: async (_, __, { principal, services }) => (await services.support.assignableAgents(principal)).map((a) => ({ id: a.agent_id, name: a.full_name, role: a.role })),
    attachmentUrl: async (_, { ticketId, key }, { principal, services }) => {
      const link = await services.attachments.presignDownload(principal, ticketId, key);
      return { url: link.url, expiresAt: iso(link.expiresAt) };
    },
    slaReport: (_, { filter, groupBy }, { principal, services }) => services.sla.report(principal, filter, groupBy),
    slaCases: (_, { filter, drill, first }, { principal, services }) => services.sla.cases(principal, filter, drill, first),
    slaAtRisk: (_, { filter, first }, { principal, services }) => services.sla.atRisk(principal, filter, first),
    teamWorkload: (_, { filter }, { principal, services }) => services.sla.teamWorkload(principal, filter),
    auditLog: async (_, { filter, first }, { principal, services }) => (await services.audit.list(principal, filter, first ?? 100)).map(auditJson),
  },
  Mutation: {
    postMessage: (_, { ticketId, message }, { principal, services }) => services.support.postMessage(principal, ticketId, { message }),
    createCase: (_, { input }, { principal, services }) => services.support.createCase(principal, input),
    reply: (_, { input }, { principal, services }) => services.support.reply(principal, input, (ticketId, keys) => services.attachments.describeKeys(ticketId, keys)),
    setTicketStatus: (_, { ticketId, status }, { principal, services }) => services.support.setStatus(principal, { ticketId, status }),
    assignTicket: (_, { ticketId, agentId }, { principal, services }) => services.support.assign(principal, { ticketId, agentId }),
    escalateTicket: (_, { ticketId, reason }, { principal, services }) => services.support.escalate(principal, ticketId, { reason }),
    unmaskCustomer: async (_, { id, reason }, { principal, services, from }) => {
      const c = await services.customers.unmask(principal, id, reason, from ?? {});
      return { customerId: c.customer_id, emails: c.emails, phones: c.phones };
    },
    requestUpload: async (_, { ticketId, fileName, contentType, size }, { principal, services }) => {
      const grant = await services.attachments.presignUpload(principal, ticketId, { fileName, contentType, size });
      return { url: grant.url, fields: grant.fields, key: grant.key, expiresAt: iso(grant.expiresAt), maxBytes: size };
    },
  },
  CustomerHit: {
    id: (h) => h.customer_id,
    fullName: (h) => h.full_name,
    matchedOn: (h) => h.matched_on,
  },
  Customer: {
    id: (c) => c.customer_id,
    fullName: (c) => c.full_name,
    vip: (c) => c.segment === 'VIP',
    lifetimeValueVnd: (c) => c.lifetime_value_vnd,
    orderCount: (c) => c.order_count,
    openCaseCount: (c) => c.open_case_count,
    cases: async (c, { first }, { principal, services }) => (await services.customers.listCases(principal, c.customer_id, first ?? 20)).map((r) => services.cases.view(r)),
  },
  Case: {
    caseId: (c) => c.case_id,
    customerId: (c) => c.customer_id,
    openedAt: (c) => iso(c.opened_at),
    lastEventTime: (c) => iso(c.last_event_time),
    orderIds: (c) => c.order_ids,
    paymentStatus: (c) => c.payment_status,
    ticketStatus: (c) => c.ticket_status,
    shipmentStatus: (c) => c.shipment_status,
    tickets: (c, _, { principal, services }) => services.cases.ticketsOf(principal, c),
  },
  Ticket: {
    id: (t) => t.ticket_id,
    customerId: (t) => t.customer_id,
    assignedAgentId: (t) => t.assigned_agent_id,
    orderId: (t) => t.order_id ?? null,
    priorityHint: (t) => t.priority_hint ?? null,
    createdAt: (t) => iso(t.created_at),
    updatedAt: (t) => iso(t.updated_at),
    // Loaded with the ticket where the service already has them (case panel); fetched otherwise.
    messages: (t, _, { services }) => ('messages' in t && Array.isArray(t.messages) ? t.messages : services.ticketMessages(t.ticket_id)),
  },
  Message: {
    id: (m) => m.conversation_id,
    authorType: (m) => m.author_type,
    createdAt: (m) => iso(m.created_at),
    internal: (m) => m.metadata?.internal === true,
    agentId: (m) => (m.author_type === 'AGENT' && typeof m.metadata?.agent_id === 'string' ? m.metadata.agent_id : null),
    attachments: (m) => (Array.isArray(m.metadata?.attachments) ? (m.metadata.attachments as AttachmentMeta[]) : []),
  },
  SlaReport: {
    generatedAt: (r) => iso(r.generatedAt),
  },
  SlaCase: {
    createdAt: (c) => iso(c.createdAt),
    firstResponseAt: (c) => (c.firstResponseAt === null ? null : iso(c.firstResponseAt)),
    dueAt: (c) => (c.dueAt === null ? null : iso(c.dueAt)),
  },
  TimelineEvent: {
    id: (r) => `${r.customer_id}|${r.event_time}|${r.event_type}`,
    customerId: (r) => r.customer_id,
    eventType: (r) => r.event_type,
    kind: (r) => kindOf(r.event_type),
    eventTime: (r) => iso(r.event_time),
    payload: (r) => r.payload,
  },
};
