import cassandra from 'cassandra-driver';
import { AppError } from '../../../common/errors';
import type { CustomerCaseRow, CustomerProfile, CustomerStats } from '../../../common/model';
import type { SearchQuery } from '../../../common/searchQuery';
import type { CaseStore, CustomerHitRow } from '../../ports/caseStore';
import { nameKeys } from '../local/nameKeys';
import { STACK_DEFAULTS } from '../../../common/stackPorts';

const { Client, types, errors, policies } = cassandra;
type CqlClient = InstanceType<typeof Client>;
type Row = cassandra.types.Row;

export interface CassandraSettings {
  /** host:port list; the runner's default is in common/stackPorts.ts. */
  contactPoints: string[];
  localDataCenter: string;
  keyspace: string;
}
export const DEFAULT_CASSANDRA: CassandraSettings = { contactPoints: [...STACK_DEFAULTS.cassandraContactPoints], localDataCenter: 'datacenter1', keyspace: 'cs' };

type ContactKind = 'email' | 'phone' | 'name' | 'id';
/**
 * Partition key of a contact: (kind, the first `length` characters of its value). A prefix
 * shorter than that fans out over the next characters, in order (see schema.cql).
 */
const BUCKETS: Record<ContactKind, { length: number; alphabet: string }> = {
  email: { length: 2, alphabet: '+-.0123456789_abcdefghijklmnopqrstuvwxyz' },
  name: { length: 2, alphabet: ' abcdefghijklmnopqrstuvwxyz' },
  phone: { length: 5, alphabet: '0123456789' },
  id: { length: 4, alphabet: '0123456789' },
};
const KIND_OF: Record<SearchQuery['kind'], ContactKind> = { email: 'email', phone: 'phone', name: 'name', customerId: 'id' };
const MATCHED_ON = { email: 'EMAIL', phone: 'PHONE', name: 'NAME', id: 'CUSTOMER_ID' } as const;
/** Upper bound for a prefix range: every string starting with p sorts below p + U+10FFFF (UTF-8 byte order). */
const prefixEnd = (p: string) => `${p}\u{10FFFF}`;

/** Buckets a prefix can live in, in sort order (the prefix's own bucket, or its extensions). */
export function bucketsFor(kind: ContactKind, prefix: string): string[] {
  const { length, alphabet } = BUCKETS[kind];
  let out = [prefix.slice(0, length)];
  while ((out[0] as string).length < length) out = out.flatMap((b) => [...alphabet].map((ch) => b + ch));
  return out;
}
const bucketOf = (kind: ContactKind, value: string) => value.slice(0, BUCKETS[kind].length);

/** A contact row as the lookup reads it: the match and the profile fields copied onto it (null on older rows). */
interface ContactHit {
  customer_id: string;
  value: string;
  full_name: string | null;
  segment: string | null;
  email: string | null;
  phone: string | null;
}

function contactsOf(p: CustomerProfile): { kind: ContactKind; value: string }[] {
  const all = [
    ...p.emails.map((e) => ({ kind: 'email' as const, value: e.toLowerCase() })),
    ...p.phones.map((ph) => ({ kind: 'phone' as const, value: ph })),
    ...nameKeys(p.full_name).map((n) => ({ kind: 'name' as const, value: n })),
    { kind: 'id' as const, value: p.customer_id.toUpperCase() },
  ];
  const seen = new Set<string>();
  return all.filter((c) => (seen.has(`${c.kind}\0${c.value}`) ? false : (seen.add(`${c.kind}\0${c.value}`), true)));
}

const ms = (v: unknown): number => (v instanceof Date ? v.getTime() : Number(v));
const toCase = (r: Row): CustomerCaseRow => ({
  customer_id: r.get('customer_id') as string,
  case_id: r.get('case_id') as string,
  last_event_time: ms(r.get('last_event_time')),
  order_ids: (r.get('order_ids') as string[] | null) ?? [],
  payment_status: (r.get('payment_status') as string | null) ?? null,
  ticket_status: (r.get('ticket_status') as string | null) ?? null,
  shipment_status: (r.get('shipment_status') as string | null) ?? null,
  notes: (r.get('notes') as string | null) ?? null,
});
const toProfile = (r: Row): CustomerProfile => ({
  customer_id: r.get('customer_id') as string,
  full_name: r.get('full_name') as string,
  emails: (r.get('emails') as string[] | null) ?? [],
  phones: (r.get('phones') as string[] | null) ?? [],
  city: r.get('city') as string,
  segment: r.get('segment') as CustomerProfile['segment'],
  created_at: ms(r.get('created_at')),
});

