import { useTranslation } from 'react-i18next';
import type { SeedProgress } from '../../../../common/live';

const number = new Intl.NumberFormat('vi-VN');

export function SeedProgressScreen({ seed }: { seed: SeedProgress | null }) {
  const { t } = useTranslation();
  const fraction = Math.max(0, Math.min(1, seed?.fraction ?? 0));
  const pct = Math.round(fraction * 100);
  const failed = seed?.phase === 'failed';
  return (
    <div className="center-screen">
      <div className={`seed-card${failed ? ' failed' : ''}`} data-testid="seed-progress" data-phase={seed?.phase ?? 'idle'} data-fraction={fraction}>
        <div className="brand">
          <span className="brand-mark">CS</span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <h1>{t('seed.title')}</h1>
        <p className="muted">{t('seed.subtitle')}</p>
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
          <div className="progress-bar" style={{ width: `${pct}%` }} />
        </div>
        <div className="seed-meta">
          <span className="strong">
            {t(`seed.phase.${seed?.phase ?? 'idle'}`)} · {pct}%
          </span>
          {seed && seed.eventsTotal > 0 ? <span className="mono">{t('seed.events', { written: number.format(seed.eventsWritten), total: number.format(seed.eventsTotal) })}</span> : null}
        </div>
        {seed?.message ? <div className={failed ? 'small tone-bad-text' : 'muted small'}>{seed.message}</div> : null}
      </div>
    </div>
  );
}
