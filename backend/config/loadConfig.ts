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

/** CS360_HTTP__PORT=5000 → { http: { port: '5000' } }; CS360_MODE=stack → { mode: 'stack' }. Keys are camel-cased from SNAKE_CASE. */
export function envToTree(env: NodeJS.ProcessEnv): Tree {
  const tree: Tree = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('CS360_') || value === undefined || name === 'CS360_CONFIG' || name === 'CS360_LAUNCH_TOKEN') continue;
    const path = name
      .slice('CS360_'.length)
      .split('__')
      .map((part) => part.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));
    setPath(tree, path, value);
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

export interface ConfigSources {
  argv?: string[];
  env?: NodeJS.ProcessEnv;
  readFile?: (path: string) => string;
}

/** Loads and validates; throws ConfigError naming every bad field. */
export function loadConfig({ argv = process.argv.slice(2), env = process.env, readFile = (p) => readFileSync(p, 'utf8') }: ConfigSources = {}): AppConfig {
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

  const parsed = configSchema.safeParse(deepMerge(deepMerge(fileTree, envToTree(env)), cli));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return parsed.data;
}
