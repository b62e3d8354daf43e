import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { envToTree, loadConfig } from '../backend/config/loadConfig';

// docker-compose.yml cannot be run here (no Docker), so its shape is checked statically.
interface ComposeService {
  image?: string;
  build?: unknown;
  restart?: string;
  healthcheck?: { test?: unknown; disable?: boolean };
  ports?: (string | { published?: string | number; host_ip?: string })[];
  volumes?: (string | { type?: string; source?: string })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as Compose;
const services = Object.entries(compose.services);
/**
 * One-shot services (bucket/topic/schema init, the Flink SQL submit) run to completion and exit:
 * a healthcheck makes no sense for them. They are exempt when they say `restart: "no"`, and their
 * dependants wait with `service_completed_successfully`.
 */
const isOneShot = (s: ComposeService) => s.restart === 'no';

/** Short volume syntax: "source:target[:mode]"; a source starting with . or / is a host path. */
function hostPaths(s: ComposeService): string[] {
  return (s.volumes ?? [])
    .map((v) => (typeof v === 'string' ? v.split(':')[0] : v.type === 'bind' ? v.source : undefined))
    .filter((p): p is string => !!p && (p.startsWith('.') || p.startsWith('/')));
}
function hostPorts(s: ComposeService): string[] {
  return (s.ports ?? []).map((p) => {
    if (typeof p !== 'string') return `${p.host_ip ?? '0.0.0.0'}:${p.published}`;
    const parts = p.split(':');
    // "ip:host:container" | "host:container" | "container" (ephemeral host port: no clash)
    return parts.length === 3 ? `${parts[0]}:${parts[1]}` : parts.length === 2 ? `0.0.0.0:${parts[0]}` : '';
  }).filter(Boolean);
}
const dependsOn = (s: ComposeService) => (Array.isArray(s.depends_on) ? s.depends_on : Object.keys(s.depends_on ?? {}));

describe('docker-compose.yml', () => {
  it('has every service of the production stack', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining([
        'kafka', 'connect', 'postgres', 'mysql', 'couchdb', 'cassandra', 'minio', 'minio-init', 'redis',
        'flink-jobmanager', 'flink-taskmanager', 'flink-sql-submit', 'trino', 'nessie', 'backend', 'case-projector', 'prometheus',
      ]),
    );
  });

  it.each(services)('%s: pinned image (or a build), never latest', (_, s) => {
    expect(s.image ?? s.build, 'image or build').toBeTruthy();
    if (s.image) {
      const tag = s.image.includes('@') ? s.image.split('@')[1] : s.image.slice(s.image.lastIndexOf('/') + 1).split(':')[1];
      expect(tag, `${s.image} has a tag`).toBeTruthy();
      expect(tag).not.toBe('latest');
      // A major-only tag (postgres:16) floats too: require at least major.minor, a release stamp or a digest.
      expect(tag, `${s.image} is pinned finely`).toMatch(/^(sha256:[0-9a-f]{64}|\d+\.\d+.*|\d{3,}|v\d+\.\d+.*|RELEASE\..+|\d+\.\d+\.\d+.*)$/);
    }
  });

  it.each(services)('%s: a healthcheck, or a one-shot with restart "no"', (_, s) => {
    if (isOneShot(s)) return;
    expect(s.healthcheck?.test, 'healthcheck.test').toBeTruthy();
    expect(s.healthcheck?.disable).not.toBe(true);
  });

  it.each(services)('%s: every bind-mounted host path exists in the repo', (_, s) => {
    for (const p of hostPaths(s)) expect(existsSync(resolve(p)), p).toBe(true);
  });

