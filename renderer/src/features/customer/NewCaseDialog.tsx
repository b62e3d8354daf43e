import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../components/Icons';
import { formatVndText } from '../../format/money';
import type { ApiError } from '../../api/apiError';
import { useCaseActions } from '../../state/caseActionsStore';
import { useCases } from '../../state/caseStore';
import type { CustomerView } from '../../state/customerStore';
import { useTimeline } from '../../state/timelineStore';
import { isSendChord } from '../cases/caseShortcuts';
import { sendChordLabel } from '../cases/chordLabel';
import { Dialog } from '../cases/Dialog';
import { CHANNELS, emptyDraft, MESSAGE_MAX, orderOptions, PRIORITIES, SUBJECT_MAX, validateNewCase, type NewCaseDraft, type NewCaseField } from '../cases/newCase';

/**
 * A new case for this customer: subject, channel, priority, what the customer said, and optionally
 * one of their orders (from what the page already loaded: the timeline and the cases). Errors show
 * at their field once the agent tries to send; Ctrl/Cmd+Enter sends from any field.
 */
export function NewCaseDialog({ customer, onClose }: { customer: CustomerView; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<NewCaseDraft>(emptyDraft);
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const rows = useTimeline((s) => s.list.rows);
  const orders = useMemo(() => orderOptions(customer.cases, rows), [customer.cases, rows]);
  const known = useMemo(() => new Set(orders.map((o) => o.orderId)), [orders]);
  const errors = validateNewCase(draft, known);
  const shown = (f: NewCaseField) => (tried ? errors[f] : undefined);
  const set = <K extends keyof NewCaseDraft>(k: K, v: NewCaseDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = async () => {
    setTried(true);
    if (sending || Object.keys(errors).length > 0) return;
    setSending(true);
    setFailure(null);
    const res = await useCaseActions.getState().createCase({
      customerId: customer.id,
      subject: draft.subject.trim(),
      channel: draft.channel,
      priority: draft.priority,
      message: draft.message.trim(),
      orderId: draft.orderId || null,
    });
    setSending(false);
    if (!res.ok) {
      setFailure(res.error);
      return;
    }
    onClose();
    // The new ticket opens in the case panel at once; its case joins the list with the customer's refresh.
    useCaseActions.getState().setActiveTicket(res.ticket.id);
    void useCases.getState().selectTicket(res.ticket.id);
  };

  const fieldError = (f: NewCaseField) => {
    const e = shown(f);
    return e ? (
      <span className="field-error" id={`nc-${f}-error`} data-testid={`new-case-error-${f}`}>
        {t(`newCase.errors.${e}`)}
      </span>
    ) : null;
  };

  return (
    <Dialog title={t('newCase.title', { name: customer.fullName })} onClose={onClose} testId="new-case-dialog" className="dialog-wide">
      <form
        className="dialog-form new-case-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={(e) => {
          if (isSendChord(e)) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <label className="field">
          <span className="field-label">{t('newCase.subject')}</span>
          <input
            data-autofocus
            data-testid="new-case-subject"
            type="text"
            maxLength={SUBJECT_MAX + 50}
            value={draft.subject}
            aria-invalid={Boolean(shown('subject'))}
            aria-describedby={shown('subject') ? 'nc-subject-error' : undefined}
            onChange={(e) => set('subject', e.target.value)}
          />
          {fieldError('subject')}
        </label>
        <div className="field-row">
          <label className="field">
            <span className="field-label">{t('newCase.channel')}</span>
            <select data-testid="new-case-channel" value={draft.channel} onChange={(e) => set('channel', e.target.value as NewCaseDraft['channel'])}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`caseActions.channels.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('newCase.priority')}</span>
            <select data-testid="new-case-priority" value={draft.priority} onChange={(e) => set('priority', e.target.value as NewCaseDraft['priority'])}>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`caseActions.priorities.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field field-grow">
            <span className="field-label">{t('newCase.order')}</span>
            <select
              data-testid="new-case-order"
              value={draft.orderId}
              aria-invalid={Boolean(shown('orderId'))}
              onChange={(e) => set('orderId', e.target.value)}
            >
              <option value="">{t('newCase.noOrder')}</option>
              {orders.map((o) => (
                <option key={o.orderId} value={o.orderId}>
                  {[o.orderId, formatVndText(o.totalVnd ?? undefined), o.status ? t(`status.${o.status.toLowerCase()}`, { defaultValue: o.status }) : null].filter(Boolean).join(' · ')}
                </option>
              ))}
            </select>
            {fieldError('orderId')}
          </label>
        </div>
        <label className="field">
          <span className="field-label">{t('newCase.message')}</span>
          <textarea
            data-testid="new-case-message"
            rows={5}
            value={draft.message}
            placeholder={t('newCase.messageHint')}
            aria-invalid={Boolean(shown('message'))}
            aria-describedby={shown('message') ? 'nc-message-error' : undefined}
            onChange={(e) => set('message', e.target.value)}
          />
          <span className="field-foot">
            {fieldError('message')}
            <span className={`field-count${draft.message.length > MESSAGE_MAX ? ' over' : ''}`}>
              {draft.message.length.toLocaleString()} / {MESSAGE_MAX.toLocaleString()}
            </span>
          </span>
        </label>
        {failure ? (
          <div className="action-error" role="alert" data-testid="new-case-failure" data-code={failure.code}>
            <AlertIcon size={14} className="action-error-icon" />
            <div className="action-error-text">
              <strong>{t('caseActions.failed.create')}</strong>
              <span>{failure.message && failure.message !== failure.code ? failure.message : t(`errors.${failure.code}`)}</span>
            </div>
          </div>
        ) : null}
        <div className="dialog-foot">
          <span className="muted small dialog-hint">{t('newCase.sendHint', { chord: sendChordLabel() })}</span>
          <button type="button" className="btn" onClick={onClose}>
            {t('newCase.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={sending} data-testid="new-case-submit">
            {sending ? t('newCase.submitting') : t('newCase.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
