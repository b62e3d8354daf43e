import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerView } from '../../services/customerService';
import type { CaseView } from '../../services/caseService';
import type { TicketRecord, ConversationRecord } from '../../ports/ticketStore';
import type { TimelineRow } from '../../../common/model';
import type { TimelinePage as TimelinePageModel } from '../../services/timelineService';
import type { CustomerHitRow } from '../../ports/caseStore';
import type { SeedProgress } from '../../../common/live';
import type { SlaReportData } from '../../services/slaMetrics';
import type { SlaCaseView } from '../../services/slaService';
import type { GraphQLContext } from './context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** CS360 console API. Errors carry extensions.code: INVALID_INPUT, NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, UNAVAILABLE. */
  DateTime: { input: string; output: string; }
  JSON: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

export type Agent = {
  __typename?: 'Agent';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  role: Role;
};

export type AgentWorkloadRow = {
  __typename?: 'AgentWorkloadRow';
  agentId: Scalars['ID']['output'];
  /** Open tickets assigned now. */
  assignedNow: Scalars['Int']['output'];
  /** First-response % met over the filter's range, 0..1. */
  firstResponsePctMet?: Maybe<Scalars['Float']['output']>;
  handledToday: Scalars['Int']['output'];
  medianHandleSeconds?: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  open: Scalars['Int']['output'];
  team?: Maybe<Scalars['String']['output']>;
  waitingOnAgent: Scalars['Int']['output'];
};

/** A file on a message, stored in the object store under the ticket's key prefix. */
export type Attachment = {
  __typename?: 'Attachment';
  contentType: Scalars['String']['output'];
  fileName: Scalars['String']['output'];
  key: Scalars['String']['output'];
  size: Scalars['Int']['output'];
};

/** Who did what, when and from where (details: ip, user_agent, reason …). */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  action: Scalars['String']['output'];
  agentId: Scalars['ID']['output'];
  agentName?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  customerId?: Maybe<Scalars['ID']['output']>;
  details: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  ticketId?: Maybe<Scalars['ID']['output']>;
};

