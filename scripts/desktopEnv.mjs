// The environment `npm start` gives Electron (scripts/start.mjs). Its own module so that the desktop
// launch test (main/desktopLaunch.int.test.ts) starts the backend with exactly this environment.

/**
 * @param {NodeJS.ProcessEnv} env the user's environment
 * @param {string} nodeBinary the Node.js that runs `npm start`: the unpackaged app runs its backend with it
 * @returns {NodeJS.ProcessEnv}
 */
export function desktopEnv(env, nodeBinary) {
  const out = { ...env, CS360_NODE: nodeBinary };
  // Set by some tools; it would make Electron behave as plain Node.
  delete out.ELECTRON_RUN_AS_NODE;
  return out;
}
