import { defineConfig } from 'vitest/config';

// `npm test` runs three tiers: unit (pure logic), integration (backend over real HTTP on the embedded
// engines), e2e (built renderer + backend in Debian's Chromium), after a build. The stack tier runs
// only with `npm run test:stack`.
/** Migrations and the GraphQL SDL are imported as text, as esbuild's 'text' loader does in the bundle. */
const textFiles = {
  name: 'cs360-text-files',
  transform(code: string, id: string) {
    if (id.endsWith('.sql') || id.endsWith('.graphql')) return { code: `export default ${JSON.stringify(code)};`, map: null };
    return undefined;
  },
};

export default defineConfig({
  plugins: [textFiles],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['common/**/*.test.ts', 'backend/**/*.test.ts', 'bench/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}', 'main/**/*.test.ts', 'preload/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.stack.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['backend/**/*.int.test.ts', 'main/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // `npm run test:stack` only: the port contracts and flows against the real engines (npm run stack:up).
        extends: true,
        test: {
          name: 'stack',
          include: ['**/*.stack.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