  it('no two services publish the same host port', () => {
    const seen = new Map<string, string>();
    for (const [name, s] of services) {
      for (const hp of hostPorts(s)) {
        const port = hp.slice(hp.lastIndexOf(':') + 1);
        // 0.0.0.0:9000 clashes with 127.0.0.1:9000 too: compare by port number.
        expect(seen.get(port), `host port ${port} of ${name}`).toBeUndefined();
        seen.set(port, name);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
  });

  it.each(services)('%s: depends_on targets exist, one-shots awaited to completion, others healthy', (_, s) => {
    for (const dep of dependsOn(s)) {
      const target = compose.services[dep];
      expect(target, `depends_on ${dep}`).toBeDefined();
      if (Array.isArray(s.depends_on) || !target) continue;
      const condition = s.depends_on?.[dep]?.condition;
      expect(condition).toBe(isOneShot(target) ? 'service_completed_successfully' : 'service_healthy');
    }
  });

  it('named volumes are declared', () => {
    for (const [, s] of services) {
      for (const v of s.volumes ?? []) {
        const src = typeof v === 'string' ? v.split(':')[0] : v.source;
        if (src && !src.startsWith('.') && !src.startsWith('/')) expect(compose.volumes ?? {}, `volume ${src}`).toHaveProperty(src);
      }
    }
  });

  it('mounts the shared stack/ configs', () => {
    const mounted = services.flatMap(([, s]) => hostPaths(s));
    for (const p of ['./stack/kafka/server.properties', './stack/kafka/topics.txt', './stack/postgres/migrations', './stack/cassandra/schema.cql', './stack/redis/redis.conf', './stack/minio', './stack/prometheus/prometheus.yml', './flink-sql']) {
      expect(mounted).toContain(p);
    }
  });

  it('passes stack/postgres/postgresql.conf to postgres as -c flags, unchanged', () => {
    const settings = readFileSync('stack/postgres/postgresql.conf', 'utf8')
      .split('\n')
      .map((l) => l.replace(/#.*$/, '').trim())
      .filter(Boolean)
      .map((l) => l.replace(/\s*=\s*/, '='));
    const command = compose.services.postgres?.command as string[];
    const flags = command.filter((_, i) => command[i - 1] === '-c');
    expect(flags.sort()).toEqual(settings.sort());
  });

  it('builds the backend from the root Dockerfile on Node 20', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20[.\d]*-/m);
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toContain('CMD ["node", "dist/backend/main.js", "--web", "--host", "0.0.0.0"]');
  });
});

/**
 * Compose's interpolation of a value, with the defaults (no .env): `${VAR:-default}`, `${VAR-default}`,
 * `$$` for a literal `$`. A `${VAR}` without a default would be empty; it is refused here instead.
 */
function interpolate(value: string): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g, (all, name: string | undefined, fallback: string | undefined) => {
    if (all === '$$') return '$';
    if (fallback === undefined) throw new Error(`\${${name}} has no default`);
    return fallback;
  });
}
function environmentOf(service: string): Record<string, string> {
  const env = compose.services[service]?.environment ?? {};
  const pairs = Array.isArray(env) ? env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)] as const) : Object.entries(env);
  return Object.fromEntries(pairs.filter(([, v]) => v !== null).map(([k, v]) => [k, interpolate(String(v))]));
}
/** The flags of a `node <entry> ...` command. */
const flagsOf = (service: string) => {
  const c = compose.services[service]?.command;
  return Array.isArray(c) ? c.slice(2) : [];
};

describe('docker-compose.yml: the CS360 services start with a valid config', () => {
  it.each(['backend', 'case-projector'])('%s: its environment and flags pass the real config loader, in stack mode', (service) => {
    const env = environmentOf(service);
    expect(Object.keys(env).filter((k) => k.startsWith('CS360_')).length).toBeGreaterThan(3);
    // No config file (CS360_CONFIG unset): the environment alone must be enough.
    const config = loadConfig({ env, argv: flagsOf(service), readFile: () => { throw new Error('no config file in compose'); } });
    expect(config.mode).toBe('stack');

    // Nested sections drop unknown keys silently, so check that every CS360_ variable arrived where it points.
    const tree = envToTree(env);
    const leaves = (t: object, path: string[] = []): [string[], string][] =>
      Object.entries(t).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? leaves(v as object, [...path, k]) : [[[...path, k], String(v)] as [string[], string]]));
    for (const [path, raw] of leaves(tree)) {
      const got = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], config);
      expect(Array.isArray(got) ? got.join(',') : String(got), path.join('.')).toBe(raw);
    }
  });

  it('points the stack adapters at the compose services, not at the runner\'s 127.0.0.1 defaults', () => {
    const config = loadConfig({ env: environmentOf('backend'), argv: flagsOf('backend') });
    expect(config.stack.postgres.url).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    expect(config.stack.redis.url).toBe('redis://redis:6379/0');
    expect(config.stack.kafka.brokers).toEqual(['kafka:19092']);
    expect(config.stack.cassandra).toMatchObject({ contactPoints: ['cassandra:9042'], localDataCenter: 'dc1' });
    expect(config.http).toMatchObject({ host: '0.0.0.0', port: 4360, serveRenderer: true });
  });

  it('the case projector serves /metrics on the port Prometheus scrapes', () => {
    const config = loadConfig({ env: environmentOf('case-projector'), argv: flagsOf('case-projector') });
    expect(config.projector).toMatchObject({ metricsHost: '0.0.0.0', metricsPort: 9464 });
    const prometheus = parse(readFileSync('stack/prometheus/prometheus.yml', 'utf8')) as { scrape_configs: { static_configs?: { targets: string[] }[] }[] };
    const targets = prometheus.scrape_configs.flatMap((j) => j.static_configs ?? []).flatMap((c) => c.targets);
    expect(targets).toContain(`case-projector:${config.projector.metricsPort}`);
  });
});
