// `npm run build:node`: bundles the Node-side entries into dist/ with esbuild.
// The renderer is built separately by Vite (`npm run build:renderer`).
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
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

/** @type {{ name: string, entry: string, entryPoints?: Record<string, string>, optional?: boolean, clean?: string, options: import('esbuild').BuildOptions }[]} */
const entries = [
  {
    // The backend and its two stand-alone processes (docker-compose.yml `case-projector` and
    // `tickets-worker`) in one build with code splitting: dist/backend/main.js, projector.js and
    // tickets-worker.js plus shared chunks under dist/backend/chunks/. Splitting is what makes a
    // dynamic `import()` lazy in the output: packages stay external, and an ESM bundle without
    // splitting hoists every external `import` to its top, so embedded mode would load
    // cassandra-driver, @platformatic/kafka (which compiles its ajv schemas at import, ~0.4 s),
    // the AWS SDK, pg, ioredis, trino-client and faker at every start. With splitting, a module
    // reached only through `await import()` lands in its own chunk with its external imports, and
    // is loaded when that code path runs (bench/startup.ts measures the difference).
    name: 'backend',
    entry: 'backend/main.ts',
    entryPoints: { main: 'backend/main.ts', projector: 'backend/projector/main.ts', 'tickets-worker': 'backend/workers/couchTicketsWorkerMain.ts' },
    optional: true,
    // Hashed chunks: pruned of those this build did not write.
    clean: 'dist/backend/chunks',
    options: {
      outdir: at('dist/backend'),
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
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
for (const { name, entry, entryPoints, optional, clean, options } of entries) {
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
    const points = entryPoints
      ? Object.fromEntries(Object.entries(entryPoints).filter(([, file]) => existsSync(at(file))).map(([out, file]) => [out, at(file)]))
      : [at(entry)];
    const result = await build({ ...common, ...options, entryPoints: points, metafile: Boolean(clean) });
    // Chunk names carry a hash: drop the chunks an earlier build left (after writing the new ones,
    // so a backend started from the previous build keeps its files until this build replaces them).
    if (clean && result.metafile) {
      const written = new Set(Object.keys(result.metafile.outputs).map((f) => join(root, f)));
      const dir = at(clean);
      for (const f of readdirSync(dir)) if (!written.has(join(dir, f))) rmSync(join(dir, f), { force: true });
    }
  } catch {
    // esbuild has already printed the errors (logLevel info).
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
