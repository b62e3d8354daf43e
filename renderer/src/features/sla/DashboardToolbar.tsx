import { useTranslation } from 'react-i18next';
import { useDashboard } from '../../state/dashboardStore';
import { RANGE_PRESETS, dayString, rangeBounds, type SlaFilters } from './slaRange';
import { sliceLabel } from './slaDrill';
import { UpdatedAgo } from './UpdatedAgo';

/** Time range and filters; every chart, KPI and drill-down on the page answers the same selection. */
export function DashboardToolbar() {
  const { t } = useTranslation();
  const { range, filters, options, updatedAt, refreshing, setRange, setFilters, refresh } = useDashboard();
  const invalid = range.preset === 'custom' && !rangeBounds(range, new Date());
  const tr = (k: string, v?: Record<string, unknown>) => t(k, v ?? {});

  const select = (key: keyof SlaFilters, label: string, choices: { value: string; label: string }[]) => (
    <label className="filter-field">
      <span>{label}</span>
      <select value={filters[key] ?? ''} onChange={(e) => setFilters({ [key]: e.target.value || null })} data-testid={`filter-${key}`}>
        <option value="">{t('sla.filter.all')}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="dash-toolbar">
      <div className="segmented" role="group" aria-label={t('sla.range.label')}>
        {RANGE_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className={range.preset === p ? 'on' : ''}
            aria-pressed={range.preset === p}
            data-testid={`range-${p}`}
            onClick={() => {
              if (p !== 'custom') return setRange({ preset: p });
              // Start a custom range from the last 7 days, the common next question after "today".
              const b = rangeBounds({ preset: '7d' }, new Date());
              setRange({ preset: 'custom', fromDay: range.fromDay ?? (b ? dayString(b.from) : undefined), toDay: range.toDay ?? dayString(new Date()) });
            }}
          >
            {t(`sla.range.${p}`)}
          </button>
        ))}
      </div>
      {range.preset === 'custom' ? (
        <span className="range">
          <label className="date-field">
            {t('sla.range.from')}
            <input type="date" value={range.fromDay ?? ''} onChange={(e) => setRange({ ...range, fromDay: e.target.value })} data-testid="range-from" />
          </label>
          <label className="date-field">
            {t('sla.range.to')}
            <input type="date" value={range.toDay ?? ''} onChange={(e) => setRange({ ...range, toDay: e.target.value })} data-testid="range-to" />
          </label>
          {invalid ? (
            <span className="tone-bad-text small" role="alert">
              {t('sla.range.invalid')}
            </span>
          ) : null}
        </span>
      ) : null}
      {select(
        'team',
        t('sla.filter.team'),
        options.teams.map((o) => ({ value: o.key, label: o.label })),
      )}
      {select(
        'channel',
        t('sla.filter.channel'),
        options.channels.map((c) => ({ value: c, label: sliceLabel('channel', c, tr) })),
      )}
      {select(
        'priority',
        t('sla.filter.priority'),
        options.priorities.map((p) => ({ value: p, label: sliceLabel('priority', p, tr) })),
      )}
      <span className="toolbar-spacer" />
      <UpdatedAgo at={updatedAt} refreshing={refreshing} onRefresh={() => void refresh()} />
    </div>
  );
}