/** Which tickets a report or drill-down covers: tickets opened in [from, to) plus optional filters. */
export type AuditFilter = {
  /** SIGNED_IN, SIGNED_OUT, CUSTOMER_VIEWED, PII_UNMASKED or a case action (TICKET_CREATED, MESSAGE_SENT, NOTE_ADDED, TICKET_ASSIGNED, TICKET_ESCALATED, STATUS_CHANGED …) */
  action?: InputMaybe<Scalars['String']['input']>;
  agentId?: InputMaybe<Scalars['ID']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type AuthorType =
  | 'AGENT'
  | 'BOT'
  | 'CUSTOMER';

export type Case = {
  __typename?: 'Case';
  caseId: Scalars['ID']['output'];
  customerId: Scalars['ID']['output'];
  lastEventTime: Scalars['DateTime']['output'];
  notes?: Maybe<Scalars['String']['output']>;
  open: Scalars['Boolean']['output'];
  openedAt: Scalars['DateTime']['output'];
  orderIds: Array<Scalars['String']['output']>;
  paymentStatus?: Maybe<Scalars['String']['output']>;
  shipmentStatus?: Maybe<Scalars['String']['output']>;
  ticketStatus?: Maybe<Scalars['String']['output']>;
  /** Tickets with activity in this case, with their conversations. */
  tickets: Array<Ticket>;
};

export type CreateCaseInput = {
  channel: TicketChannel;
  customerId: Scalars['ID']['input'];
  /** The customer's first message, 1..10,000 characters. */
  message: Scalars['String']['input'];
  /** One of this customer's orders, or null. */
  orderId?: InputMaybe<Scalars['String']['input']>;
  priority: TicketPriority;
  /** 3..200 characters. */
  subject: Scalars['String']['input'];
};

export type Customer = {
  __typename?: 'Customer';
  /** Most recent first. */
  cases: Array<Case>;
  city: Scalars['String']['output'];
  emails: Array<Scalars['String']['output']>;
  fullName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lifetimeValueVnd: Scalars['Float']['output'];
  openCaseCount: Scalars['Int']['output'];
  orderCount: Scalars['Int']['output'];
  /** E.164 (+84…) */
  phones: Array<Scalars['String']['output']>;
  segment: Segment;
  vip: Scalars['Boolean']['output'];
};


export type CustomerCasesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** An ANALYST gets emails and phones masked (t***@gmail.com, +84 9** *** 678); unmaskCustomer reveals them to a SUPERVISOR. */
export type CustomerContacts = {
  __typename?: 'CustomerContacts';
  customerId: Scalars['ID']['output'];
  emails: Array<Scalars['String']['output']>;
  phones: Array<Scalars['String']['output']>;
};

export type CustomerHit = {
  __typename?: 'CustomerHit';
  email?: Maybe<Scalars['String']['output']>;
  fullName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  matchedOn: MatchField;
  phone?: Maybe<Scalars['String']['output']>;
  segment: Segment;
};

export type DownloadLink = {
  __typename?: 'DownloadLink';
  expiresAt: Scalars['DateTime']['output'];
  url: Scalars['String']['output'];
};

export type KeyCount = {
  __typename?: 'KeyCount';
  count: Scalars['Int']['output'];
  key: Scalars['String']['output'];
};

export type MatchField =
  | 'CUSTOMER_ID'
  | 'EMAIL'
  | 'NAME'
  | 'PHONE';

export type Message = {
  __typename?: 'Message';
  /** The agent who wrote an AGENT message; null for the customer's. */
  agentId?: Maybe<Scalars['ID']['output']>;
  attachments: Array<Attachment>;
  authorType: AuthorType;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** An internal note: agents and supervisors see it, the customer never does. */
  internal: Scalars['Boolean']['output'];
  message: Scalars['String']['output'];
  /** NEGATIVE, NEUTRAL or POSITIVE for CUSTOMER messages; null otherwise. */
  sentiment?: Maybe<Scalars['String']['output']>;
};

/**
 * Case actions. Each writes support_agent_activity and an event on the customer's timeline.
 * AGENT: only tickets assigned to them, or unassigned ones they take; SUPERVISOR: any; ANALYST: none.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** agentId null: unassign (SUPERVISOR). An AGENT may only take an unassigned ticket (agentId = themselves). */
  assignTicket: Ticket;
  createCase: Ticket;
  /** SP-05. Refused when the ticket is already ESCALATED, RESOLVED or CLOSED. */
  escalateTicket: Ticket;
  /** Kept for older clients: the same as reply(input: { ticketId, message }). */
  postMessage: Message;
  reply: Message;
  /** A presigned upload for a file to attach to a reply on this ticket. */
  requestUpload: UploadGrant;
  /** OPEN -> PENDING -> RESOLVED -> CLOSED, and reopen (RESOLVED/CLOSED -> OPEN). Other moves: INVALID_INPUT. */
  setTicketStatus: Ticket;
  /** SUPERVISOR only: one customer's raw contacts, with a reason (3–500 characters); recorded as PII_UNMASKED in the audit trail. */
  unmaskCustomer: CustomerContacts;
};


/**
 * Case actions. Each writes support_agent_activity and an event on the customer's timeline.
 * AGENT: only tickets assigned to them, or unassigned ones they take; SUPERVISOR: any; ANALYST: none.
 */
export type MutationAssignTicketArgs = {
  agentId?: InputMaybe<Scalars['ID']['input']>;
  ticketId: Scalars['ID']['input'];
};


/**
 * Case actions. Each writes support_agent_activity and an event on the customer's timeline.
 * AGENT: only tickets assigned to them, or unassigned ones they take; SUPERVISOR: any; ANALYST: none.
 */
export type MutationCreateCaseArgs = {
  input: CreateCaseInput;
};


/**
 * Case actions. Each writes support_agent_activity and an event on the customer's timeline.
 * AGENT: only tickets assigned to them, or unassigned ones they take; SUPERVISOR: any; ANALYST: none.
 */
export type MutationEscalateTicketArgs = {
  reason: Scalars['String']['input'];
  ticketId: Scalars['ID']['input'];
};


