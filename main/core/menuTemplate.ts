import type { MenuItemConstructorOptions } from 'electron';

/**
 * The native menu, as data. Developer tools and reload exist only in development builds; the
 * "Find customer" item sends the same Ctrl/Cmd+K the console listens for.
 */
export function menuTemplate(options: { isMac: boolean; isPackaged: boolean; appName: string; onFindCustomer: () => void }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: 'Find customer…', accelerator: 'CmdOrCtrl+K', click: options.onFindCustomer },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!options.isPackaged) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    ...(options.isMac ? [{ label: options.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] } as MenuItemConstructorOptions] : []),
    { label: 'File', submenu: [options.isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
