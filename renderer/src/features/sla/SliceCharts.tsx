import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { paletteColor, PRIORITY_COLOR, PRIORITY_ORDER, SENTIMENT_COLOR } from './chartColors';
import { ChartCard, TooltipBox } from './ChartCard';
import { drillBar, drillSector } from './DrillShapes';
import { formatPct } from './formatPct';
import { sliceDrill, sliceLabel, type DrillRequest, type SliceDimension } from './slaDrill';

interface Slice {
  key: string;
  count: number;
  name: string;
  fill: string;
}

function useSlices(dimension: SliceDimension, counts: readonly { key: string; count: number }[]): Slice[] {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const own = dimension === 'sentiment' ? SENTIMENT_COLOR : dimension === 'priority' ? PRIORITY_COLOR : {};
    // Priorities in their natural order (urgent first) rather than by volume.
    const rank = (k: string) => (dimension === 'priority' && PRIORITY_ORDER.includes(k) ? PRIORITY_ORDER.indexOf(k) : PRIORITY_ORDER.length);
    return [...counts]
      .sort((a, b) => rank(a.key) - rank(b.key))
      .map((c, i) => ({ key: c.key, count: c.count, name: sliceLabel(dimension, c.key, (k, v) => t(k, v ?? {})), fill: own[c.key] ?? paletteColor(i) }));
  },
    [counts, dimension, i18n.language, t],
  );
}

function sliceTooltip(dimension: SliceDimension, total: number, lang: string, t: (k: string) => string) {
  return function SliceTooltip({ active, payload }: TooltipContentProps) {
    const p = active ? (payload?.[0]?.payload as Slice | undefined) : undefined;
    if (!p) return null;
    return <TooltipBox title={`${t(`sla.dimension.${dimension}`)}: ${p.name}`} rows={[{ name: t('sla.chart.tickets'), value: `${p.count} (${formatPct(total ? p.count / total : 0, lang)})`, color: p.fill }]} hint={t('sla.clickHint')} />;
  };
}

/** Volume by channel or priority: one bar per value, each listing its tickets. */
export function SliceBars({ dimension, counts, title, onDrill }: { dimension: 'channel' | 'priority'; counts: readonly { key: string; count: number }[]; title: string; onDrill: (r: DrillRequest) => void }) {
  const { t, i18n } = useTranslation();
  const data = useSlices(dimension, counts);
  const total = data.reduce((n, s) => n + s.count, 0);
  const shape = useMemo(() => drillBar<Slice>((p) => ({ request: sliceDrill(dimension, p), label: t('sla.chart.barLabel', { name: p.name, value: p.count }) }), `slice-bar-${dimension}`, onDrill), [dimension, onDrill, t]);
  return (
    <ChartCard title={title} testId={`chart-${dimension}`} empty={data.length === 0}>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="name" interval={0} tick={{ fontSize: 11, fill: 'var(--text)' }} tickLine={false} />
          <YAxis allowDecimals={false} width={40} tick={{ fontSize: 11, fill: 'var(--text-2)' }} />
          <Tooltip content={sliceTooltip(dimension, total, i18n.language, t)} cursor={{ fill: 'var(--accent-soft)', opacity: 0.5 }} />
          <Bar dataKey="count" shape={shape} isAnimationActive={false} maxBarSize={48} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** The sentiment mix as a donut; the legend beside it carries the counts, and both drill down. */
export function SentimentPie({ counts, onDrill }: { counts: readonly { key: string; count: number }[]; onDrill: (r: DrillRequest) => void }) {
  const { t, i18n } = useTranslation();
  const data = useSlices('sentiment', counts);
  const total = data.reduce((n, s) => n + s.count, 0);
  const shape = useMemo(() => drillSector<Slice>((p) => ({ request: sliceDrill('sentiment', p), label: t('sla.chart.barLabel', { name: p.name, value: p.count }) }), 'sentiment-slice', onDrill), [onDrill, t]);
  return (
    <ChartCard title={t('sla.chart.sentiment')} testId="chart-sentiment" empty={total === 0}>
      <div className="pie-wrap">
        <ResponsiveContainer width="55%" height={180}>
          <PieChart accessibilityLayer>
            <Pie data={data} dataKey="count" nameKey="name" innerRadius="52%" outerRadius="92%" paddingAngle={1} shape={shape} isAnimationActive={false} />
            <Tooltip content={sliceTooltip('sentiment', total, i18n.language, t)} />
          </PieChart>
        </ResponsiveContainer>
        <ul className="pie-legend">
          {data.map((s) => {
            const request = sliceDrill('sentiment', s);
            return (
              <li key={s.key}>
                <button type="button" className="legend-btn" onClick={() => onDrill(request)} data-testid="sentiment-legend" data-expected={request.expected}>
                  <span className="swatch" style={{ background: s.fill }} />
                  <span className="ellipsis">{s.name}</span>
                  <span className="mono">{s.count}</span>
                  <span className="muted small">{formatPct(total ? s.count / total : 0, i18n.language)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </ChartCard>
  );
}
