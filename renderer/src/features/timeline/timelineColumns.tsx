import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import { LockIcon, PaperclipIcon } from '../../components/Icons';
import { KindIcon } from '../../components/KindIcon';
import { humanizeStatus, statusTone } from '../../format/statusTone';
import { formatDateTime } from '../../format/time';
import { attachmentNames, isInternalRow } from './timelineAttachments';
import type { TimelineItem } from './timelineItem';
import { rowStatus, summarize, type Translate } from './timelineSummary';

/** No client-side sorting or filtering: the API pages, filters and orders the history. */
export const timelineFeatures = tableFeatures({});
const helper = createColumnHelper<typeof timelineFeatures, TimelineItem>();

export const eventTypeKey = (eventType: string): string => `events.${eventType.replace(/\./g, '_')}`;

/** Rebuilt when the language changes: headers and cells translate through `t`. `agentName` names agents in assignment rows. */
export function timelineColumns(t: Translate, agentName?: (id: string) => string | undefined) {
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
        const item = info.row.original;
        const text = summarize(item, t, agentName);
        const files = attachmentNames(item.payload);
        const internal = isInternalRow(item.payload);
        if (files.length === 0 && !internal) {
          return (
            <span className="ellipsis" title={text}>
              {text}
            </span>
          );
        }
        return (
          <span className="summary-cell">
            {internal ? (
              <span className="tl-internal" data-testid="timeline-internal" title={t('caseActions.internalLabel')}>
                <LockIcon size={11} />
                {t('caseActions.internalShort')}
              </span>
            ) : null}
            {files.length > 0 ? (
              <span className="tl-files" data-testid="timeline-attachments" data-count={files.length} title={files.join(', ')}>
                <PaperclipIcon size={12} />
                <span className="ellipsis">{files.length === 1 ? files[0] : t('caseActions.files', { count: files.length })}</span>
              </span>
            ) : null}
            <span className="ellipsis" title={text}>
              {text}
            </span>
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
