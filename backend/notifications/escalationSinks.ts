import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Transporter } from 'nodemailer';
import type { CsNotification } from '../../common/model';
import type { Logger } from '../logger';
import type { EventBus } from '../ports/eventBus';

/**
 * What leaves the building for an escalation or SLA breach (seed 002 SP-05): ids and the reason,
 * never the customer's name, phone or email (nor the ticket subject, which customers write).
 */
export interface EscalationMessage {
  notification_id: string;
  type: CsNotification['type'];
  severity: CsNotification['severity'];
  customer_id: string;
  case_id: string;
  ticket_id: string;
  reason: string;
  event_time: number;
}

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[A-Za-z]{2,}/g;
const PHONE = /\+?\d[\d .-]{7,}\d/g;

/** The reason as free text, with anything that looks like an email address or phone number masked. */
export function redact(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, '[phone]').slice(0, 500);
}

export function toEscalationMessage(n: CsNotification): EscalationMessage {
  let reason: string;
  if (n.type === 'TICKET_ESCALATED') reason = /Reason: ([\s\S]*)$/.exec(n.message)?.[1]?.trim() || 'not given';
  else {
    const minutes = /came after (\d+) min/.exec(n.message)?.[1];
    reason = minutes ? `first agent reply after ${minutes} min (SLA: 5 min)` : 'first-response SLA breached';
  }
  return {
    notification_id: n.notification_id,
    type: n.type,
    severity: n.severity,
    customer_id: n.customer_id,
    case_id: n.case_id,
    ticket_id: n.ticket_id,
    reason: redact(reason),
    event_time: n.event_time,
  };
}

const title = (m: EscalationMessage) => `[CS360] ${m.type === 'TICKET_ESCALATED' ? 'Escalation' : 'SLA breach'} (${m.severity}) — customer ${m.customer_id}`;
const body = (m: EscalationMessage) =>
  [
    `Type: ${m.type}`,
    `Severity: ${m.severity}`,
    `Customer: ${m.customer_id}`,
    `Case: ${m.case_id}`,
    `Ticket: ${m.ticket_id}`,
    `Reason: ${m.reason}`,
    `At: ${new Date(m.event_time).toISOString()}`,
    `Notification: ${m.notification_id}`,
  ].join('\n');

export interface EscalationSink {
  name: string;
  deliver(m: EscalationMessage): Promise<void>;
  close?(): void;
}

/** A Slack incoming webhook: one POST of JSON per message; anything but 2xx is a failure. */
export function slackSink(url: string, timeoutMs = 10_000): EscalationSink {
  return {
    name: 'slack',
    async deliver(m) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: `${title(m)}\n${body(m)}`, cs360: m }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new Error(`slack webhook answered ${res.status}`);
    },
  };
}

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  from: string;
  to: string[];
}

/** Email over SMTP (nodemailer), plain text. nodemailer is loaded with the first email, not at start-up. */
export function smtpSink(cfg: SmtpConfig, timeoutMs = 10_000): EscalationSink {
  let transport: Promise<Transporter> | undefined;
  const open = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({ host: cfg.host, port: cfg.port, secure: cfg.secure, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs }),
    ));
  return {
    name: 'email',
    async deliver(m) {
      await (await open()).sendMail({ from: cfg.from, to: cfg.to, subject: title(m), text: body(m), headers: { 'X-CS360-Notification': m.notification_id } });
    },
    close: () => void transport?.then((t) => t.close()),
  };
}

export interface DispatcherDeps {
  sinks: EscalationSink[];
  /** Retries after the first failure; attempts = retries + 1. */
  retries: number;
  retryBaseMs: number;
  /** JSONL file that receives a line per message a sink gave up on. */
  deadLetterFile: string;
  bus: EventBus;
  log: Logger;
  sleep?: (ms: number) => Promise<void>;
}

const MAX_BACKOFF_MS = 30_000;
const REMEMBERED = 10_000;

/**
 * Sends each escalation / SLA breach to every configured sink, each on its own: retries with
 * exponential backoff (bounded), then a line in the dead-letter log and a cs.deadletter message.
 * Runs beside the bus (never awaited by it), so a slow webhook cannot hold up the relay.
 */
export class EscalationDispatcher {
  private readonly inflight = new Set<Promise<void>>();
  /** Ids already sent (a replayed event yields the same notification id): sent once. */
  private readonly seen = new Set<string>();
  private stopped = false;

  constructor(private readonly deps: DispatcherDeps) {}

  get enabled(): boolean {
    return this.deps.sinks.length > 0;
  }

  handle(n: CsNotification): void {
    if (this.stopped || !this.enabled || this.seen.has(n.notification_id)) return;
    this.seen.add(n.notification_id);
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.values().next().value as string);
    const m = toEscalationMessage(n);
    for (const sink of this.deps.sinks) {
      const p = this.deliver(sink, m).finally(() => this.inflight.delete(p));
      this.inflight.add(p);
    }
  }

  /** Resolves when every delivery under way has succeeded or been dead-lettered. */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
    for (const s of this.deps.sinks) s.close?.();
  }

  private async deliver(sink: EscalationSink, m: EscalationMessage): Promise<void> {
    const sleep = this.deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const attempts = this.deps.retries + 1;
    let lastError = '';
    for (let i = 0; i < attempts; i++) {
      try {
        await sink.deliver(m);
        if (i > 0) this.deps.log.info({ sink: sink.name, notification: m.notification_id, attempts: i + 1 }, 'escalation delivered after retries');
        return;
      } catch (err) {
        lastError = (err as Error).message ?? String(err);
        this.deps.log.warn({ sink: sink.name, notification: m.notification_id, attempt: i + 1, err: lastError }, 'escalation delivery failed');
        if (i + 1 < attempts && !this.stopped) await sleep(Math.min(MAX_BACKOFF_MS, this.deps.retryBaseMs * 2 ** i));
      }
    }
    const line = { at: Date.now(), sink: sink.name, attempts, error: lastError, message: m };
    try {
      await mkdir(dirname(this.deps.deadLetterFile), { recursive: true });
      await appendFile(this.deps.deadLetterFile, `${JSON.stringify(line)}\n`, 'utf8');
    } catch (err) {
      this.deps.log.error({ err, file: this.deps.deadLetterFile }, 'could not write the escalation dead-letter log');
    }
    this.deps.log.error({ sink: sink.name, notification: m.notification_id, attempts, err: lastError }, 'escalation dead-lettered');
    await this.deps.bus.publish('cs.deadletter', { topic: `escalation.${sink.name}`, reason: lastError, record: m, at: line.at }).catch(() => undefined);
  }
}
