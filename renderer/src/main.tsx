import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureApi } from './api/client';
import { App } from './App';
import { applyTheme, storedTheme } from './features/shell/theme';
import { initI18n } from './i18n/i18n';
import { platform } from './platform';
import { sessionToken, useSession } from './state/sessionStore';
import './styles/app.css';

async function boot(): Promise<void> {
  const p = platform();
  configureApi({
    baseUrl: p.backendBaseUrl(),
    launchToken: p.launchToken(),
    token: sessionToken,
    onUnauthenticated: () => useSession.getState().expire(),
  });
  applyTheme(storedTheme());
  await initI18n();
  const el = document.getElementById('root');
  if (!el) throw new Error('#root is missing from index.html');
  createRoot(el).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