/**
 * Case actions. Each writes support_agent_activity and an event on the customer's timeline.
 * AGENT: only tickets assigned to them, or unassigned ones they take; SUPERVISOR: any; ANALYST: none.
 */
export type MutationPostMessageArgs = {
  message: Scalars['String']['input'];
  ticketId: Scalars['ID']['input'];
};


/**
 * Case actions. Each writes support_agent_activity and an event on the customer's timeline.
 * AGENT: only tickets assigned to them, or unassigned ones they take; SUPERVISOR: any; ANALYST: none.
 */
export type MutationReplyArgs = {
  input: ReplyInput;
};


/**
 * Case actions. Each writes support_agent_activity and an event on the customer's timeline.
 * AGENT: only tickets assigned to them, or unassigned ones they take; SUPERVISOR: any; ANALYST: none.
 */
export type MutationRequestUploadArgs = {
  contentType: Scalars['String']['input'];
  fileName: Scalars['String']['input'];
  size: Scalars['Int']['input'];
  ticketId: Scalars['ID']['input'];
};


/**
 * Case actions. Each writes support_agent_activity and an event on the customer's timeline.
 * AGENT: only tickets assigned to them, or unassigned ones they take; SUPERVISOR: any; ANALYST: none.
 */
export type MutationSetTicketStatusArgs = {
  status: TicketStatus;
  ticketId: Scalars['ID']['input'];
};


/**
 * Case actions. Each writes support_agent_activity and an event on the customer's timeline.
 * AGENT: only tickets assigned to them, or unassigned ones they take; SUPERVISOR: any; ANALYST: none.
 */
export type MutationUnmaskCustomerArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** Agents a case can be assigned to. */
  agents: Array<Agent>;
  /** A presigned download of one attachment of a ticket (<= 5 minutes). */
  attachmentUrl: DownloadLink;
  /** SUPERVISOR only: the audit trail (support_agent_activity), newest first. Read-only: no operation changes a record. */
  auditLog: Array<AuditEntry>;
  case: Case;
  customer: Customer;
  me: User;
  /** Email, phone in any Vietnamese form, customer id or name; prefix match. */
  searchCustomers: Array<CustomerHit>;
  seedStatus: SeedStatus;
  /** Open tickets whose next SLA deadline is within the at-risk window or already past, soonest first. */
  slaAtRisk: Array<SlaCase>;
  /** The tickets behind one dashboard number; total equals that number. first: 1..5000. */
  slaCases: SlaCasePage;
  /** SP-03. SUPERVISOR and ANALYST: any filter; AGENT: only with filter.agentId = themselves (FORBIDDEN otherwise). */
  slaReport: SlaReport;
  /** Per-agent workload. SUPERVISOR and ANALYST: the team; AGENT: their own row only. */
  teamWorkload: Array<AgentWorkloadRow>;
  ticket: Ticket;
  /** Newest first. first: 1..500. */
  timeline: TimelinePage;
};


export type QueryAttachmentUrlArgs = {
  key: Scalars['String']['input'];
  ticketId: Scalars['ID']['input'];
};


