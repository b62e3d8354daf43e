export type Theme = 'light' | 'dark';
const STORAGE_KEY = 'cs360.theme';

const isTheme = (v: unknown): v is Theme => v === 'light' || v === 'dark';

/** The remembered choice, else the system's preference: long night shifts are why the dark one exists. */
export function storedTheme(): Theme {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (isTheme(v)) return v;
  } catch {
    // Storage unavailable: fall through to the system preference.
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** data-theme switches the CSS variables; color-scheme makes native controls (date inputs, selects, scrollbars) follow. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

export function setTheme(theme: Theme): void {
  applyTheme(theme);
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // The choice still holds for this page.
  }
}

export const currentTheme = (): Theme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');
