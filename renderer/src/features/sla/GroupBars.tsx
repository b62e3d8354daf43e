import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { SlaGroupBy, SlaGroupRowFieldsFragment, SlaState } from '../../graphql/generated';
import { SERIES, STATE_COLOR } from './chartColors';
import { ChartCard, TooltipBox } from './ChartCard';
import { drillBar } from './DrillShapes';
import { formatPct } from './formatPct';
import { localizeGroups } from './groupLabel';
import { Legend } from './Legend';
import { groupDrill, type DrillRequest } from './slaDrill';

const STATES: readonly SlaState[] = ['MET', 'BREACHED', 'AT_RISK', 'PENDING'];
const STATE_FIELD = { MET: 'met', BREACHED: 'breached', AT_RISK: 'atRisk', PENDING: 'pending' } as const;
const ROW_PX = 26;

interface Row {
  row: SlaGroupRowFieldsFragment;
  name: string;
  tickets: number;
  MET: number;
  BREACHED: number;
  AT_RISK: number;
  PENDING: number;
}

/**
 * Per agent or per team. "% met": each row's first-response tickets stacked by state (the bar's
 * length is the load, its green share the % met, printed beside the name); "Load": tickets
 * opened in the range. Every segment lists its tickets.
 */
export function GroupBars({ groupBy, rows, onDrill }: { groupBy: Extract<SlaGroupBy, 'AGENT' | 'TEAM'>; rows: readonly SlaGroupRowFieldsFragment[]; onDrill: (r: DrillRequest) => void }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<'met' | 'load'>('met');
  const tr = (k: string, v?: Record<string, unknown>) => t(k, v ?? {});
  const data: Row[] = useMemo(
    () =>
      localizeGroups(groupBy, rows, tr, i18n.language)
        .map((row) => ({
          row,
          name: row.firstResponse.pctMet === null ? row.label : `${row.label} · ${formatPct(row.firstResponse.pctMet, i18n.language)}`,
          tickets: row.tickets,
          MET: row.firstResponse.met,
          BREACHED: row.firstResponse.breached,
          AT_RISK: row.firstResponse.atRisk,
          PENDING: row.firstResponse.pending,
        }))
        // Worst % met on top: the rows a supervisor acts on first.
        .sort((a, b) => (view === 'load' ? b.tickets - a.tickets : (a.row.firstResponse.pctMet ?? 2) - (b.row.firstResponse.pctMet ?? 2))),
    [rows, groupBy, i18n.language, view],
  );
  const shapes = useMemo(() => {
    const byState = Object.fromEntries(
      STATES.map((s) => [
        s,
        drillBar<Row>((p) => ({ request: groupDrill(groupBy, p.row, 'FIRST_RESPONSE', s), label: t('sla.chart.barLabel', { name: `${p.row.label}, ${t(`sla.state.${s}`)}`, value: p[s] }) }), `group-bar-${groupBy.toLowerCase()}`, onDrill),
      ]),
    ) as Record<SlaState, ReturnType<typeof drillBar>>;
    const load = drillBar<Row>((p) => ({ request: groupDrill(groupBy, p.row), label: t('sla.chart.barLabel', { name: p.row.label, value: p.tickets }) }), `load-bar-${groupBy.toLowerCase()}`, onDrill);
    return { byState, load };
  }, [groupBy, onDrill, t]);

  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const p = active ? (payload?.[0]?.payload as Row | undefined) : undefined;
    if (!p) return null;
    const fr = p.row.firstResponse;
    return (
      <TooltipBox
        title={p.row.label}
        rows={[
          { name: t('sla.chart.load'), value: String(p.tickets), color: SERIES.load },
          ...STATES.map((s) => ({ name: `${t('sla.metric.FIRST_RESPONSE')} · ${t(`sla.state.${s}`)}`, value: String(fr[STATE_FIELD[s]]), color: STATE_COLOR[s] })),
          { name: t('sla.chart.pctMet'), value: fr.pctMet === null ? t('sla.kpi.none') : formatPct(fr.pctMet, i18n.language) },
        ]}
        hint={t('sla.clickHint')}
      />
    );
  };

  const title = t(groupBy === 'AGENT' ? 'sla.chart.byAgent' : 'sla.chart.byTeam');
  const toggle = (
    <div className="segmented small-seg" role="group" aria-label={title}>
      {(['met', 'load'] as const).map((v) => (
        <button key={v} type="button" className={view === v ? 'on' : ''} aria-pressed={view === v} onClick={() => setView(v)} data-testid={`view-${groupBy.toLowerCase()}-${v}`}>
          {t(v === 'met' ? 'sla.chart.viewMet' : 'sla.chart.viewLoad')}
        </button>
      ))}
    </div>
  );
  const height = Math.max(140, data.length * ROW_PX + 30);
  return (
    <ChartCard title={title} testId={`chart-${groupBy.toLowerCase()}`} empty={data.length === 0} actions={toggle}>
      <div className="chart-scroll">
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 0 }} barCategoryGap={4} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: 'var(--text-2)' }} />
            <YAxis type="category" dataKey="name" width={groupBy === 'AGENT' ? 200 : 150} interval={0} tick={{ fontSize: 11, fill: 'var(--text)' }} tickLine={false} />
            <Tooltip content={tooltip} cursor={{ fill: 'var(--accent-soft)', opacity: 0.5 }} />
            {view === 'load' ? (
              <Bar dataKey="tickets" fill={SERIES.load} shape={shapes.load} isAnimationActive={false} />
            ) : (
              STATES.map((s) => <Bar key={s} dataKey={s} stackId="fr" fill={STATE_COLOR[s]} shape={shapes.byState[s]} isAnimationActive={false} name={t(`sla.state.${s}`)} />)
            )}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {view === 'met' ? <Legend items={STATES.map((s) => ({ color: STATE_COLOR[s], label: t(`sla.state.${s}`) }))} /> : <Legend items={[{ color: SERIES.load, label: t('sla.chart.load') }]} />}
    </ChartCard>
  );
}
