import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BellIcon } from '../../components/Icons';
import { formatDateTime } from '../../format/time';
import { unreadCount, useNotifications } from '../../state/notificationStore';
import { openNotification } from './openNotification';

/** The bell in the top bar: unread count, and the inbox (newest first) with mark as read. */
export function InboxButton() {
  const { t } = useTranslation();
  const items = useNotifications((s) => s.items);
  const read = useNotifications((s) => s.read);
  const markRead = useNotifications((s) => s.markRead);
  const markAllRead = useNotifications((s) => s.markAllRead);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const unread = unreadCount({ items, read });
  const readSet = new Set(read);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="inbox" ref={ref}>
      <button type="button" className="btn btn-ghost inbox-button" data-testid="inbox-button" aria-expanded={open} aria-label={t('notifications.inbox', { count: unread })} onClick={() => setOpen(!open)}>
        <BellIcon />
        {unread > 0 ? (
          <span className="inbox-count" data-testid="inbox-count">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div className="inbox-panel" role="dialog" aria-label={t('notifications.title')}>
          <div className="inbox-head">
            <strong>{t('notifications.title')}</strong>
            <button type="button" className="btn btn-ghost small" data-testid="inbox-mark-all" disabled={unread === 0} onClick={markAllRead}>
              {t('notifications.markAllRead')}
            </button>
          </div>
          {items.length === 0 ? (
            <div className="muted small inbox-empty">{t('notifications.empty')}</div>
          ) : (
            <ul className="inbox-list">
              {items.map((n) => {
                const isRead = readSet.has(n.notification_id);
                return (
                  <li key={n.notification_id} className={`inbox-item${isRead ? '' : ' unread'}`} data-testid="inbox-item" data-notification-id={n.notification_id} data-read={isRead}>
                    <button
                      type="button"
                      className="inbox-open"
                      onClick={() => {
                        setOpen(false);
                        openNotification(n);
                      }}
                    >
                      <span className="inbox-line">
                        <span className={`pill sev-${n.severity}`}>{t(`notifications.type.${n.type}`)}</span>
                        <span className="mono small">{n.customer_id}</span>
                        <span className="muted small">{formatDateTime(n.event_time)}</span>
                      </span>
                      <span className="inbox-text small">{n.message}</span>
                    </button>
                    {isRead ? null : (
                      <button type="button" className="btn btn-ghost small" onClick={() => markRead(n.notification_id)}>
                        {t('notifications.markRead')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