export type QueryAuditLogArgs = {
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCaseArgs = {
  caseId: Scalars['ID']['input'];
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySearchCustomersArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


export type QuerySlaAtRiskArgs = {
  filter: SlaFilter;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySlaCasesArgs = {
  drill: SlaDrill;
  filter: SlaFilter;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySlaReportArgs = {
  filter: SlaFilter;
  groupBy: SlaGroupBy;
};


export type QueryTeamWorkloadArgs = {
  filter: SlaFilter;
};


export type QueryTicketArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  customerId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  kinds?: InputMaybe<Array<TimelineKind>>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type ReplyInput = {
  /** Keys returned by requestUpload for this ticket, already uploaded. */
  attachmentKeys?: InputMaybe<Array<Scalars['String']['input']>>;
  /** true: an internal note the customer never sees. */
  internal?: InputMaybe<Scalars['Boolean']['input']>;
  /** 1..10,000 characters. */
  message: Scalars['String']['input'];
  ticketId: Scalars['ID']['input'];
};

export type Role =
  | 'AGENT'
  | 'ANALYST'
  | 'SUPERVISOR';

export type SeedStatus = {
  __typename?: 'SeedStatus';
  eventsTotal: Scalars['Int']['output'];
  eventsWritten: Scalars['Int']['output'];
  fraction: Scalars['Float']['output'];
  message: Scalars['String']['output'];
  phase: Scalars['String']['output'];
};

export type Segment =
  | 'AT_RISK'
  | 'LOYAL'
  | 'NEW'
  | 'REGULAR'
  | 'VIP';

export type SlaBacklog = {
  __typename?: 'SlaBacklog';
  open: Scalars['Int']['output'];
  unassigned: Scalars['Int']['output'];
  waitingOnAgent: Scalars['Int']['output'];
  waitingOnCustomer: Scalars['Int']['output'];
};

export type SlaCase = {
  __typename?: 'SlaCase';
  assignedAgentId?: Maybe<Scalars['ID']['output']>;
  assignedAgentName?: Maybe<Scalars['String']['output']>;
  channel: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  customerId: Scalars['ID']['output'];
  /** The earliest open SLA deadline (first response, next response or resolution); null when none is running. */
  dueAt?: Maybe<Scalars['DateTime']['output']>;
  /** The metric whose deadline dueAt is. */
  dueMetric?: Maybe<SlaMetric>;
  firstResponseAt?: Maybe<Scalars['DateTime']['output']>;
  firstResponseSeconds?: Maybe<Scalars['Float']['output']>;
  firstResponseState: SlaState;
  priority: Scalars['String']['output'];
  resolutionSeconds?: Maybe<Scalars['Float']['output']>;
  resolutionState: SlaState;
  status: Scalars['String']['output'];
  subject: Scalars['String']['output'];
  team?: Maybe<Scalars['String']['output']>;
  ticketId: Scalars['ID']['output'];
};

export type SlaCasePage = {
  __typename?: 'SlaCasePage';
  rows: Array<SlaCase>;
  /** Every ticket the drill matched (rows may be fewer: first). */
  total: Scalars['Int']['output'];
};

/** What was clicked: every number on the dashboard maps to one of these, and slaCases returns exactly the tickets it counted. */
export type SlaDrill = {
  /** Backlog bucket: OPEN, UNASSIGNED, WAITING_ON_AGENT, WAITING_ON_CUSTOMER. */
  backlog?: InputMaybe<Scalars['String']['input']>;
  /** Volume slices. */
  channel?: InputMaybe<Scalars['String']['input']>;
  /** The group row clicked (with the report's groupBy). */
  groupBy?: InputMaybe<SlaGroupBy>;
  groupKey?: InputMaybe<Scalars['String']['input']>;
  /** Tickets of one metric in one state (null state: every ticket the metric applies to). */
  metric?: InputMaybe<SlaMetric>;
  priority?: InputMaybe<Scalars['String']['input']>;
  sentiment?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<SlaState>;
};

export type SlaFilter = {
  agentId?: InputMaybe<Scalars['ID']['input']>;
  channel?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['DateTime']['input'];
  priority?: InputMaybe<Scalars['String']['input']>;
  team?: InputMaybe<Scalars['String']['input']>;
  to: Scalars['DateTime']['input'];
};

/** SLA reports: group rows by this dimension. */
export type SlaGroupBy =
  | 'AGENT'
  | 'CHANNEL'
  | 'DAY'
  | 'HOUR'
  | 'PRIORITY'
  | 'TEAM';

export type SlaGroupRow = {
  __typename?: 'SlaGroupRow';
  firstResponse: SlaSummary;
  key: Scalars['String']['output'];
  /** Display label (agent name, team name, channel…). */
  label: Scalars['String']['output'];
  nextResponse: SlaSummary;
  resolution: SlaSummary;
  tickets: Scalars['Int']['output'];
};

/** One SLA metric, defined once in backend/services/slaMetrics.ts. */
export type SlaMetric =
  | 'FIRST_RESPONSE'
  | 'NEXT_RESPONSE'
  | 'RESOLUTION';

export type SlaReport = {
  __typename?: 'SlaReport';
  backlog: SlaBacklog;
  generatedAt: Scalars['DateTime']['output'];
  groupBy: SlaGroupBy;
  groups: Array<SlaGroupRow>;
  overall: SlaGroupRow;
  sentiment: Array<KeyCount>;
  targets: Array<SlaTarget>;
  volumeByChannel: Array<KeyCount>;
  volumeByPriority: Array<KeyCount>;
};

/** Where a ticket stands against one target. AT_RISK: not met yet and due within the at-risk window; PENDING: not met yet, not at risk. */
export type SlaState =
  | 'AT_RISK'
  | 'BREACHED'
  | 'MET'
  | 'PENDING';

export type SlaSummary = {
  __typename?: 'SlaSummary';
  atRisk: Scalars['Int']['output'];
  breached: Scalars['Int']['output'];
  medianSeconds?: Maybe<Scalars['Float']['output']>;
  met: Scalars['Int']['output'];
  p90Seconds?: Maybe<Scalars['Float']['output']>;
  /** met / (met + breached), 0..1; null when nothing is decided yet. */
  pctMet?: Maybe<Scalars['Float']['output']>;
  pending: Scalars['Int']['output'];
  /** Tickets the metric applies to. */
  total: Scalars['Int']['output'];
};

export type SlaTarget = {
  __typename?: 'SlaTarget';
  firstResponseSeconds: Scalars['Int']['output'];
  nextResponseSeconds: Scalars['Int']['output'];
  priority: Scalars['String']['output'];
  resolutionSeconds: Scalars['Int']['output'];
};

export type Ticket = {
  __typename?: 'Ticket';
  assignedAgentId?: Maybe<Scalars['ID']['output']>;
  channel: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  customerId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  messages: Array<Message>;
  /** The order the case was opened about, if any. */
  orderId?: Maybe<Scalars['String']['output']>;
  priority: Scalars['String']['output'];
  /** A priority raised from the customer's sentiment (e.g. HIGH after a NEGATIVE message); null when none. */
  priorityHint?: Maybe<Scalars['String']['output']>;
  status: Scalars['String']['output'];
  subject: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type TicketChannel =
  | 'CHAT'
  | 'EMAIL'
  | 'FACEBOOK'
  | 'PHONE'
  | 'ZALO';

export type TicketPriority =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL'
  | 'URGENT';

export type TicketStatus =
  | 'CLOSED'
  | 'ESCALATED'
  | 'OPEN'
  | 'PENDING'
  | 'RESOLVED';

export type TimelineEvent = {
  __typename?: 'TimelineEvent';
  customerId: Scalars['ID']['output'];
  eventTime: Scalars['DateTime']['output'];
  eventType: Scalars['String']['output'];
  /** customerId|eventTime|eventType: unique per cs_timeline key. */
  id: Scalars['ID']['output'];
  kind: TimelineKind;
  payload: Scalars['JSON']['output'];
};

export type TimelineKind =
  | 'FRAUD'
  | 'NOTE'
  | 'ORDER'
  | 'PAYMENT'
  | 'SHIPMENT'
  | 'TICKET';

export type TimelinePage = {
  __typename?: 'TimelinePage';
  events: Array<TimelineEvent>;
  /** Pass as `after` to get the next (older) page; null at the end of history. */
  nextCursor?: Maybe<Scalars['String']['output']>;
  /** true: the history store (Trino in stack mode) did not answer in time; these rows come from the serving store only. */
  partial: Scalars['Boolean']['output'];
};

/** A presigned browser upload: POST the fields plus the file to url before expiresAt. */
export type UploadGrant = {
  __typename?: 'UploadGrant';
  expiresAt: Scalars['DateTime']['output'];
  fields: Scalars['JSON']['output'];
  key: Scalars['String']['output'];
  maxBytes: Scalars['Int']['output'];
  url: Scalars['String']['output'];
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  role: Role;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Agent: ResolverTypeWrapper<Agent>;
  AgentWorkloadRow: ResolverTypeWrapper<AgentWorkloadRow>;
  Attachment: ResolverTypeWrapper<Attachment>;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditFilter: AuditFilter;
  AuthorType: AuthorType;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Case: ResolverTypeWrapper<CaseView>;
  CreateCaseInput: CreateCaseInput;
  Customer: ResolverTypeWrapper<CustomerView>;
  CustomerContacts: ResolverTypeWrapper<CustomerContacts>;
  CustomerHit: ResolverTypeWrapper<CustomerHitRow>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DownloadLink: ResolverTypeWrapper<DownloadLink>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  KeyCount: ResolverTypeWrapper<KeyCount>;
  MatchField: MatchField;
  Message: ResolverTypeWrapper<ConversationRecord>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReplyInput: ReplyInput;
  Role: Role;
  SeedStatus: ResolverTypeWrapper<SeedProgress>;
  Segment: Segment;
  SlaBacklog: ResolverTypeWrapper<SlaBacklog>;
  SlaCase: ResolverTypeWrapper<SlaCaseView>;
  SlaCasePage: ResolverTypeWrapper<Omit<SlaCasePage, 'rows'> & { rows: Array<ResolversTypes['SlaCase']> }>;
  SlaDrill: SlaDrill;
  SlaFilter: SlaFilter;
  SlaGroupBy: SlaGroupBy;
  SlaGroupRow: ResolverTypeWrapper<SlaGroupRow>;
  SlaMetric: SlaMetric;
  SlaReport: ResolverTypeWrapper<SlaReportData>;
  SlaState: SlaState;
  SlaSummary: ResolverTypeWrapper<SlaSummary>;
  SlaTarget: ResolverTypeWrapper<SlaTarget>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Ticket: ResolverTypeWrapper<TicketRecord>;
  TicketChannel: TicketChannel;
  TicketPriority: TicketPriority;
  TicketStatus: TicketStatus;
  TimelineEvent: ResolverTypeWrapper<TimelineRow>;
  TimelineKind: TimelineKind;
  TimelinePage: ResolverTypeWrapper<TimelinePageModel>;
  UploadGrant: ResolverTypeWrapper<UploadGrant>;
  User: ResolverTypeWrapper<User>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Agent: Agent;
  AgentWorkloadRow: AgentWorkloadRow;
  Attachment: Attachment;
  AuditEntry: AuditEntry;
  AuditFilter: AuditFilter;
  Boolean: Scalars['Boolean']['output'];
  Case: CaseView;
  CreateCaseInput: CreateCaseInput;
  Customer: CustomerView;
  CustomerContacts: CustomerContacts;
  CustomerHit: CustomerHitRow;
  DateTime: Scalars['DateTime']['output'];
  DownloadLink: DownloadLink;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  KeyCount: KeyCount;
  Message: ConversationRecord;
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  ReplyInput: ReplyInput;
  SeedStatus: SeedProgress;
  SlaBacklog: SlaBacklog;
  SlaCase: SlaCaseView;
  SlaCasePage: Omit<SlaCasePage, 'rows'> & { rows: Array<ResolversParentTypes['SlaCase']> };
  SlaDrill: SlaDrill;
  SlaFilter: SlaFilter;
  SlaGroupRow: SlaGroupRow;
  SlaReport: SlaReportData;
  SlaSummary: SlaSummary;
  SlaTarget: SlaTarget;
  String: Scalars['String']['output'];
  Ticket: TicketRecord;
  TimelineEvent: TimelineRow;
  TimelinePage: TimelinePageModel;
  UploadGrant: UploadGrant;
  User: User;
};

export type AgentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Agent'] = ResolversParentTypes['Agent']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type AgentWorkloadRowResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AgentWorkloadRow'] = ResolversParentTypes['AgentWorkloadRow']> = {
  agentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  assignedNow?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstResponsePctMet?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  handledToday?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianHandleSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  team?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  waitingOnAgent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AttachmentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Attachment'] = ResolversParentTypes['Attachment']> = {
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fileName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  agentName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  details?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ticketId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type CaseResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Case'] = ResolversParentTypes['Case']> = {
  caseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastEventTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  openedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  orderIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  paymentStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  shipmentStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ticketStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tickets?: Resolver<Array<ResolversTypes['Ticket']>, ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = {
  cases?: Resolver<Array<ResolversTypes['Case']>, ParentType, ContextType, RequireFields<CustomerCasesArgs, 'first'>>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  emails?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lifetimeValueVnd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  openCaseCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  orderCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  phones?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  segment?: Resolver<ResolversTypes['Segment'], ParentType, ContextType>;
  vip?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type CustomerContactsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CustomerContacts'] = ResolversParentTypes['CustomerContacts']> = {
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  emails?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  phones?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CustomerHitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CustomerHit'] = ResolversParentTypes['CustomerHit']> = {
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  matchedOn?: Resolver<ResolversTypes['MatchField'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  segment?: Resolver<ResolversTypes['Segment'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DownloadLinkResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DownloadLink'] = ResolversParentTypes['DownloadLink']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type KeyCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['KeyCount'] = ResolversParentTypes['KeyCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MessageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message']> = {
  agentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  attachments?: Resolver<Array<ResolversTypes['Attachment']>, ParentType, ContextType>;
  authorType?: Resolver<ResolversTypes['AuthorType'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  internal?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sentiment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  assignTicket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<MutationAssignTicketArgs, 'ticketId'>>;
  createCase?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<MutationCreateCaseArgs, 'input'>>;
  escalateTicket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<MutationEscalateTicketArgs, 'reason' | 'ticketId'>>;
  postMessage?: Resolver<ResolversTypes['Message'], ParentType, ContextType, RequireFields<MutationPostMessageArgs, 'message' | 'ticketId'>>;
  reply?: Resolver<ResolversTypes['Message'], ParentType, ContextType, RequireFields<MutationReplyArgs, 'input'>>;
  requestUpload?: Resolver<ResolversTypes['UploadGrant'], ParentType, ContextType, RequireFields<MutationRequestUploadArgs, 'contentType' | 'fileName' | 'size' | 'ticketId'>>;
  setTicketStatus?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<MutationSetTicketStatusArgs, 'status' | 'ticketId'>>;
  unmaskCustomer?: Resolver<ResolversTypes['CustomerContacts'], ParentType, ContextType, RequireFields<MutationUnmaskCustomerArgs, 'id' | 'reason'>>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  agents?: Resolver<Array<ResolversTypes['Agent']>, ParentType, ContextType>;
  attachmentUrl?: Resolver<ResolversTypes['DownloadLink'], ParentType, ContextType, RequireFields<QueryAttachmentUrlArgs, 'key' | 'ticketId'>>;
  auditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryAuditLogArgs, 'first'>>;
  case?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<QueryCaseArgs, 'caseId'>>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  searchCustomers?: Resolver<Array<ResolversTypes['CustomerHit']>, ParentType, ContextType, RequireFields<QuerySearchCustomersArgs, 'limit' | 'query'>>;
  seedStatus?: Resolver<ResolversTypes['SeedStatus'], ParentType, ContextType>;
  slaAtRisk?: Resolver<Array<ResolversTypes['SlaCase']>, ParentType, ContextType, RequireFields<QuerySlaAtRiskArgs, 'filter' | 'first'>>;
  slaCases?: Resolver<ResolversTypes['SlaCasePage'], ParentType, ContextType, RequireFields<QuerySlaCasesArgs, 'drill' | 'filter' | 'first'>>;
  slaReport?: Resolver<ResolversTypes['SlaReport'], ParentType, ContextType, RequireFields<QuerySlaReportArgs, 'filter' | 'groupBy'>>;
  teamWorkload?: Resolver<Array<ResolversTypes['AgentWorkloadRow']>, ParentType, ContextType, RequireFields<QueryTeamWorkloadArgs, 'filter'>>;
  ticket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<QueryTicketArgs, 'id'>>;
  timeline?: Resolver<ResolversTypes['TimelinePage'], ParentType, ContextType, RequireFields<QueryTimelineArgs, 'customerId' | 'first'>>;
};

export type SeedStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SeedStatus'] = ResolversParentTypes['SeedStatus']> = {
  eventsTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eventsWritten?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fraction?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phase?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SlaBacklogResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SlaBacklog'] = ResolversParentTypes['SlaBacklog']> = {
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unassigned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  waitingOnAgent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  waitingOnCustomer?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SlaCaseResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SlaCase'] = ResolversParentTypes['SlaCase']> = {
  assignedAgentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  assignedAgentName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  dueAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dueMetric?: Resolver<Maybe<ResolversTypes['SlaMetric']>, ParentType, ContextType>;
  firstResponseAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  firstResponseSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  firstResponseState?: Resolver<ResolversTypes['SlaState'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resolutionSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  resolutionState?: Resolver<ResolversTypes['SlaState'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  team?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ticketId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type SlaCasePageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SlaCasePage'] = ResolversParentTypes['SlaCasePage']> = {
  rows?: Resolver<Array<ResolversTypes['SlaCase']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SlaGroupRowResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SlaGroupRow'] = ResolversParentTypes['SlaGroupRow']> = {
  firstResponse?: Resolver<ResolversTypes['SlaSummary'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nextResponse?: Resolver<ResolversTypes['SlaSummary'], ParentType, ContextType>;
  resolution?: Resolver<ResolversTypes['SlaSummary'], ParentType, ContextType>;
  tickets?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SlaReportResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SlaReport'] = ResolversParentTypes['SlaReport']> = {
  backlog?: Resolver<ResolversTypes['SlaBacklog'], ParentType, ContextType>;
  generatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  groupBy?: Resolver<ResolversTypes['SlaGroupBy'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['SlaGroupRow']>, ParentType, ContextType>;
  overall?: Resolver<ResolversTypes['SlaGroupRow'], ParentType, ContextType>;
  sentiment?: Resolver<Array<ResolversTypes['KeyCount']>, ParentType, ContextType>;
  targets?: Resolver<Array<ResolversTypes['SlaTarget']>, ParentType, ContextType>;
  volumeByChannel?: Resolver<Array<ResolversTypes['KeyCount']>, ParentType, ContextType>;
  volumeByPriority?: Resolver<Array<ResolversTypes['KeyCount']>, ParentType, ContextType>;
};

export type SlaSummaryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SlaSummary'] = ResolversParentTypes['SlaSummary']> = {
  atRisk?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  breached?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  met?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  p90Seconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pctMet?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SlaTargetResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SlaTarget'] = ResolversParentTypes['SlaTarget']> = {
  firstResponseSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nextResponseSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resolutionSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TicketResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Ticket'] = ResolversParentTypes['Ticket']> = {
  assignedAgentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['Message']>, ParentType, ContextType>;
  orderId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priorityHint?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type TimelineEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TimelineEvent'] = ResolversParentTypes['TimelineEvent']> = {
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['TimelineKind'], ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
};

export type TimelinePageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TimelinePage'] = ResolversParentTypes['TimelinePage']> = {
  events?: Resolver<Array<ResolversTypes['TimelineEvent']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  partial?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type UploadGrantResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UploadGrant'] = ResolversParentTypes['UploadGrant']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fields?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  Agent?: AgentResolvers<ContextType>;
  AgentWorkloadRow?: AgentWorkloadRowResolvers<ContextType>;
  Attachment?: AttachmentResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  Case?: CaseResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerContacts?: CustomerContactsResolvers<ContextType>;
  CustomerHit?: CustomerHitResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DownloadLink?: DownloadLinkResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  KeyCount?: KeyCountResolvers<ContextType>;
  Message?: MessageResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SeedStatus?: SeedStatusResolvers<ContextType>;
  SlaBacklog?: SlaBacklogResolvers<ContextType>;
  SlaCase?: SlaCaseResolvers<ContextType>;
  SlaCasePage?: SlaCasePageResolvers<ContextType>;
  SlaGroupRow?: SlaGroupRowResolvers<ContextType>;
  SlaReport?: SlaReportResolvers<ContextType>;
  SlaSummary?: SlaSummaryResolvers<ContextType>;
  SlaTarget?: SlaTargetResolvers<ContextType>;
  Ticket?: TicketResolvers<ContextType>;
  TimelineEvent?: TimelineEventResolvers<ContextType>;
  TimelinePage?: TimelinePageResolvers<ContextType>;
  UploadGrant?: UploadGrantResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

