import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { useDrill } from '../../state/drillStore';
import { CloseIcon } from '../../components/Icons';
import { openSlaTicket } from './openSlaTicket';
import { drillTitle } from './slaDrill';
import { SlaCaseTable } from './SlaCaseTable';

/** The tickets behind a clicked number, over the dashboard; Escape or the close button returns. */
export function DrillPanel() {
  const { t } = useTranslation();
  const { request, status, total, rows, error, retry, close } = useDrill();
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!request) return;
    const back = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && useDrill.getState().close();
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      // Back to the bar or card that opened it, so keyboard users keep their place.
      back?.focus?.();
    };
  }, [request]);

  if (!request) return null;
  const title = drillTitle(request.parts, (k, v) => t(k, v ?? {}));
  return (
    <div className="drill-backdrop" onClick={close}>
      <section
        className="drill-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="drill-title"
        data-testid="drill-panel"
        data-status={status}
        data-expected={request.expected}
        data-total={status === 'ready' ? total : undefined}
        onClick={(e) => e.stopPropagation()}
      >
        <header className="drill-head">
          <div>
            <div className="muted small">{t('sla.drill.title')}</div>
            <h2 id="drill-title" className="drill-title">
              {title}
            </h2>
            <div className="muted small">{t('sla.drill.clicked', { count: request.expected })}</div>
          </div>
          <button ref={closeRef} type="button" className="btn btn-icon" onClick={close} aria-label={t('sla.table.close')} title={t('sla.table.close')} data-testid="drill-close">
            <CloseIcon />
          </button>
        </header>
        <div className="drill-body">
          {status === 'loading' ? <Skeleton lines={8} /> : null}
          {status === 'error' ? <ErrorState error={error} onRetry={retry} /> : null}
          {status === 'ready' ? (
            <SlaCaseTable
              rows={rows}
              total={total}
              title={title}
              onOpenRow={(r) => {
                close();
                openSlaTicket(r.customerId, r.ticketId);
              }}
            />
          ) : null}
        </div>
      </section>
    </div>
  );
}
