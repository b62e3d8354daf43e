import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { configSchema, type AppConfig } from './schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Tree = { [k: string]: Tree | string | undefined };

function setPath(tree: Tree, path: string[], value: string): void {
  let node = tree;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) node[key] = value;
    else node = (node[key] ??= {}) as Tree;
  }
}

/** SNAKE_CASE → camelCase, character by character (no regular expression over user input). */
function camel(part: string): string {
  let out = '';
  let upper = false;
  for (const ch of part.toLowerCase()) {
    if (ch === '_') upper = out.length > 0;
    else {
      out += upper ? ch.toUpperCase() : ch;
      upper = false;
    }
  }
  return out;
}

/** The configuration's top-level keys: `http`, `stack`, `mode`, `dataDir`… */
const TOP_LEVEL_KEYS: ReadonlySet<string> = new Set(Object.keys(configSchema.shape));
/** Env-name prefixes of the sections (objects), for the single-underscore warning: HTTP_, TICKETS_WORKER_… */
const SECTION_PREFIXES = Object.keys(configSchema.shape)
  .filter((key) => key !== 'mode' && key !== 'dataDir')
  .map((key) => ({ prefix: `${[...key].map((c) => (c >= 'A' && c <= 'Z' ? `_${c}` : c.toUpperCase())).join('')}_`, key }));

/**
 * The one naming scheme: `CS360_<SECTION>__<KEY>` (sections and nested keys joined by a double
 * underscore, each part SNAKE_CASE) and `CS360_<KEY>` for a top-level key (`CS360_MODE`,
 * `CS360_DATA_DIR`). CS360_HTTP__PORT=5000 → { http: { port: '5000' } }.
 *
 * Only names whose first part is a configuration key are read; every other CS360_* variable belongs
 * to another reader (the desktop shell's CS360_NODE, the stack runner's ports, the benches) and is
 * left alone — the desktop shell passes its whole environment to the backend. A name that looks like
 * a section with a single underscore (CS360_HTTP_PORT) is reported as a warning rather than ignored
 * in silence.
 */
export function envToTree(env: NodeJS.ProcessEnv, warn: (message: string) => void = () => {}): Tree {
  const tree: Tree = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('CS360_') || value === undefined || name === 'CS360_CONFIG' || name === 'CS360_LAUNCH_TOKEN') continue;
    const path = name.slice('CS360_'.length).split('__').map(camel);
    if (TOP_LEVEL_KEYS.has(path[0]!)) {
      setPath(tree, path, value);
      continue;
    }
    const rest = name.slice('CS360_'.length);
    const section = path.length === 1 ? SECTION_PREFIXES.find((s) => rest.startsWith(s.prefix)) : undefined;
    if (section) warn(`${name} is ignored: a configuration variable separates its section with a double underscore (CS360_${section.prefix}_${rest.slice(section.prefix.length)})`);
  }
  if (env.CS360_LAUNCH_TOKEN) setPath(tree, ['auth', 'launchToken'], env.CS360_LAUNCH_TOKEN);
  return tree;
}

function deepMerge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const prev = out[k];
    out[k] = typeof v === 'object' && v && typeof prev === 'object' && prev ? deepMerge(prev, v) : v;
  }
  return out;
}

/** Leaf paths of `given` that `parsed` does not have. */
function unknownPaths(given: Tree, parsed: Tree, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [key, value] of Object.entries(given)) {
    const there = parsed[key];
    if (there === undefined) out.push([...prefix, key]);
    else if (typeof value === 'object' && value && typeof there === 'object' && there && !Array.isArray(there)) out.push(...unknownPaths(value, there as Tree, [...prefix, key]));
  }
  return out;
}

export interface ConfigSources {
  argv?: string[];
  env?: NodeJS.ProcessEnv;
  readFile?: (path: string) => string;
  /** Told about variables that look like configuration but are not read (a single underscore, say). */
  warn?: (message: string) => void;
}

/** Loads and validates; throws ConfigError naming every bad field. */
export function loadConfig({ argv = process.argv.slice(2), env = process.env, readFile = (p) => readFileSync(p, 'utf8'), warn }: ConfigSources = {}): AppConfig {
  const { values } = parseArgs({
    args: argv,
    strict: false,
    options: {
      config: { type: 'string' },
      web: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      mode: { type: 'string' },
    },
  });
  const problems: string[] = [];
  let fileTree: Tree = {};
  const file = (values.config as string | undefined) ?? env.CS360_CONFIG;
  if (file) {
    try {
      fileTree = JSON.parse(readFile(file)) as Tree;
    } catch (err) {
      problems.push(`config file ${file}: ${(err as Error).message}`);
    }
  }
  const cli: Tree = {};
  if (values.web) setPath(cli, ['http', 'serveRenderer'], 'true');
  if (typeof values.port === 'string') setPath(cli, ['http', 'port'], values.port);
  if (typeof values.host === 'string') setPath(cli, ['http', 'host'], values.host);
  if (typeof values['data-dir'] === 'string') setPath(cli, ['dataDir'], values['data-dir']);
  if (typeof values.mode === 'string') setPath(cli, ['mode'], values.mode);
  if (problems.length) throw new ConfigError(problems);

  const envTree = envToTree(env, warn);
  const parsed = configSchema.safeParse(deepMerge(deepMerge(fileTree, envTree), cli));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  // Sections drop keys they do not know; say so rather than ignore a typo in silence.
  for (const path of unknownPaths(envTree, parsed.data as unknown as Tree)) warn?.(`${path.join('.')} is not a configuration key; its CS360_ variable is ignored`);
  return parsed.data;
}
