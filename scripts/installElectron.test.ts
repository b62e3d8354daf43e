import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
// Port 9 (discard) is closed on loopback: the download fails at once, as it does where Electron's host is unreachable.
const unreachable: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: '/nonexistent/cs360-electron-cache' };
delete unreachable.ELECTRON_SKIP_BINARY_DOWNLOAD;

function run(args: string[]) {
  return spawnSync(process.execPath, ['scripts/installElectron.mjs', ...args], { cwd: root, encoding: 'utf8', env: unreachable, timeout: 60_000 });
}

describe('npm install on a machine that cannot download Electron (scripts/installElectron.mjs)', () => {
  it('is the root postinstall, and Electron’s own failing postinstall is not approved', () => {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { scripts: Record<string, string>; allowScripts: Record<string, boolean> };
    expect(pkg.scripts.postinstall).toBe('node scripts/installElectron.mjs');
    expect(pkg.allowScripts.electron).toBe(false);
  });

  it('explains in words and lets the install succeed when the download fails', () => {
    const r = run([]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Electron desktop binary could not be downloaded');
    expect(r.stderr).toContain('npm run web');
    // The reason is the installer's own first line, not a stack trace.
    expect(r.stderr).toMatch(/127\.0\.0\.1|ECONNREFUSED|RequestError/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails when the binary is asked for explicitly (npm run install:electron)', () => {
    const r = run(['--required']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('could not be downloaded');
  });
});
