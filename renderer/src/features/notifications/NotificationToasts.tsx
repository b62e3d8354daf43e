import { useTranslation } from 'react-i18next';
import { useNotifications } from '../../state/notificationStore';
import { openNotification } from './openNotification';

/**
 * A toast per new notification, newest on top; many arriving together show as one toast with their
 * count (they are all in the inbox). Each leaves by itself after a few seconds.
 */
export function NotificationToasts() {
  const { t } = useTranslation();
  const toasts = useNotifications((s) => s.toasts);
  const dismiss = useNotifications((s) => s.dismissToast);
  return (
    <div className="toasts" role="region" aria-live="polite" aria-label={t('notifications.title')}>
      {toasts.map((toast) => {
        if (toast.kind === 'summary') {
          return (
            <div key={toast.id} className={`toast sev-${toast.severity}`} data-testid="notification-toast-summary" data-count={toast.count}>
              <button type="button" className="toast-body" onClick={() => dismiss(toast.id)}>
                <span className="toast-title">{t('notifications.summary', { count: toast.count })}</span>
                <span className="toast-text">{t('notifications.summaryHint')}</span>
              </button>
              <button type="button" className="toast-close" aria-label={t('notifications.dismiss')} onClick={() => dismiss(toast.id)}>
                ×
              </button>
            </div>
          );
        }
        const n = toast.notification;
        return (
          <div key={toast.id} className={`toast sev-${n.severity}`} data-testid="notification-toast" data-notification-id={n.notification_id}>
            <button
              type="button"
              className="toast-body"
              onClick={() => {
                dismiss(toast.id);
                openNotification(n);
              }}
            >
              <span className="toast-title">
                {t(`notifications.type.${n.type}`)} · <span className="mono">{n.customer_id}</span>
              </span>
              <span className="toast-text">{n.message}</span>
            </button>
            <button type="button" className="toast-close" aria-label={t('notifications.dismiss')} onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
