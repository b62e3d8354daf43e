/** See desktopEnv.mjs: the environment `npm start` gives Electron. */
export function desktopEnv(env: NodeJS.ProcessEnv, nodeBinary: string): NodeJS.ProcessEnv;
