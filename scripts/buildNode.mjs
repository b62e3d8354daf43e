// `npm run build:node`: bundles the Node-side entries into dist/ with esbuild.
// The renderer is built separately by Vite (`npm run build:renderer`).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** @param {string} p */
const at = (p) => join(root, p);

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'info',
  legalComments: 'none',
};

/** @type {{ name: string, entry: string, optional?: boolean, options: import('esbuild').BuildOptions }[]} */
const entries = [
  {
    name: 'backend',
    entry: 'backend/main.ts',
    optional: true,
    options: {
      outfile: at('dist/backend/main.js'),
      format: 'esm',
      // Every package stays in node_modules: native (better-sqlite3), wasm (@electric-sql/pglite)
      // and the rest of `dependencies`, which electron-builder ships with the app.
      packages: 'external',
      external: ['better-sqlite3', '@electric-sql/pglite'],
      // Migrations and the GraphQL SDL are imported as text (vitest.config.ts does the same).
      loader: { '.sql': 'text', '.graphql': 'text' },
    },
  },
  {
    // The case projector as its own process (docker-compose.yml `case-projector`): same bundling as the backend.
    name: 'projector',
    entry: 'backend/projector/main.ts',
    optional: true,
    options: {
      outfile: at('dist/backend/projector.js'),
      format: 'esm',
      packages: 'external',
      loader: { '.sql': 'text', '.graphql': 'text' },
    },
  },
  {
    // The CouchDB _changes worker as its own process (docker-compose.yml `tickets-worker`).
    name: 'tickets-worker',
    entry: 'backend/workers/couchTicketsWorkerMain.ts',
    optional: true,
    options: {
      outfile: at('dist/backend/tickets-worker.js'),
      format: 'esm',
      packages: 'external',
      loader: { '.sql': 'text', '.graphql': 'text' },
    },
  },
  {
    name: 'main',
    entry: 'main/main.ts',
    options: { outfile: at('dist/main/main.js'), format: 'esm', external: ['electron', 'electron-updater'] },
  },
  {
    name: 'preload',
    entry: 'preload/preload.ts',
    // Sandboxed preloads cannot be ESM, and may require only a few modules (electron among them).
    options: { outfile: at('dist/preload/preload.cjs'), format: 'cjs', external: ['electron'] },
  },
];

let failed = false;
for (const { name, entry, optional, options } of entries) {
  if (!existsSync(at(entry))) {
    if (optional) {
      console.warn(`build:node: ${entry} does not exist yet; skipping the ${name} bundle.`);
      continue;
    }
    console.error(`build:node: ${entry} is missing.`);
    failed = true;
    continue;
  }
  try {
    await build({ ...common, ...options, entryPoints: [at(entry)] });
  } catch {
    // esbuild has already printed the errors (logLevel info).
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
