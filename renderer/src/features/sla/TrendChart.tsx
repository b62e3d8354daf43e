import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { SlaGroupBy, SlaGroupRowFieldsFragment } from '../../graphql/generated';
import { SERIES } from './chartColors';
import { ChartCard, TooltipBox } from './ChartCard';
import { DrillTarget, drillBar } from './DrillShapes';
import { formatPct } from './formatPct';
import { localizeGroups } from './groupLabel';
import { Legend } from './Legend';
import { groupDrill, type DrillRequest } from './slaDrill';
import { useSpan } from './useSpan';

interface Point {
  row: SlaGroupRowFieldsFragment;
  label: string;
  tickets: number;
  pct: number | null;
  medianMin: number | null;
}

/**
 * First response over time: tickets opened per hour or day (bars), % met and the median (lines).
 * A bar lists the bucket's tickets; a % met point lists its tickets that met the target.
 */
export function TrendChart({ rows, groupBy, onDrill }: { rows: readonly SlaGroupRowFieldsFragment[]; groupBy: SlaGroupBy; onDrill: (r: DrillRequest) => void }) {
  const { t, i18n } = useTranslation();
  const span = useSpan();
  const tr = (k: string, v?: Record<string, unknown>) => t(k, v ?? {});
  const points: Point[] = useMemo(
    () =>
      localizeGroups(groupBy, rows, tr, i18n.language).map((row) => ({
        row,
        label: row.label,
        tickets: row.tickets,
        pct: row.firstResponse.pctMet === null ? null : Math.round(row.firstResponse.pctMet * 1000) / 10,
        medianMin: row.firstResponse.medianSeconds === null ? null : Math.round(row.firstResponse.medianSeconds / 6) / 10,
      })),
    [rows, groupBy, i18n.language],
  );
  const barShape = useMemo(
    () => drillBar<Point>((p) => ({ request: groupDrill(groupBy, p.row), label: t('sla.chart.barLabel', { name: p.label, value: t('sla.table.count', { count: p.tickets }) }) }), 'trend-bar', onDrill),
    [groupBy, onDrill, t],
  );

  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
    if (!p) return null;
    const fr = p.row.firstResponse;
    return (
      <TooltipBox
        title={`${t(`sla.groupBy.${groupBy}`)} ${p.label}`}
        rows={[
          { name: t('sla.chart.tickets'), value: String(p.tickets), color: SERIES.tickets },
          { name: t('sla.chart.pctMet'), value: fr.pctMet === null ? t('sla.kpi.none') : `${formatPct(fr.pctMet, i18n.language)} (${t('sla.chart.metOf', { met: fr.met, decided: fr.met + fr.breached })})`, color: SERIES.pctMet },
          { name: t('sla.kpi.medianFrt'), value: fr.medianSeconds === null ? t('sla.kpi.none') : span(fr.medianSeconds), color: SERIES.median },
        ]}
        hint={t('sla.clickHint')}
      />
    );
  };

  return (
    <ChartCard title={t('sla.chart.trend')} testId="chart-trend" empty={points.length === 0} wide>
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: 'var(--text-2)' }} tickLine={false} interval="preserveStartEnd" minTickGap={8} />
          {/* Not `hide`: a hidden axis hides the visible one on its side (recharts 3.11); a zero-width one does not. */}
          <YAxis yAxisId="count" orientation="right" width={0} tick={false} axisLine={false} tickLine={false} />
          <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: 11, fill: 'var(--text-2)' }} width={44} />
          <YAxis yAxisId="min" orientation="left" allowDecimals={false} tick={{ fontSize: 11, fill: 'var(--text-2)' }} width={52} tickFormatter={(v: number) => `${v} ${t('sla.unit.m')}`} />
          <Tooltip content={tooltip} cursor={{ fill: 'var(--accent-soft)', opacity: 0.5 }} />
          <Bar yAxisId="count" dataKey="tickets" name={t('sla.chart.tickets')} fill={SERIES.tickets} shape={barShape} isAnimationActive={false} maxBarSize={28} />
          <Line
            yAxisId="pct"
            dataKey="pct"
            name={t('sla.chart.pctMet')}
            stroke={SERIES.pctMet}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
            dot={(props: { cx?: number; cy?: number; index: number; payload: Point }) => {
              const { cx, cy, payload } = props;
              if (cx === undefined || cy === undefined || payload.pct === null) return <g key={props.index} />;
              const request = groupDrill(groupBy, payload.row, 'FIRST_RESPONSE', 'MET');
              return (
                <DrillTarget key={props.index} request={request} testId="trend-point" onDrill={onDrill} label={t('sla.chart.barLabel', { name: payload.label, value: `${payload.pct}% ${t('sla.chart.pctMet')}` })}>
                  <circle cx={cx} cy={cy} r={4} fill="var(--surface)" stroke={SERIES.pctMet} strokeWidth={2} />
                </DrillTarget>
              );
            }}
            activeDot={false}
          />
          <Line yAxisId="min" dataKey="medianMin" name={t('sla.chart.medianMin')} stroke={SERIES.median} strokeWidth={1.5} strokeDasharray="4 3" dot={false} activeDot={false} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <Legend items={[
        { color: SERIES.tickets, label: t('sla.chart.tickets'), kind: 'bar' },
        { color: SERIES.pctMet, label: t('sla.chart.pctMet'), kind: 'line' },
        { color: SERIES.median, label: t('sla.chart.medianMin'), kind: 'dash' },
      ]} />
    </ChartCard>
  );
}
