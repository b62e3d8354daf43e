import { useTranslation } from 'react-i18next';
import { TIMELINE_KINDS } from '../../../../common/eventTypes';
import { KindIcon } from '../../components/KindIcon';
import { toDateInput } from '../../format/time';
import { useTimeline } from '../../state/timelineStore';
import { RANGE_PRESETS, filterWindow, invalidRange } from './timelineFilters';

export function TimelineFilterBar() {
  const { t } = useTranslation();
  const filters = useTimeline((s) => s.filters);
  const { toggleKind, clearKinds, setPreset, setDates } = useTimeline.getState();
  const { fromMs, toMs } = filterWindow(filters);
  // With a preset the inputs show the window it stands for; typing a date switches to a custom range.
  const fromValue = filters.preset === 'custom' ? filters.fromDate : fromMs === null ? '' : toDateInput(fromMs);
  const toValue = filters.preset === 'custom' ? filters.toDate : toMs === null ? '' : toDateInput(toMs);

  return (
    <div className="tl-filters">
      <div className="chips" role="group" aria-label={t('timeline.columns.type')}>
        <button type="button" className={`chip${filters.kinds.length === 0 ? ' on' : ''}`} aria-pressed={filters.kinds.length === 0} onClick={clearKinds} data-testid="timeline-filter-ALL">
          {t('timeline.allKinds')}
        </button>
        {TIMELINE_KINDS.map((k) => {
          const on = filters.kinds.includes(k);
          return (
            <button key={k} type="button" className={`chip kind-${k.toLowerCase()}${on ? ' on' : ''}`} aria-pressed={on} onClick={() => toggleKind(k)} data-testid={`timeline-filter-${k}`}>
              <KindIcon kind={k} />
              {t(`timeline.kinds.${k}`)}
            </button>
          );
        })}
      </div>
      <div className="range">
        <div className="segmented" role="group">
          {RANGE_PRESETS.map((p) => (
            <button key={p} type="button" className={filters.preset === p ? 'on' : ''} aria-pressed={filters.preset === p} onClick={() => setPreset(p)} data-testid={`timeline-preset-${p}`}>
              {t(`timeline.presets.${p}`)}
            </button>
          ))}
        </div>
        <label className="date-field">
          <span>{t('timeline.from')}</span>
          <input type="date" value={fromValue} max={toValue || undefined} onChange={(e) => setDates(e.target.value, toValue)} data-testid="timeline-from" />
        </label>
        <label className="date-field">
          <span>{t('timeline.to')}</span>
          <input type="date" value={toValue} min={fromValue || undefined} onChange={(e) => setDates(fromValue, e.target.value)} data-testid="timeline-to" />
        </label>
      </div>
      {invalidRange(filters) ? (
        <div className="field-hint tone-bad-text" role="alert">
          {t('timeline.rangeInvalid')}
        </div>
      ) : null}
    </div>
  );
}
