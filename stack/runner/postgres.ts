// PostgreSQL (Debian package), a private cluster as the `postgres` OS user (it refuses root);
// the support schema's migrations (stack/postgres/migrations) applied in order.
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOST, STACK, StackError, ensureApt, run, say, startDetached, stateDir, stopPid } from './lib';
import { PORTS } from './ports';
import type { Service } from './service';

function pgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}
const isRoot = () => process.getuid?.() === 0;
function pgUser(): { uid: number; gid: number } | null {
  if (!isRoot()) return null;
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new StackError('running as root, but the `postgres` OS user is missing (it comes with the Debian postgresql package)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
/** As root the data directory must be reachable by `postgres`, so it lives outside root's home. */
const pgData = () => process.env.CS360_STACK_PGDATA ?? (isRoot() ? '/var/tmp/cs360-stack/postgres' : join(stateDir('postgres'), 'data'));

const PG_PORT = PORTS.pg;
export const postgres: Service = {
  name: 'postgres',
  port: PG_PORT,
  marker: 'postgres',
  startTimeoutMs: 60_000,
  install() {
    if (!pgBin()) ensureApt('/usr/lib/postgresql/none', ['postgresql']);
    if (!pgBin()) throw new StackError('PostgreSQL binaries not found under /usr/lib/postgresql after installing');
  },
  start() {
    const bin = pgBin() as string;
    const data = pgData();
    const user = pgUser();
    const asPg = user ? { uid: user.uid, gid: user.gid } : {};
    if (!existsSync(join(data, 'PG_VERSION'))) {
      mkdirSync(data, { recursive: true });
      if (user) chownSync(data, user.uid, user.gid);
      say(`  initdb ${data}`);
      run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], { ...asPg, what: 'initdb' });
      writeFileSync(join(data, 'postgresql.conf'), `${readFileSync(join(data, 'postgresql.conf'), 'utf8')}\ninclude 'cs360.conf'\n`);
    }
    // The shared settings (stack/postgres/postgresql.conf), refreshed at every start.
    writeFileSync(join(data, 'cs360.conf'), readFileSync(join(STACK, 'postgres', 'postgresql.conf')));
    if (user) chownSync(join(data, 'cs360.conf'), user.uid, user.gid);
    return startDetached('postgres', join(bin, 'postgres'), ['-D', data, '-c', `port=${PG_PORT}`, '-c', `listen_addresses=${HOST}`, '-c', `unix_socket_directories=${data}`], { ...asPg, cwd: data });
  },
  async probe() {
    const { default: pg } = await import('pg');
    const c = new pg.Client({ host: HOST, port: PG_PORT, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return true;
    } finally {
      await c.end().catch(() => undefined);
    }
  },
  async afterReady() {
    const { default: pg } = await import('pg');
    const c = new pg.Client({ host: HOST, port: PG_PORT, user: 'postgres', database: 'postgres' });
    await c.connect();
    try {
      // The application role; SUPERUSER so contract tests can create throwaway databases (development only).
      const role = await c.query(`SELECT 1 FROM pg_roles WHERE rolname = 'cs360'`);
      if (role.rowCount === 0) await c.query(`CREATE ROLE cs360 LOGIN SUPERUSER REPLICATION`);
      const db = await c.query(`SELECT 1 FROM pg_database WHERE datname = 'cs360'`);
      if (db.rowCount === 0) await c.query(`CREATE DATABASE cs360 OWNER cs360`);
      const wal = await c.query<{ wal_level: string }>('SHOW wal_level');
      if (wal.rows[0]?.wal_level !== 'logical') throw new StackError(`wal_level is ${wal.rows[0]?.wal_level}, expected logical`);
    } finally {
      await c.end();
    }
  },
  // SIGINT is PostgreSQL's "fast" shutdown: it disconnects clients instead of waiting for them.
  stop: (pid) => stopPid(pid, 60_000, 'SIGINT'),
};

/** The support schema in the cs360 database (the tables the connector captures), like the adapter's migrate(). */
export async function applyPgMigrations(c: import('pg').Client): Promise<string[]> {
  await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
  const done = new Set((await c.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
  const applied: string[] = [];
  const dir = join(STACK, 'postgres', 'migrations');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.sql')).sort()) {
    const id = f.replace(/\.sql$/, '');
    if (done.has(id)) continue;
    await c.query(`BEGIN; ${readFileSync(join(dir, f), 'utf8')}; INSERT INTO schema_migrations (id) VALUES ('${id}'); COMMIT;`);
    applied.push(id);
  }
  return applied;
}
