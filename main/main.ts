import { BrowserWindow, Menu, Notification, app, dialog, screen, session, shell } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DESKTOP_IPC, type UpdateState } from '../common/desktopBridge';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { notesOriginFromEnv, objectsOriginFromEnv } from './core/appProtocol';
import { backendSpawner } from './backendProcess';
import { nodeBinaryFor } from './core/backendEnv';
import { BACKEND_READY_TIMEOUT_MS } from './backendContract';
import { APP_ENTRY_URL, APP_ORIGIN } from './core/appProtocol';
import { BackendSupervisor } from './core/backendSupervisor';
import { DEEP_LINK_SCHEME, findDeepLink, parseDeepLink } from './core/deepLink';
import { isAllowedDownloadUrl, parseDownloadHosts } from './core/ipcRegistry';
import { newLaunchToken } from './core/launchToken';
import { parseNotifyRequest } from './core/notifyRequest';
import { backendOrigin } from './core/originGuard';
import { RotatingLogFile } from './core/rotatingLog';
import { secureWebPreferences } from './core/webPreferences';
import { hardenSession, hardenWebContents } from './core/windowSecurity';
import { registerIpc } from './ipc/registry';
import { startAutoUpdate } from './updater';
import { menuTemplate } from './core/menuTemplate';
import { MIN_SIZE, restoreBounds, serializeBounds } from './core/windowState';

/**
 * The desktop shell: one window over the bundled backend. Everything decidable without Electron
 * lives in ./core (tested in plain Node); this file only wires it to Electron's objects.
 */

// dist/main/main.js → dist/
const distDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (message: string) => process.stderr.write(`[cs360 main] ${message}\n`);

let supervisor: BackendSupervisor | null = null;
let backendUrl: string | null = null;
let mainWindow: BrowserWindow | null = null;
let pendingDeepLink: string | null = findDeepLink(process.argv);
let quitting = false;
/** Off unless CS360_UPDATE_FEED_URL names an https feed (main/updater.ts). */
let updateState: () => UpdateState = () => ({ status: 'disabled' });
const downloadHosts = parseDownloadHosts(process.env.CS360_DOWNLOAD_HOSTS);

// Before `ready`: app:// must be a privileged (secure, standard) scheme.
registerAppScheme();

function deliverDeepLink(link: string): void {
  if (!mainWindow || mainWindow.webContents.isLoading()) {
    pendingDeepLink = link;
    return;
  }
  mainWindow.webContents.send(DESKTOP_IPC.deepLink, link);
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

const windowStateFile = () => join(app.getPath('userData'), 'window-state.json');

function readWindowState(): string | null {
  try {
    return readFileSync(windowStateFile(), 'utf8');
  } catch {
    return null;
  }
}

function createWindow(baseUrl: string, launchToken: string): BrowserWindow {
  const bounds = restoreBounds(
    readWindowState(),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'CS360',
    show: false,
    webPreferences: {
      ...secureWebPreferences({
        preloadPath: join(distDir, 'preload', 'preload.cjs'),
        backendBaseUrl: baseUrl,
        launchToken,
        appVersion: app.getVersion(),
      }),
      // Repeated from secureWebPreferences (which the tests pin) so static scanners
      // (scripts/electronegativity.mjs) see them at the BrowserWindow call.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => {
    if (bounds.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    try {
      writeFileSync(windowStateFile(), serializeBounds(win.getNormalBounds(), win.isMaximized()));
    } catch (err) {
      log(`could not save the window position: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
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
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

async function start(): Promise<void> {
  const launchToken = newLaunchToken();
  const logPath = join(app.getPath('userData'), 'logs', 'backend.log');
  const logFile = new RotatingLogFile(logPath);
  log(`starting the backend (embedded mode unless configured otherwise; data in ${join(app.getPath('userData'), 'data')}, its log in ${logPath})`);
  supervisor = new BackendSupervisor({
    spawn: backendSpawner({
      entry: join(distDir, 'backend', 'main.js'),
      launchToken,
      dataDir: join(app.getPath('userData'), 'data'),
      nodeBinary: nodeBinaryFor(process.env, app.isPackaged),
      log: (chunk) => logFile.write(chunk),
    }),
    readyTimeoutMs: BACKEND_READY_TIMEOUT_MS,
  });
  supervisor.on('crashed', (code) => log(`backend exited unexpectedly (code ${code}); restarting`));
  supervisor.on('ready', ({ port }) => log(`backend ready on 127.0.0.1:${port}`));
  supervisor.on('gave-up', (err) => {
    if (quitting) return;
    dialog.showErrorBox('CS360', `The CS360 backend keeps stopping (${err.message}). The app will close.`);
    app.quit();
  });
  const ready = await supervisor.start();
  backendUrl = backendOrigin(ready.port);
  mainWindow = createWindow(backendUrl, launchToken);
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

  // The console lives at app://cs360 only; the backend origin is for fetch/WebSocket, not pages.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, () => APP_ORIGIN, log));

  app.on('window-all-closed', () => app.quit());

  app.on('before-quit', (event) => {
    if (!supervisor) return;
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    const stopping = supervisor;
    void stopping.stop().finally(() => {
      supervisor = null;
      app.quit();
    });
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, () => APP_ORIGIN);
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          menuTemplate({
            isMac: process.platform === 'darwin',
            isPackaged: app.isPackaged,
            appName: app.name,
            // The console's own shortcut handler focuses the search box.
            onFindCustomer: () => mainWindow?.webContents.sendInputEvent({ type: 'keyDown', keyCode: 'K', modifiers: [process.platform === 'darwin' ? 'meta' : 'control'] }),
          }),
        ),
      );
      serveAppProtocol(join(distDir, 'renderer'), () => backendUrl, notesOriginFromEnv(process.env), objectsOriginFromEnv(process.env));
      registerIpc(
        {
          notify(title, body) {
            const request = parseNotifyRequest([title, body]);
            if (request && Notification.isSupported()) new Notification({ title: request.title, body: request.body }).show();
          },
          async openDownload(url) {
            if (!isAllowedDownloadUrl(url, downloadHosts)) {
              log(`refused to open ${url.slice(0, 200)}`);
              return false;
            }
            await shell.openExternal(url);
            return true;
          },
          updateState: () => updateState(),
        },
        () => APP_ORIGIN,
        log,
      );
      await start();
      updateState = startAutoUpdate(log);
    })
    .catch((err: unknown) => {
      log(`failed to start: ${err instanceof Error ? err.message : String(err)}`);
      dialog.showErrorBox('CS360', `CS360 could not start its backend.\n\n${err instanceof Error ? err.message : String(err)}`);
      app.exit(1);
    });
}
