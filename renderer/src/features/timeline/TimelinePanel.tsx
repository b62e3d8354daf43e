import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { RetryIcon } from '../../components/Icons';
import { Skeleton } from '../../components/Skeleton';
import { useTimeline } from '../../state/timelineStore';
import { invalidRange } from './timelineFilters';
import type { TimelineItem } from './timelineItem';
import { TimelineFilterBar } from './TimelineFilterBar';
import { TimelineTable } from './TimelineTable';

export function TimelinePanel({ onTicketRow }: { onTicketRow: (item: TimelineItem) => void }) {
  const { t } = useTranslation();
  const { status, error, list, hasMore, filters, reload, partial } = useTimeline();
  const count = list.rows.length;

  let body;
  if (status === 'error') body = <ErrorState error={error} onRetry={reload} />;
  else if (status === 'loading' || status === 'idle') body = <Skeleton lines={12} widths={['100%']} className="skeleton-rows" />;
  else if (count === 0) body = <EmptyState title={t('timeline.empty')} hint={invalidRange(filters) ? t('timeline.rangeInvalid') : t('timeline.emptyHint')} />;
  else body = <TimelineTable rows={list.rows} onTicketRow={onTicketRow} />;

  return (
    <section className="panel tl-panel" aria-label={t('timeline.title')} data-testid="timeline">
      <div className="panel-head">
        <h2>{t('timeline.title')}</h2>
        {status === 'ready' ? (
          <span className="muted small" data-testid="timeline-count" data-count={count} data-has-more={hasMore}>
            {t('timeline.loaded', { count })}
          </span>
        ) : null}
      </div>
      <TimelineFilterBar />
      {partial && status === 'ready' ? (
        <div className="tl-partial" role="status" data-testid="timeline-partial">
          <RetryIcon size={14} className="tl-partial-icon" />
          <span>{t('timeline.partial')}</span>
        </div>
      ) : null}
      <div className="tl-body-wrap">{body}</div>
    </section>
  );
}
