import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { BACKLOG_COLOR } from './chartColors';
import { ChartCard, TooltipBox } from './ChartCard';
import { drillBar } from './DrillShapes';
import { Legend } from './Legend';
import { backlogDrill, type BacklogBucket, type BacklogCounts, type DrillRequest } from './slaDrill';

type Segment = 'WAITING_ON_AGENT' | 'WAITING_ON_CUSTOMER' | 'UNASSIGNED';
interface Row {
  name: string;
  WAITING_ON_AGENT?: number;
  WAITING_ON_CUSTOMER?: number;
  UNASSIGNED?: number;
}

/**
 * Open tickets stacked by whose move it is (waiting on agent / on customer), and beside them the
 * unassigned ones (a subset that cuts across both, so it gets its own bar rather than a segment).
 */
export function BacklogChart({ backlog, onDrill }: { backlog: BacklogCounts; onDrill: (r: DrillRequest) => void }) {
  const { t } = useTranslation();
  const data: Row[] = [
    { name: t('sla.backlog.OPEN'), WAITING_ON_AGENT: backlog.waitingOnAgent, WAITING_ON_CUSTOMER: backlog.waitingOnCustomer },
    { name: t('sla.backlog.UNASSIGNED'), UNASSIGNED: backlog.unassigned },
  ];
  const segments: Segment[] = ['WAITING_ON_AGENT', 'WAITING_ON_CUSTOMER', 'UNASSIGNED'];
  const shapes = useMemo(
    () =>
      Object.fromEntries(
        segments.map((s) => [s, drillBar<Row>(() => ({ request: backlogDrill(s as BacklogBucket, backlog), label: t('sla.chart.barLabel', { name: t(`sla.backlog.${s}`), value: backlogDrill(s, backlog).expected }) }), 'backlog-bar', onDrill)]),
      ) as Record<Segment, ReturnType<typeof drillBar>>,
    [backlog, onDrill, t],
  );
  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const p = active ? (payload?.[0]?.payload as Row | undefined) : undefined;
    if (!p) return null;
    return (
      <TooltipBox
        title={p.name}
        rows={segments.filter((s) => p[s] !== undefined).map((s) => ({ name: t(`sla.backlog.${s}`), value: String(p[s]), color: BACKLOG_COLOR[s] }))}
        hint={t('sla.clickHint')}
      />
    );
  };
  return (
    <ChartCard title={t('sla.chart.backlog')} testId="chart-backlog" empty={backlog.open === 0}>
      <ResponsiveContainer width="100%" height={150}>
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 0 }} barCategoryGap={10} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: 'var(--text-2)' }} />
          <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 11, fill: 'var(--text)' }} tickLine={false} />
          <Tooltip content={tooltip} cursor={{ fill: 'var(--accent-soft)', opacity: 0.5 }} />
          {segments.map((s) => (
            <Bar key={s} dataKey={s} stackId={s === 'UNASSIGNED' ? 'u' : 'open'} fill={BACKLOG_COLOR[s]} shape={shapes[s]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <Legend items={segments.map((s) => ({ color: BACKLOG_COLOR[s], label: t(`sla.backlog.${s}`) }))} />
    </ChartCard>
  );
}
