import { BrowserWindow, app, dialog, session } from 'electron';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DESKTOP_IPC } from '../common/desktopBridge';
import { startBackend, type RunningBackend } from './backendProcess';
import { DEEP_LINK_SCHEME, findDeepLink, parseDeepLink } from './core/deepLink';
import { newLaunchToken } from './core/launchToken';
import { backendOrigin } from './core/originGuard';
import { secureWebPreferences } from './core/webPreferences';
import { registerNotifyHandler } from './ipc/notify';
import { hardenSession, hardenWebContents } from './core/windowSecurity';

/**
 * The desktop shell: one window over the bundled backend. Everything decidable without Electron
 * lives in ./core (tested in plain Node); this file only wires it to Electron's objects.
 */

// dist/main/main.js → dist/
const distDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (message: string) => process.stderr.write(`[cs360 main] ${message}\n`);

let backend: RunningBackend | null = null;
let origin: string | null = null;
let mainWindow: BrowserWindow | null = null;
let pendingDeepLink: string | null = findDeepLink(process.argv);
let quitting = false;

function deliverDeepLink(link: string): void {
  if (!mainWindow || mainWindow.webContents.isLoading()) {
    pendingDeepLink = link;
    return;
  }
  mainWindow.webContents.send(DESKTOP_IPC.deepLink, link);
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function createWindow(port: number, launchToken: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'CS360',
    show: false,
    webPreferences: secureWebPreferences({
      preloadPath: join(distDir, 'preload', 'preload.cjs'),
      backendBaseUrl: backendOrigin(port),
      launchToken,
      appVersion: app.getVersion(),
    }),
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-finish-load', () => {
    if (pendingDeepLink) {
      const link = pendingDeepLink;
      pendingDeepLink = null;
      deliverDeepLink(link);
    }
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(`${backendOrigin(port)}/`);
  return win;
}

async function start(): Promise<void> {
  const launchToken = newLaunchToken();
  backend = await startBackend({
    entry: join(distDir, 'backend', 'main.js'),
    launchToken,
    dataDir: join(app.getPath('userData'), 'data'),
    rendererDir: join(distDir, 'renderer'),
    nodeBinary: app.isPackaged ? undefined : process.env.CS360_NODE,
    log: process.stdout,
  });
  origin = backendOrigin(backend.ready.port);
  backend.events.once('exit', (code) => {
    if (quitting) return;
    // Restarting (and the UI reconnecting) is a later issue; a console without its backend is useless.
    log(`backend exited unexpectedly with code ${code}`);
    dialog.showErrorBox('CS360', `The CS360 backend stopped unexpectedly (exit code ${code}). The app will close.`);
    app.quit();
  });
  mainWindow = createWindow(backend.ready.port, launchToken);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME.slice(0, -1));

  app.on('second-instance', (_event, argv) => {
    const link = findDeepLink(argv);
    if (link) deliverDeepLink(link);
    else if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  // macOS delivers links as an event, possibly before `ready`.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const link = parseDeepLink(url);
    if (link) deliverDeepLink(link);
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, () => origin, log));

  app.on('window-all-closed', () => app.quit());

  app.on('before-quit', (event) => {
    if (!backend) return;
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    const stopping = backend;
    void stopping.stop().finally(() => {
      backend = null;
      app.quit();
    });
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, () => origin);
      registerNotifyHandler(() => origin, log);
      await start();
    })
    .catch((err: unknown) => {
      log(`failed to start: ${err instanceof Error ? err.message : String(err)}`);
      dialog.showErrorBox('CS360', `CS360 could not start its backend.\n\n${err instanceof Error ? err.message : String(err)}`);
      app.exit(1);
    });
}
