import type { Client } from 'cassandra-driver';

/** The keyspace name used in stack/cassandra/schema.cql. */
export const SCHEMA_KEYSPACE = 'cs';

/**
 * Statements of stack/cassandra/schema.cql, for `keyspace` (the file names `cs`; contract tests
 * apply it to a throwaway keyspace). `--` comments are stripped; statements end with `;`.
 */
export function cqlStatements(cql: string, keyspace = SCHEMA_KEYSPACE): string[] {
  if (!/^[a-z][a-z0-9_]{0,47}$/.test(keyspace)) throw new Error(`invalid keyspace name: ${keyspace}`);
  const body = cql
    .split('\n')
    .map((line) => line.replace(/--.*$/, ''))
    .join('\n');
  return body
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.replace(/\bKEYSPACE IF NOT EXISTS cs\b/, `KEYSPACE IF NOT EXISTS ${keyspace}`).replace(/\bcs\.(?=[a-z_])/g, `${keyspace}.`));
}

/** Applies the schema (idempotent: every statement is IF NOT EXISTS), waiting for schema agreement. */
export async function applyCassandraSchema(client: Client, cql: string, keyspace = SCHEMA_KEYSPACE): Promise<void> {
  for (const stmt of cqlStatements(cql, keyspace)) await client.execute(stmt);
}
