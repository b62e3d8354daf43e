import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsNotification } from '../../common/model';
import { InProcessBus } from '../adapters/embedded/inProcessBus';
import { createApp, type App } from '../app';
import { configSchema } from '../config/schema';
import { createLogger } from '../logger';
import type { TopicMessages } from '../ports/eventBus';
import { rest } from '../testing/http';
import { EscalationDispatcher, slackSink, smtpSink, type EscalationSink } from './escalationSinks';

/** A real SMTP server on 127.0.0.1; `failFirst` mails are refused with 451 before it accepts. */
async function localSmtp(failFirst = 0) {
  const mails: string[] = [];
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refused < failFirst) {
          refused += 1;
          const err = Object.assign(new Error('try again later'), { responseCode: 451 });
          return callback(err);
        }
        mails.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A real HTTP receiver on 127.0.0.1 standing in for Slack; answers 500 to the first `failFirst` posts (or always). */
async function localWebhook(failFirst: number | 'always' = 0) {
  const bodies: { text: string; cs360: Record<string, unknown> }[] = [];
  let calls = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls += 1;
      if (failFirst === 'always' || calls <= failFirst) {
        res.statusCode = 500;
        return res.end('no');
      }
      bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text: string; cs360: Record<string, unknown> });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/hook`, bodies, calls: () => calls, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const notification = (id: string): CsNotification => ({
  notification_id: id,
  type: 'TICKET_ESCALATED',
  customer_id: 'C0000042',
  case_id: 'C0000042-1700000000000',
  ticket_id: '00000000-0000-4000-8000-00000000002a',
  agent_id: null,
  event_time: Date.UTC(2026, 0, 1),
  severity: 'HIGH',
  message: 'Ticket "Nguyễn Văn An 0912345678" of customer C0000042 was escalated with URGENT priority. Reason: khách gọi lại từ an.nguyen@example.com, 0912 345 678',
});

describe('escalation sinks against real local servers', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const log = createLogger('silent');

  function dispatcher(sinks: EscalationSink[], bus = new InProcessBus()) {
    const dir = mkdtempSync(join(tmpdir(), 'cs360-esc-'));
    dirs.push(dir);
    const file = join(dir, 'escalations.deadletter.jsonl');
    return { d: new EscalationDispatcher({ sinks, retries: 3, retryBaseMs: 10, deadLetterFile: file, bus, log }), file, bus };
  }

  it('a receiver that fails twice then succeeds gets the message once, after retries', async () => {
    const hook = await localWebhook(2);
    const smtp = await localSmtp(2);
    const { d, file } = dispatcher([slackSink(hook.url), smtpSink({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'cs360@example.test', to: ['oncall@example.test'] })]);
    try {
      d.handle(notification('ntf-retry'));
      d.handle(notification('ntf-retry')); // the same notification again (a replay): sent once
      await d.idle();
      expect(hook.calls()).toBe(3);
      expect(hook.bodies).toHaveLength(1);
      expect(smtp.mails).toHaveLength(1);
      expect(existsSync(file)).toBe(false);
    } finally {
      await d.stop();
      await hook.close();
      await smtp.close();
    }
  });

  it('one that always fails ends in the dead-letter log and on cs.deadletter, after the bounded retries', async () => {
    const hook = await localWebhook('always');
    const bus = new InProcessBus();
    const dead: TopicMessages['cs.deadletter'][] = [];
    bus.subscribe('cs.deadletter', (m) => {
      dead.push(m);
    });
    const { d, file } = dispatcher([slackSink(hook.url)], bus);
    try {
      d.handle(notification('ntf-dead'));
      await d.idle();
      expect(hook.calls()).toBe(4);
      const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { sink: string; attempts: number; error: string; message: { notification_id: string } });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ sink: 'slack', attempts: 4, error: 'slack webhook answered 500', message: { notification_id: 'ntf-dead' } });
      expect(dead).toHaveLength(1);
      expect(dead[0]!.topic).toBe('escalation.slack');
    } finally {
      await d.stop();
      await hook.close();
    }
  });
});

describe('escalation workflow through the app', () => {
  let app: App;
  let baseUrl: string;
  let hook: Awaited<ReturnType<typeof localWebhook>>;
  let smtp: Awaited<ReturnType<typeof localSmtp>>;
  let dataDir: string;

  beforeAll(async () => {
    hook = await localWebhook();
    smtp = await localSmtp();
    dataDir = mkdtempSync(join(tmpdir(), 'cs360-it-'));
    const config = configSchema.parse({
      dataDir,
      http: { port: 0 },
      demo: { customers: 20, events: 1000, whaleEvents: 100, trickleIntervalMs: 0 },
      log: { level: 'warn' },
      notifications: { slackWebhookUrl: hook.url, smtp: { host: '127.0.0.1', port: smtp.port, from: 'cs360@example.test', to: 'oncall@example.test, lead@example.test' }, retryBaseMs: 10 },
    });
    app = await createApp(config, createLogger('warn'));
    const { port, seeded } = await app.listen();
    await seeded;
    baseUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await app?.close();
    await hook?.close();
    await smtp?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('an escalation reaches Slack and email, with ids and the reason but no customer PII', async () => {
    const { agents } = (await (await fetch(`${baseUrl}/api/auth/agents`)).json()) as { agents: { id: string; role: string }[] };
    const signIn = await fetch(`${baseUrl}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agentId: agents.find((a) => a.role === 'AGENT')!.id }) });
    const { token } = (await signIn.json()) as { token: string };
    const customer = (await (await fetch(`${baseUrl}/api/customers/C0000003`, { headers: { authorization: `Bearer ${token}` } })).json()) as { full_name: string; emails: string[]; phones: string[] };
    const created = await rest<{ ticket_id: string }>(baseUrl, token, 'POST', '/support/cases', { customerId: 'C0000003', subject: `Khiếu nại của ${customer.full_name}`, message: 'Hàng hỏng.', priority: 'HIGH' });
    const esc = await rest(baseUrl, token, 'POST', `/support/cases/${created.json.ticket_id}/escalate`, { reason: `cần quản lý xử lý, gọi ${customer.phones[0]}` });
    expect(esc.status).toBe(200);
    await app.escalations.idle();
    const until = Date.now() + 5000;
    while ((hook.bodies.length < 1 || smtp.mails.length < 1) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(hook.bodies).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
    const slack = hook.bodies[0]!;
    expect(slack.cs360).toMatchObject({ type: 'TICKET_ESCALATED', customer_id: 'C0000003', ticket_id: created.json.ticket_id });
    expect(String(slack.cs360.case_id)).toMatch(/^C0000003:/);
    expect(slack.text).toContain('cần quản lý xử lý');
    // Quoted-printable body: undo soft breaks and =XX escapes before looking for text.
    const qp = smtp.mails[0]!.replace(/=\r?\n/g, '');
    const mail = Buffer.from(qp.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
    expect(mail).toContain(created.json.ticket_id);
    expect(mail).toMatch(/To: .*oncall@example\.test/);
    for (const leak of [customer.full_name, ...customer.emails, ...customer.phones, customer.phones[0]!.replace('+84', '0')]) {
      expect(slack.text).not.toContain(leak);
      expect(mail).not.toContain(leak);
    }
  });
});
