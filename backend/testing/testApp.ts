import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type App } from '../app';
import { SessionTokens } from '../auth/sessionTokens';
import { configSchema, type AppConfig } from '../config/schema';
import { createLogger, type Logger } from '../logger';

export interface TestApp {
  app: App;
  baseUrl: string;
  config: AppConfig;
  /** Signs in as the first demo agent of the role and returns a bearer token. */
  token(role?: 'AGENT' | 'SUPERVISOR' | 'ANALYST'): Promise<string>;
  agentId(role?: 'AGENT' | 'SUPERVISOR' | 'ANALYST'): Promise<string>;
  close(): Promise<void>;
}

/** A real backend on a free port over a fresh temp data dir with a small, fast demo data set. */
export async function startTestApp(
  overrides: Partial<{ logger: Logger; demo: Partial<AppConfig['demo']>; auth: Partial<AppConfig['auth']>; api: Partial<AppConfig['api']>; mode: AppConfig['mode']; stack: Record<string, unknown>; projector: Record<string, unknown>; sla: Record<string, unknown> }> = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs360-it-'));
  const config = configSchema.parse({
    dataDir,
    mode: overrides.mode ?? 'embedded',
    stack: overrides.stack ?? {},
    projector: overrides.projector ?? {},
    http: { port: 0 },
    demo: { customers: 300, events: 30_000, whaleEvents: 5_000, trickleIntervalMs: 0, ...overrides.demo },
    auth: overrides.auth ?? {},
    api: overrides.api ?? {},
    sla: overrides.sla ?? {},
    log: { level: 'warn' },
  });
  const app = await createApp(config, overrides.logger ?? createLogger('warn'));
  const { port, seeded } = await app.listen();
  await seeded;
  const baseUrl = `http://127.0.0.1:${port}`;
  const headers = (): Record<string, string> => (config.auth.launchToken ? { 'x-cs360-launch-token': config.auth.launchToken } : {});
  // The passwordless demo sign-in exists only in embedded mode (issue 13); in stack mode a test signs
  // a session for a demo agent with this data dir's secret, as the IdP-backed sign-in would issue one.
  const demoSignIn = config.mode === 'embedded' && !config.auth.oidc?.issuer;
  const demoAgent = async (role: 'AGENT' | 'SUPERVISOR' | 'ANALYST') => {
    const a = (await app.adapters.tickets.listAgents()).find((x) => x.role === role);
    if (!a) throw new Error(`no demo agent with role ${role}`);
    return a;
  };
  const agentId = async (role: 'AGENT' | 'SUPERVISOR' | 'ANALYST' = 'AGENT') => {
    if (!demoSignIn) return (await demoAgent(role)).agent_id;
    const res = await fetch(`${baseUrl}/api/auth/agents`, { headers: headers() });
    const { agents } = (await res.json()) as { agents: { id: string; role: string }[] };
    const a = agents.find((x) => x.role === role);
    if (!a) throw new Error(`no demo agent with role ${role}`);
    return a.id;
  };
  return {
    app,
    baseUrl,
    config,
    agentId,
    async token(role = 'AGENT') {
      if (!demoSignIn) {
        const a = await demoAgent(role);
        const secret = config.auth.secret ?? readFileSync(join(dataDir, 'session.secret'), 'utf8').trim();
        return new SessionTokens(secret, config.auth.tokenTtlSeconds).issue({ id: a.agent_id, name: a.full_name, role: a.role });
      }
      const res = await fetch(`${baseUrl}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers() }, body: JSON.stringify({ agentId: await agentId(role) }) });
      return ((await res.json()) as { token: string }).token;
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
