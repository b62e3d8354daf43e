import { useTranslation } from 'react-i18next';
import type { SlaMetric } from '../../graphql/generated';
import { countdown } from './countdown';
import { ClockIcon } from '../../components/Icons';
import { useNow } from './useNow';
import { useSpan } from './useSpan';

/** Under this, a running deadline is shown in the warning colour. */
const SOON_SECONDS = 15 * 60;

/** "breaches in 3 min" / "breached 2 min ago", ticking every second on the shared clock. */
export function SlaTimer({ dueAt, metric }: { dueAt: string | null; metric?: SlaMetric | null }) {
  const { t } = useTranslation();
  const now = useNow();
  const span = useSpan();
  const c = countdown(dueAt, now);
  if (c.kind === 'none') return <span className="sla-timer none">{t('sla.due.none')}</span>;
  const text = c.kind === 'due' ? t('sla.due.in', { span: span(c.seconds) }) : t('sla.due.ago', { span: span(c.seconds) });
  const tone = c.kind === 'overdue' ? 'overdue' : c.seconds <= SOON_SECONDS ? 'soon' : 'later';
  const title = metric ? `${t(`sla.metric.${metric}`)}: ${text}` : text;
  return (
    <span className={`sla-timer ${tone}`} data-testid="sla-timer" data-due-at={dueAt ?? undefined} title={title}>
      <ClockIcon size={12} />
      {text}
    </span>
  );
}