const { responseErrorCodes: RC } = types;
/** Server answers that mean "not now" rather than "wrong request". */
const TRANSIENT_CODES = new Set<number>([RC.unavailableException, RC.overloaded, RC.isBootstrapping, RC.readTimeout, RC.writeTimeout, RC.readFailure, RC.writeFailure]);

/**
 * Node down, connection refused/reset, timeouts and "not enough replicas" become a typed
 * UNAVAILABLE (503 / extensions.code) with the driver's error kept as the cause for the logs;
 * anything else (a bad statement, a bug) stays as it is and surfaces as INTERNAL.
 */
export function toUnavailable(err: unknown): unknown {
  const transient =
    err instanceof errors.NoHostAvailableError ||
    err instanceof errors.OperationTimedOutError ||
    err instanceof errors.BusyConnectionError ||
    (err instanceof errors.ResponseError && TRANSIENT_CODES.has(err.code)) ||
    (err instanceof Error && /ECONNREFUSED|ECONNRESET|EPIPE|socket (was )?closed|connection.*closed/i.test(err.message));
  return transient ? new AppError('UNAVAILABLE', 'The customer store (Cassandra) is unavailable; try again shortly', undefined, err) : err;
}
async function mapped<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    throw toUnavailable(err);
  }
}

/** Customers written concurrently by one upsert call (each customer's rows stay in order). */
const WRITE_CONCURRENCY = 16;
/**
 * Runs `fn` over the items, one customer's items one after another (a case move reads the previous
 * position first), different customers concurrently: a demo batch is thousands of round trips.
 */
async function perCustomer<T extends { customer_id: string }>(items: T[], fn: (item: T) => Promise<void>): Promise<void> {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const g = groups.get(it.customer_id);
    if (g) g.push(it);
    else groups.set(it.customer_id, [it]);
  }
  const queue = [...groups.values()];
  const worker = async () => {
    for (let g = queue.shift(); g; g = queue.shift()) for (const it of g) await fn(it);
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, queue.length) }, worker));
}

const CASE_COLS = 'customer_id, case_id, last_event_time, order_ids, payment_status, ticket_status, shipment_status, notes';
const P = { prepare: true } as const;

/**
 * CaseStore on Cassandra (cs.customer_case, seed 000 §4). Every statement is prepared; the
 * driver's default load-balancing policy is token-aware, so each partition read goes to a replica.
 * Multi-table writes of one customer go in logged batches.
 */
export class CassandraCaseStore implements CaseStore {
  private readonly q: Record<string, string>;

