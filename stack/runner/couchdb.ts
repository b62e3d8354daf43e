// CouchDB protocol: pouchdb-server (npm, a devDependency), LevelDB files in the state dir.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HOST, REPO, StackError, startDetached, stateDir, stopPid } from './lib';
import { PORTS } from './ports';
import type { Service } from './service';

const COUCHDB_PORT = PORTS.couchdb;
const pouchdbServerBin = () => join(REPO, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');
export const couchdb: Service = {
  name: 'couchdb',
  port: COUCHDB_PORT,
  marker: 'pouchdb-server',
  startTimeoutMs: 60_000,
  install() {
    if (!existsSync(pouchdbServerBin())) throw new StackError('pouchdb-server is missing from node_modules: run `npm ci` (it is a devDependency)');
  },
  start() {
    const dir = stateDir('couchdb');
    mkdirSync(join(dir, 'data'), { recursive: true });
    // --config and the server's own log stay in the state dir (its defaults write into the cwd).
    return startDetached('couchdb', process.execPath, [pouchdbServerBin(), '--host', HOST, '--port', String(COUCHDB_PORT), '--dir', join(dir, 'data'), '--config', join(dir, 'config.json'), '--no-color'], { cwd: dir });
  },
  async probe() {
    // The CouchDB welcome document, then _all_dbs: the database layer answers, not only the HTTP listener.
    const root = await fetch(`http://${HOST}:${COUCHDB_PORT}/`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
    if (root?.status !== 200 || !('version' in ((await root.json().catch(() => ({}))) as object))) return false;
    const dbs = await fetch(`http://${HOST}:${COUCHDB_PORT}/_all_dbs`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
    return dbs?.status === 200;
  },
  stop: (pid) => stopPid(pid, 20_000),
};
