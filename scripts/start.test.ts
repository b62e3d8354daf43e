import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('npm start (scripts/start.mjs)', () => {
  it('explains that the desktop binary is missing, points at npm run web, and exits 1', () => {
    // electron's entry honours this override, so the binary is "missing" on every machine.
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/cs360-electron' },
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('desktop binary is not installed on this machine');
    expect(run.stderr).toContain('npm run web');
    // It must stop before building anything.
    expect(run.stdout).not.toContain('build');
  });
});
