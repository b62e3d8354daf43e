import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from './components/ErrorState';
import { Skeleton } from './components/Skeleton';
import { SeedProgressScreen } from './features/seed/SeedProgressScreen';
import { AppShell } from './features/shell/AppShell';
import { SignInScreen } from './features/signin/SignInScreen';
import { useHealth } from './state/healthStore';
import { useSession } from './state/sessionStore';

/** Service first (reachable? demo data ready?), then session, then the console. */
export function App() {
  const { t } = useTranslation();
  const { phase, seed, error, start, stop, retry } = useHealth();
  const token = useSession((s) => s.session?.token ?? null);

  useEffect(() => {
    start();
    return stop;
  }, [start, stop]);

  if (phase === 'checking') {
    return (
      <div className="center-screen">
        <div className="boot-card">
          <div className="muted">{t('seed.connecting')}</div>
          <Skeleton lines={3} />
        </div>
      </div>
    );
  }
  if (phase === 'unreachable') {
    return (
      <div className="center-screen">
        <ErrorState error={error} onRetry={retry} />
      </div>
    );
  }
  if (phase === 'seeding') return <SeedProgressScreen seed={seed} />;
  return token ? <AppShell token={token} /> : <SignInScreen />;
}
