// Root postinstall: fetch Electron's desktop binary where the network allows, and never fail the install
// where it does not. npm (11.19+) runs no dependency install script that package.json's allowScripts does
// not approve, and Electron's own postinstall is denied there on purpose: on a machine that cannot reach
// Electron's download host it exits 1 and takes the whole `npm install` down with it. This runs the same
// installer (node_modules/electron/install.js, which honours ELECTRON_MIRROR and its cache) and, when it
// fails, explains in words and lets the install succeed: everything but the desktop window works, and
// `npm start` says so and points to `npm run web`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The download gives up after this long, so an install on a filtered network does not hang. */
const TIMEOUT_MS = Number(process.env.CS360_ELECTRON_INSTALL_TIMEOUT_MS) || 120_000;

function electronDir() {
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function main() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  const dir = electronDir();
  if (!dir || !existsSync(join(dir, 'install.js'))) return; // production install without devDependencies
  const run = spawnSync(process.execPath, [join(dir, 'install.js')], { cwd: dir, encoding: 'utf8', timeout: TIMEOUT_MS, env: process.env });
  if (run.status === 0) return;
  const reason =
    run.error?.message ??
    (run.stderr || run.stdout || '')
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ??
    `exit code ${run.status}`;
  console.warn(
    [
      '',
      'CS360: the Electron desktop binary could not be downloaded, so `npm start` cannot open the desktop',
      `window on this machine (${reason.slice(0, 200)}).`,
      'Everything else is installed: `npm run web` serves the same console in a browser, and `npm test` runs.',
      'To get the desktop app later: `npm run install:electron` where the download is allowed',
      '(or set ELECTRON_MIRROR to a reachable mirror).',
      '',
    ].join('\n'),
  );
  // `npm run install:electron` asked for the binary explicitly: failing to get it is a failure there.
  if (process.argv.includes('--required')) process.exitCode = 1;
}

main();
