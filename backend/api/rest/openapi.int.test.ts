import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/testApp';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demo: { customers: 20, events: 1000, whaleEvents: 100 } });
});
afterAll(async () => t?.close());

const spec = parse(readFileSync(fileURLToPath(new URL('./openapi.yaml', import.meta.url)), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
const toOpenApi = (fastifyPath: string) => fastifyPath.replace(/:([A-Za-z_]+)/g, '{$1}');

describe('openapi.yaml', () => {
  const documented = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  // GraphQL has its own schema; the embedded notes server speaks CouchDB's replication protocol (/couch, CouchDB's own
  // specification, backend/notes/couchRoutes.ts); the static console is not an API.
  const served = () =>
    t.app.server.routeList.filter((r) => !r.includes('/graphql') && !r.split(' ')[1]!.startsWith('/couch') && !r.endsWith(' /*') && !r.endsWith(' /')).map(toOpenApi);

  it('documents every REST route the server has', () => {
    expect(served().length).toBeGreaterThan(8);
    for (const op of served()) expect(documented, `${op} is served but not documented`).toContain(op);
  });

  it('serves every documented route, including the four seed-002 endpoints', () => {
    for (const op of documented) expect(served(), `${op} is documented but not served`).toContain(op);
    for (const op of ['POST /support/cases', 'GET /support/cases/{ticket_id}', 'POST /support/cases/{ticket_id}/messages', 'GET /support/agents/{agent_id}/workload']) {
      expect(documented).toContain(op);
    }
  });
});
