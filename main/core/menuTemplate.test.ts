import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menuTemplate';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);

describe('native menu', () => {
  it('has no developer tools or reload in a packaged build', () => {
    const r = roles(menuTemplate({ isMac: false, isPackaged: true, appName: 'CS360', onFindCustomer: () => {} }));
    expect(r).not.toContain('toggleDevTools');
    expect(r).not.toContain('reload');
    expect(r).toEqual(expect.arrayContaining(['quit', 'editMenu', 'windowMenu']));
  });
  it('offers developer tools while developing', () => {
    expect(roles(menuTemplate({ isMac: false, isPackaged: false, appName: 'CS360', onFindCustomer: () => {} }))).toContain('toggleDevTools');
  });
  it('has the app menu on macOS only', () => {
    expect(menuTemplate({ isMac: true, isPackaged: true, appName: 'CS360', onFindCustomer: () => {} })[0]?.label).toBe('CS360');
    expect(menuTemplate({ isMac: false, isPackaged: true, appName: 'CS360', onFindCustomer: () => {} })[0]?.label).toBe('File');
  });
  it('binds Find customer to CmdOrCtrl+K', () => {
    let found = 0;
    const view = menuTemplate({ isMac: false, isPackaged: true, appName: 'CS360', onFindCustomer: () => found++ }).find((m) => m.label === 'View');
    const item = (view?.submenu as MenuItemConstructorOptions[]).find((i) => i.accelerator === 'CmdOrCtrl+K');
    (item?.click as () => void)();
    expect(found).toBe(1);
  });
});
