import { LAUNCH_TOKEN_ENV } from '../backendContract';

/** Set by `npm start` (scripts/desktopEnv.mjs): the Node.js binary the unpackaged app runs the backend with. */
export const NODE_BINARY_ENV = 'CS360_NODE';

/**
 * The backend's environment, as main passes it: the shell's own environment (so a user's
 * CS360_<SECTION>__<KEY> settings reach the backend), its per-launch token and data dir, and
 * nothing that would make a Node child behave as Electron. The backend's config loader reads only
 * configuration names from it and leaves the shell's own variables (CS360_NODE…) alone.
 */
export function backendEnv(base: NodeJS.ProcessEnv, launch: { launchToken: string; dataDir: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, [LAUNCH_TOKEN_ENV]: launch.launchToken, CS360_DATA_DIR: launch.dataDir };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

/** The Node.js binary for the backend: only when unpackaged (a packaged app uses Electron's utility process). */
export function nodeBinaryFor(env: NodeJS.ProcessEnv, packaged: boolean): string | undefined {
  return packaged ? undefined : env[NODE_BINARY_ENV] || undefined;
}
