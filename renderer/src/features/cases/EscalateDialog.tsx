import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSendChord } from './caseShortcuts';
import { sendChordLabel } from './chordLabel';
import { Dialog } from './Dialog';

export const REASON_MIN = 3;
export const REASON_MAX = 1000;

/** The reason goes with the escalation to the Slack/email sinks; the API wants 3..1000 characters. */
export function EscalateDialog({ onSubmit, onClose }: { onSubmit: (reason: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const short = reason.trim().length < REASON_MIN;
  const submit = () => {
    setTried(true);
    if (short) return;
    onSubmit(reason.trim());
  };
  return (
    <Dialog title={t('caseActions.escalateTitle')} onClose={onClose} testId="escalate-dialog">
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          if (isSendChord(e)) {
            e.preventDefault();
            submit();
          }
        }}
      >
        <label className="field">
          <span className="field-label">{t('caseActions.reason')}</span>
          <textarea
            data-autofocus
            data-testid="escalate-reason"
            rows={4}
            maxLength={REASON_MAX}
            value={reason}
            aria-invalid={tried && short}
            aria-describedby="escalate-reason-hint"
            onChange={(e) => setReason(e.target.value)}
          />
          <span id="escalate-reason-hint" className={tried && short ? 'field-error' : 'field-hint'}>
            {tried && short ? t('caseActions.reasonShort') : t('caseActions.reasonHint')}
          </span>
        </label>
        <div className="dialog-foot">
          <span className="muted small dialog-hint">{t('caseActions.sendHint', { chord: sendChordLabel() })}</span>
          <button type="button" className="btn" onClick={onClose}>
            {t('caseActions.cancel')}
          </button>
          <button type="submit" className="btn btn-danger" data-testid="escalate-submit">
            {t('caseActions.escalate')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
