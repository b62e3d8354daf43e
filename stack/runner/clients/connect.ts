// The one Kafka Connect REST client of the runner: register a connector from stack/debezium/, reset
// its offsets when the source's history was replaced, wait until it runs.
import { StackError, say, sleep } from '../lib';
import { CONNECT_URL } from '../ports';
import { ensureKafkaTopics, type TopicSpec } from './kafka';

export interface ConnectorSpec {
  name: string;
  config: Record<string, string>;
}

interface ConnectorStatus {
  connector?: { state: string; trace?: string };
  tasks?: { id: number; state: string; trace?: string }[];
}

export async function connectApi(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const r = await fetch(`${CONNECT_URL}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await r.text();
  let json: unknown = text;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: kept as text for the error message */
  }
  return { status: r.status, json };
}

async function connectorState(name: string): Promise<ConnectorStatus | null> {
  const r = await connectApi('GET', `/connectors/${name}/status`);
  return r.status === 200 ? (r.json as ConnectorStatus) : null;
}

async function waitConnector(name: string, want: (s: ConnectorStatus) => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: ConnectorStatus | null = null;
  while (Date.now() < until) {
    last = await connectorState(name).catch(() => null);
    if (last && want(last)) return;
    const failed = last?.tasks?.find((t) => t.state === 'FAILED') ?? (last?.connector?.state === 'FAILED' ? last.connector : undefined);
    if (failed) throw new StackError(`connector ${name} FAILED: ${(failed.trace ?? '').split('\n').slice(0, 6).join('\n')}`);
    await sleep(1000);
  }
  throw new StackError(`connector ${name} not ${what} after ${timeoutMs / 1000} s (last status: ${JSON.stringify(last)})`);
}

const running = (s: ConnectorStatus) => s.connector?.state === 'RUNNING' && (s.tasks?.length ?? 0) > 0 && (s.tasks ?? []).every((t) => t.state === 'RUNNING');

export async function connectorRegistered(name: string): Promise<boolean> {
  return ((await connectApi('GET', '/connectors')).json as string[]).includes(name);
}

/** Stops a registered connector and deletes its stored offsets, so it starts again from a snapshot. */
export async function resetConnectorOffsets(name: string): Promise<void> {
  await connectApi('PUT', `/connectors/${name}/stop`);
  await waitConnector(name, (s) => s.connector?.state === 'STOPPED', 'STOPPED');
  const del = await connectApi('DELETE', `/connectors/${name}/offsets`);
  if (del.status !== 200) throw new StackError(`resetting ${name}'s offsets failed: ${del.status} ${JSON.stringify(del.json)}`);
}

/**
 * Creates the connector's topics (so consumers can subscribe before the first change), puts its
 * config (create or update), resumes it if stopped and waits for RUNNING. Idempotent.
 */
export async function registerConnector(spec: ConnectorSpec, opts: { topics: TopicSpec[]; resetOffsets?: boolean; what?: string }): Promise<void> {
  await ensureKafkaTopics(opts.topics);
  if (opts.resetOffsets && (await connectorRegistered(spec.name))) {
    await resetConnectorOffsets(spec.name);
    say(`  ${spec.name}: stored offsets reset (${opts.what ?? 'the source was replaced'})`);
  }
  const put = await connectApi('PUT', `/connectors/${spec.name}/config`, spec.config);
  if (put.status !== 200 && put.status !== 201) throw new StackError(`registering ${spec.name} failed: ${put.status} ${JSON.stringify(put.json)}`);
  const st = await connectorState(spec.name);
  if (st?.connector?.state === 'STOPPED' || st?.connector?.state === 'PAUSED') await connectApi('PUT', `/connectors/${spec.name}/resume`);
  await waitConnector(spec.name, running, 'RUNNING');
  say(`  connector ${spec.name} RUNNING (topics ${opts.topics.map((t) => t.name).join(', ')})`);
}
