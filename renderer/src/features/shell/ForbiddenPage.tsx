import { useTranslation } from 'react-i18next';
import { openPage } from '../../routing/useRoute';

/** What an agent sees at #/dashboard: why not, and the way to their own page. */
export function ForbiddenPage({ hint }: { hint?: string } = {}) {
  const { t } = useTranslation();
  return (
    <div className="page-state">
      <div className="state state-error" role="alert" data-testid="dashboard-forbidden" data-error-code="FORBIDDEN">
        <div className="state-title">{t('errors.FORBIDDEN')}</div>
        <div className="state-hint">{hint ?? t('sla.forbidden')}</div>
        <button type="button" className="btn btn-primary" onClick={() => openPage('mywork')}>
          {t('sla.goMyWork')}
        </button>
      </div>
    </div>
  );
}
