import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type ServingDb = Database.Database;

/**
 * One SQLite file holds the embedded serving tables: the stand-ins for Cassandra's
 * cs.customer_case + contact lookup, and for Paimon's cs_timeline. SQLite won the measurement
 * against DuckDB and PGlite for point lookups and keyset pages (docs/decisions.md).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS customer_profile (
  customer_id TEXT PRIMARY KEY,
  full_name TEXT NOT NULL,
  emails TEXT NOT NULL,
  phones TEXT NOT NULL,
  city TEXT NOT NULL,
  segment TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
-- Contact lookup (cs.customer_contact in stack mode): one row per email, phone and name word-suffix.
CREATE TABLE IF NOT EXISTS customer_contact (
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  PRIMARY KEY (kind, value, customer_id)
) WITHOUT ROWID;
-- cs.customer_case (seed 000 §4): clustered by last_event_time DESC within a customer.
CREATE TABLE IF NOT EXISTS customer_case (
  customer_id TEXT NOT NULL,
  last_event_time INTEGER NOT NULL,
  case_id TEXT NOT NULL,
  order_ids TEXT NOT NULL,
  payment_status TEXT,
  ticket_status TEXT,
  shipment_status TEXT,
  notes TEXT,
  PRIMARY KEY (customer_id, last_event_time, case_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS customer_case_by_id ON customer_case (customer_id, case_id);
CREATE TABLE IF NOT EXISTS customer_stats (
  customer_id TEXT PRIMARY KEY,
  lifetime_value_vnd INTEGER NOT NULL,
  order_count INTEGER NOT NULL,
  last_event_time INTEGER NOT NULL
) WITHOUT ROWID;
-- cs_timeline (seed 000 §5): key (customer_id, event_time, event_type).
CREATE TABLE IF NOT EXISTS cs_timeline (
  customer_id TEXT NOT NULL,
  event_time INTEGER NOT NULL,
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (customer_id, event_time, event_type)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

export function openServingDb(file: string): ServingDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash may lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  db.exec(SCHEMA);
  return db;
}

export function readMeta(db: ServingDb, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function writeMeta(db: ServingDb, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
