import { useTranslation } from 'react-i18next';
import { AlertIcon, CloseIcon } from '../../components/Icons';
import { useCaseActions } from '../../state/caseActionsStore';

/** What the server refused on this ticket, in its own words, until dismissed or the next action. */
export function ActionFailures({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const failures = useCaseActions((s) => s.failures);
  const dismiss = useCaseActions((s) => s.dismissFailure);
  const mine = failures.filter((f) => f.ticketId === ticketId);
  if (mine.length === 0) return null;
  return (
    <div className="action-errors">
      {mine.map((f) => (
        <div key={f.id} className="action-error" role="alert" data-testid="action-error" data-kind={f.kind} data-code={f.code}>
          <AlertIcon size={14} className="action-error-icon" />
          <div className="action-error-text">
            <strong>{t(`caseActions.failed.${f.kind}`)}</strong>
            <span>{f.message && f.message !== f.code ? f.message : t(`errors.${f.code}`, { defaultValue: f.code })}</span>
          </div>
          <button type="button" className="icon-btn" aria-label={t('caseActions.dismiss')} onClick={() => dismiss(f.id)}>
            <CloseIcon size={12} />
          </button>
        </div>
      ))}
    </div>
  );
}
