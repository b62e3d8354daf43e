import support001 from '../../../stack/postgres/migrations/001_support.sql';
import sla002 from '../../../stack/postgres/migrations/002_sla.sql';
import changes003 from '../../../stack/postgres/migrations/003_ticket_changes.sql';
import caseActions004 from '../../../stack/postgres/migrations/004_case_actions.sql';

/** Ordered migrations shared by PostgreSQL (stack) and PGlite (embedded). Append, never edit a released one. */
export const MIGRATIONS: readonly { id: string; sql: string }[] = [
  { id: '001_support', sql: support001 },
  { id: '002_sla', sql: sla002 },
  { id: '003_ticket_changes', sql: changes003 },
  { id: '004_case_actions', sql: caseActions004 },
];

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`;