  private constructor(private readonly client: CqlClient, ks: string) {
    this.q = {
      contactRange: `SELECT value, customer_id, full_name, segment, email, phone FROM ${ks}.customer_contact WHERE kind = ? AND bucket = ? AND value >= ? AND value < ? LIMIT ?`,
      profile: `SELECT * FROM ${ks}.customer_profile WHERE customer_id = ?`,
      upsertProfile: `INSERT INTO ${ks}.customer_profile (customer_id, full_name, emails, phones, city, segment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      insertContact: `INSERT INTO ${ks}.customer_contact (kind, bucket, value, customer_id, full_name, segment, email, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      deleteContact: `DELETE FROM ${ks}.customer_contact WHERE kind = ? AND bucket = ? AND value = ? AND customer_id = ?`,
      stats: `SELECT * FROM ${ks}.customer_stats WHERE customer_id = ?`,
      upsertStats: `INSERT INTO ${ks}.customer_stats (customer_id, lifetime_value_vnd, order_count, last_event_time) VALUES (?, ?, ?, ?)`,
      statsPosition: `SELECT last_event_time FROM ${ks}.customer_stats WHERE customer_id = ?`,
      deleteStats: `DELETE FROM ${ks}.customer_stats WHERE customer_id = ?`,
      cases: `SELECT ${CASE_COLS} FROM ${ks}.customer_case WHERE customer_id = ? LIMIT ?`,
      caseAt: `SELECT ${CASE_COLS} FROM ${ks}.customer_case WHERE customer_id = ? AND last_event_time = ? AND case_id = ?`,
      caseById: `SELECT last_event_time FROM ${ks}.customer_case_by_id WHERE customer_id = ? AND case_id = ?`,
      insertCase: `INSERT INTO ${ks}.customer_case (${CASE_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      deleteCaseAt: `DELETE FROM ${ks}.customer_case WHERE customer_id = ? AND last_event_time = ? AND case_id = ?`,
      insertCaseById: `INSERT INTO ${ks}.customer_case_by_id (customer_id, case_id, last_event_time) VALUES (?, ?, ?)`,
      deleteCaseById: `DELETE FROM ${ks}.customer_case_by_id WHERE customer_id = ? AND case_id = ?`,
    };
  }

  /** Connects (fails fast when no node answers) and returns the store with its client. */
  static async open(settings: Partial<CassandraSettings> = {}): Promise<{ store: CassandraCaseStore; client: CqlClient; close(): Promise<void> }> {
    const s = { ...DEFAULT_CASSANDRA, ...settings };
    if (!/^[a-z][a-z0-9_]{0,47}$/.test(s.keyspace)) throw new Error(`invalid keyspace name: ${s.keyspace}`);
    const client = new Client({
      contactPoints: s.contactPoints,
      localDataCenter: s.localDataCenter,
      socketOptions: { connectTimeout: 5000, readTimeout: 12_000 },
      // The default policy backs off up to 10 minutes; a node that comes back should serve within seconds.
      policies: { reconnection: new policies.reconnection.ExponentialReconnectionPolicy(500, 5000, false) },
    });
    await client.connect();
    return { store: new CassandraCaseStore(client, s.keyspace), client, close: () => client.shutdown() };
  }

  /** Wraps an already connected client (the caller owns it). */
  static withClient(client: CqlClient, keyspace: string): CassandraCaseStore {
    return new CassandraCaseStore(client, keyspace);
  }

  private async rows(query: string, params: unknown[]): Promise<Row[]> {
    return (await mapped(this.client.execute(query, params, P))).rows;
  }

  private async batch(queries: { query: string; params: unknown[] }[]): Promise<void> {
    await mapped(this.client.batch(queries, { prepare: true, logged: true }));
  }

  async searchCustomers(query: SearchQuery, limit: number): Promise<CustomerHitRow[]> {
    const kind = KIND_OF[query.kind];
    const hits: ContactHit[] = [];
    const seen = new Set<string>();
    // Over-fetch: several name suffixes of one customer can match the same prefix.
    const want = limit * 3;
    for (const bucket of bucketsFor(kind, query.prefix)) {
      const rows = await this.rows(this.q.contactRange as string, [kind, bucket, query.prefix, prefixEnd(query.prefix), want]);
      for (const r of rows) {
        const id = r.get('customer_id') as string;
        if (seen.has(id)) continue;
        seen.add(id);
        hits.push({ customer_id: id, value: r.get('value') as string, full_name: r.get('full_name') as string | null, segment: r.get('segment') as string | null, email: r.get('email') as string | null, phone: r.get('phone') as string | null });
      }
      if (hits.length >= limit) break;
    }
    // Denormalized display fields answer without a profile read; older rows (null) read the profile.
    const rows = await Promise.all(
      hits.slice(0, limit).map(async (h): Promise<CustomerHitRow | null> => {
        if (h.full_name !== null && h.segment !== null) {
          return { customer_id: h.customer_id, full_name: h.full_name, email: kind === 'email' ? h.value : h.email, phone: kind === 'phone' ? h.value : h.phone, segment: h.segment as CustomerProfile['segment'], matched_on: MATCHED_ON[kind] };
        }
        const profile = await this.getCustomer(h.customer_id);
        if (!profile) return null;
        return {
          customer_id: profile.customer_id,
          full_name: profile.full_name,
          email: (kind === 'email' ? h.value : null) ?? profile.emails[0] ?? null,
          phone: (kind === 'phone' ? h.value : null) ?? profile.phones[0] ?? null,
          segment: profile.segment,
          matched_on: MATCHED_ON[kind],
        };
      }),
    );
    return rows.filter((r): r is CustomerHitRow => r !== null);
  }

  async getCustomer(customerId: string): Promise<CustomerProfile | null> {
    const [row] = await this.rows(this.q.profile as string, [customerId]);
    return row ? toProfile(row) : null;
  }

  async getStats(customerId: string): Promise<CustomerStats | null> {
    const [r] = await this.rows(this.q.stats as string, [customerId]);
    if (!r) return null;
    return {
      customer_id: r.get('customer_id') as string,
      lifetime_value_vnd: (r.get('lifetime_value_vnd') as cassandra.types.Long).toNumber(),
      order_count: r.get('order_count') as number,
      last_event_time: ms(r.get('last_event_time')),
    };
  }

  async listCases(customerId: string, limit: number): Promise<CustomerCaseRow[]> {
    return (await this.rows(this.q.cases as string, [customerId, limit])).map(toCase);
  }

  async getCase(customerId: string, caseId: string): Promise<CustomerCaseRow | null> {
    const [pos] = await this.rows(this.q.caseById as string, [customerId, caseId]);
    if (!pos) return null;
    const [row] = await this.rows(this.q.caseAt as string, [customerId, pos.get('last_event_time'), caseId]);
    return row ? toCase(row) : null;
  }

  async upsertCustomers(profiles: CustomerProfile[]): Promise<void> {
    await perCustomer(profiles, async (p) => {
      // Contacts of the previous version that the new one no longer has are deleted in the same batch.
      const before = await this.getCustomer(p.customer_id);
      const next = contactsOf(p);
      const nextKeys = new Set(next.map((c) => `${c.kind}\0${c.value}`));
      const stale = before ? contactsOf(before).filter((c) => !nextKeys.has(`${c.kind}\0${c.value}`)) : [];
      await this.batch(
        [
          { query: this.q.upsertProfile as string, params: [p.customer_id, p.full_name, p.emails, p.phones, p.city, p.segment, new Date(p.created_at)] },
          ...stale.map((c) => ({ query: this.q.deleteContact as string, params: [c.kind, bucketOf(c.kind, c.value), c.value, p.customer_id] })),
          ...next.map((c) => ({ query: this.q.insertContact as string, params: [c.kind, bucketOf(c.kind, c.value), c.value, p.customer_id, p.full_name, p.segment, p.emails[0]?.toLowerCase() ?? null, p.phones[0] ?? null] })),
        ],
      );
    });
  }

  async upsertCases(rows: CustomerCaseRow[]): Promise<void> {
    await perCustomer(rows, async (r) => this.writeCase(r, await this.casePosition(r.customer_id, r.case_id)));
  }

  /** Where a case sits in customer_case (its stored last_event_time, epoch ms), or null when absent. */
  async casePosition(customerId: string, caseId: string): Promise<number | null> {
    const [pos] = await this.rows(this.q.caseById as string, [customerId, caseId]);
    return pos ? ms(pos.get('last_event_time')) : null;
  }

  /**
   * Writes a case row that currently sits at `previous` (casePosition; null: not stored). The one
   * place a case moves: last_event_time is a clustering column, so a changed one means deleting the
   * old row and inserting the new one plus its customer_case_by_id entry, in one logged batch. The
   * caller decides whether to write at all (the case projector skips older versions).
   */
  async writeCase(r: CustomerCaseRow, previous: number | null): Promise<void> {
    const at = new Date(r.last_event_time);
    const queries = [];
    if (previous !== null && previous !== r.last_event_time) queries.push({ query: this.q.deleteCaseAt as string, params: [r.customer_id, new Date(previous), r.case_id] });
    queries.push(
      { query: this.q.insertCase as string, params: [r.customer_id, r.case_id, at, r.order_ids, r.payment_status, r.ticket_status, r.shipment_status, r.notes] },
      { query: this.q.insertCaseById as string, params: [r.customer_id, r.case_id, at] },
    );
    await this.batch(queries);
  }

  /** Deletes a case stored at `at` (casePosition) from customer_case and customer_case_by_id, in one logged batch. */
  async deleteCase(customerId: string, caseId: string, at: number): Promise<void> {
    await this.batch([
      { query: this.q.deleteCaseAt as string, params: [customerId, new Date(at), caseId] },
      { query: this.q.deleteCaseById as string, params: [customerId, caseId] },
    ]);
  }

  /** The stored last_event_time of a customer's stats (epoch ms), or null when absent; the case projector's version check. */
  async statsPosition(customerId: string): Promise<number | null> {
    const [r] = await this.rows(this.q.statsPosition as string, [customerId]);
    const at: unknown = r?.get('last_event_time');
    return at === null || at === undefined ? null : ms(at);
  }

  /** Deletes a customer's stats row (the case projector, on a cs_customer_stats tombstone). Idempotent. */
  async deleteStats(customerId: string): Promise<void> {
    await mapped(this.client.execute(this.q.deleteStats as string, [customerId], P));
  }

  async upsertStats(stats: CustomerStats[]): Promise<void> {
    await Promise.all(
      stats.map((s) => mapped(this.client.execute(this.q.upsertStats as string, [s.customer_id, types.Long.fromNumber(s.lifetime_value_vnd), s.order_count, new Date(s.last_event_time)], P))),
    );
  }
}
