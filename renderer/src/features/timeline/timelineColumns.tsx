import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import { KindIcon } from '../../components/KindIcon';
import { humanizeStatus, statusTone } from '../../format/statusTone';
import { formatDateTime } from '../../format/time';
import type { TimelineItem } from './timelineItem';
import { rowStatus, summarize, type Translate } from './timelineSummary';

/** No client-side sorting or filtering: the API pages, filters and orders the history. */
export const timelineFeatures = tableFeatures({});
const helper = createColumnHelper<typeof timelineFeatures, TimelineItem>();

export const eventTypeKey = (eventType: string): string => `events.${eventType.replace(/\./g, '_')}`;

/** Rebuilt when the language changes: headers and cells translate through `t`. */
export function timelineColumns(t: Translate) {
  return helper.columns([
    helper.accessor('eventTime', {
      id: 'time',
      header: () => t('timeline.columns.time'),
      cell: (info) => <span className="mono">{formatDateTime(info.getValue())}</span>,
    }),
    helper.accessor('eventType', {
      id: 'type',
      header: () => t('timeline.columns.type'),
      cell: (info) => {
        const item = info.row.original;
        return (
          <span className="type-cell">
            <KindIcon kind={item.kind} />
            <span className="ellipsis">{t(eventTypeKey(item.eventType), { defaultValue: item.eventType })}</span>
          </span>
        );
      },
    }),
    helper.display({
      id: 'summary',
      header: () => t('timeline.columns.summary'),
      cell: (info) => {
        const text = summarize(info.row.original, t);
        return (
          <span className="ellipsis" title={text}>
            {text}
          </span>
        );
      },
    }),
    helper.display({
      id: 'status',
      header: () => t('timeline.columns.status'),
      // StatusPill's markup without its useTranslation hook: a hook (and its subscription effect)
      // per row mounted and unmounted while scrolling, when the columns already hold `t`.
      cell: (info) => {
        const status = rowStatus(info.row.original);
        if (!status) return null;
        return (
          <span className={`pill tone-${statusTone(status, info.row.original.eventType)}`} data-status={status}>
            {t(`status.${status.toLowerCase()}`, { defaultValue: humanizeStatus(status) })}
          </span>
        );
      },
    }),
  ]);
}
