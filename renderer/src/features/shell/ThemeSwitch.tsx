import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoonIcon, SunIcon } from '../../components/Icons';
import { currentTheme, setTheme } from './theme';

/** Light or dark; remembered like the language. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const [theme, set] = useState(currentTheme);
  const next = theme === 'dark' ? 'light' : 'dark';
  const label = t(theme === 'dark' ? 'nav.themeLight' : 'nav.theme');
  return (
    <button
      type="button"
      className="btn btn-ghost btn-icon"
      data-testid="theme-switch"
      data-theme={theme}
      title={label}
      aria-label={label}
      onClick={() => {
        setTheme(next);
        set(next);
      }}
    >
      {theme === 'dark' ? <SunIcon size={16} /> : <MoonIcon size={16} />}
    </button>
  );
}
