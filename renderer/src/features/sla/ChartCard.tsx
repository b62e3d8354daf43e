import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A titled chart; `empty` shows a message instead of an axis with nothing on it. */
export function ChartCard({ title, testId, empty, actions, children, wide }: { title: string; testId: string; empty?: boolean; actions?: ReactNode; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <section className={`chart-card${wide ? ' wide' : ''}`} data-testid={testId} aria-label={title} data-empty={empty ? 'true' : undefined}>
      <header className="chart-head">
        <h2>{title}</h2>
        {actions}
      </header>
      {empty ? <div className="chart-empty muted">{t('sla.chart.empty')}</div> : <div className="chart-body">{children}</div>}
    </section>
  );
}

export interface TooltipRow {
  name: string;
  value: string;
  color?: string;
}

/** The tooltip box every chart uses: a heading and name/value rows, already formatted and translated. */
export function TooltipBox({ title, rows, hint }: { title: string; rows: TooltipRow[]; hint?: string }) {
  return (
    <div className="chart-tooltip" role="tooltip">
      <div className="strong">{title}</div>
      {rows.map((r) => (
        <div key={r.name} className="chart-tooltip-row">
          {r.color ? <span className="swatch" style={{ background: r.color }} /> : null}
          <span>{r.name}</span>
          <span className="mono">{r.value}</span>
        </div>
      ))}
      {hint ? <div className="muted small">{hint}</div> : null}
    </div>
  );
}
