import { useTranslation } from 'react-i18next';
import { useNow } from './useNow';
import { useSpan } from './useSpan';

/** "Updated 12 s ago", on the shared clock; the spinner while a refresh is in flight. */
export function UpdatedAgo({ at, refreshing, onRefresh }: { at: number | null; refreshing: boolean; onRefresh: () => void }) {
  const { t } = useTranslation();
  const now = useNow();
  const span = useSpan();
  return (
    <span className="updated-ago" data-testid="updated-ago" data-updated-at={at ?? undefined}>
      {refreshing ? <span className="spinner" aria-hidden="true" /> : null}
      <span className="muted small" aria-live="off">
        {at === null ? t('sla.updating') : t('sla.updatedAgo', { span: span(Math.max(0, (now - at) / 1000)) })}
      </span>
      <button type="button" className="btn btn-small" onClick={onRefresh} data-testid="refresh-now">
        {t('sla.refresh')}
      </button>
    </span>
  );
}
