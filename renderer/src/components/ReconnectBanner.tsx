import { useTranslation } from 'react-i18next';
import { useLive } from '../state/liveStore';

/**
 * A short banner while the live connection is down after having been up (e.g. the desktop's
 * backend restarting after a crash). socket.io reconnects by itself; the banner goes away then.
 */
export function ReconnectBanner() {
  const { t } = useTranslation();
  const reconnecting = useLive((s) => s.status === 'disconnected' && s.everConnected);
  if (!reconnecting) return null;
  return (
    <div role="status" aria-live="polite" className="reconnect-banner" data-testid="reconnect-banner">
      {t('live.connecting')}
    </div>
  );
}
