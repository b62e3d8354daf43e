import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../app';
import { configSchema, type AppConfig } from '../../config/schema';
import { createLogger } from '../../logger';

/** A backend for the security suite: any config section may be set (testApp.ts takes a few). */
export async function startSecurityApp(overrides: Record<string, unknown> = {}): Promise<{ app: App; baseUrl: string; port: number; config: AppConfig; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs360-sec-'));
  const demo = { customers: 60, events: 3000, whaleEvents: 300, trickleIntervalMs: 0, ...(overrides.demo as object) };
  const config = configSchema.parse({ log: { level: 'silent' }, ...overrides, dataDir, http: { port: 0, ...(overrides.http as object) }, demo });
  const app = await createApp(config, createLogger('silent'));
  const { port, seeded } = await app.listen();
  await seeded;
  return {
    app,
    port,
    config,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: { error?: { code: string; message: string; details?: Record<string, unknown> }; errors?: { message: string; extensions?: { code?: string; details?: Record<string, unknown> } }[]; data?: unknown; [k: string]: unknown } | null;
  ms: number;
}

/**
 * One HTTP request with the path sent exactly as given (fetch would normalise `/%67raphql`) and any
 * Host header (fetch forbids setting it).
 */
export function raw(port: number, method: string, path: string, opts: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<RawResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...(opts.body !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(opts.body) } : {}), ...opts.headers };
    const req = request({ host: '127.0.0.1', port, method, path, headers, timeout: opts.timeoutMs ?? 30_000 }, (res) => {
      const chunks: Uint8Array[] = [];
      res.on('data', (c: Uint8Array) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: RawResponse['json'];
        try {
          json = JSON.parse(text) as RawResponse['json'];
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, ms: performance.now() - started });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timed out: ${method} ${path.slice(0, 80)}`)));
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** The error code of a REST or GraphQL error answer. */
export const codeOf = (r: RawResponse): string | undefined => r.json?.error?.code ?? r.json?.errors?.[0]?.extensions?.code;
