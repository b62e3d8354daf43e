import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/apiError';

interface Props {
  error: ApiError | null;
  onRetry?: () => void;
  compact?: boolean;
  /** Overrides the message for this place (e.g. "customer not found"). */
  title?: string;
}

/** Every failure in the console looks like this: what went wrong, and a way to try again. */
export function ErrorState({ error, onRetry, compact, title }: Props) {
  const { t } = useTranslation();
  const code = error?.code ?? 'INTERNAL';
  const showDetails = !title && error && code !== 'UNAVAILABLE' && code !== 'NETWORK' && error.message && error.message !== code;
  return (
    <div className={`state state-error${compact ? ' compact' : ''}`} role="alert" data-testid="error-state" data-error-code={code}>
      <div className="state-icon" aria-hidden="true">
        !
      </div>
      <div className="state-title">{title ?? t(`errors.${code}`)}</div>
      {showDetails ? <div className="state-hint">{t('errors.details', { message: error.message })}</div> : null}
      {onRetry ? (
        <button type="button" className="btn btn-primary" onClick={onRetry} data-testid="retry">
          {t('errors.retry')}
        </button>
      ) : null}
    </div>
  );
}
