// `npm start`: the desktop app. Electron's binary is downloaded by its postinstall script; on
// machines where that could not happen, say so and point at the browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { desktopEnv } from './desktopEnv.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Path of the Electron binary, or null when the package or its binary is absent. */
function electronBinary() {
  let binary;
  try {
    // The electron package exports the binary's path, and throws when its install step did not run.
    binary = createRequire(join(root, 'package.json'))('electron');
  } catch {
    return null;
  }
  return typeof binary === 'string' && existsSync(binary) ? binary : null;
}

function main() {
  const binary = electronBinary();
  if (!binary) {
    console.error(
      [
        'CS360: the Electron desktop binary is not installed on this machine,',
        'so the desktop app cannot start here.',
        '',
        'Run `npm run web` for the same console in a browser (the backend serves it).',
        '(To get the desktop binary, reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD, where downloads are allowed.)',
      ].join('\n'),
    );
    process.exit(1);
  }

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);

  const env = desktopEnv(process.env, process.execPath);
  // `.` runs package.json's main (dist/main/main.js) as the app, so its name, version and
  // userData directory are CS360's rather than Electron's default app.
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
