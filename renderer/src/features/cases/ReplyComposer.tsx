import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, CloseIcon, FileIcon, LockIcon, PaperclipIcon, ReplyIcon, SendIcon } from '../../components/Icons';
import { useCaseActions } from '../../state/caseActionsStore';
import { isSendChord } from './caseShortcuts';
import { sendChordLabel } from './chordLabel';
import { formatBytes } from './formatBytes';
import { MESSAGE_MAX } from './newCase';
import { useUploads, type UploadItem } from './useUploads';

type Mode = 'reply' | 'note';

/**
 * Reply to the customer or write an internal note, with files dropped or picked onto it. The text
 * clears when sent and comes back if the server refuses it (the refusal shows above, in the ticket).
 */
export function ReplyComposer({ ticketId, me }: { ticketId: string; me: string | null }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('reply');
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const [empty, setEmpty] = useState(false);
  const uploads = useUploads(ticketId);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const request = useCaseActions((s) => s.request);
  const sending = useCaseActions((s) => s.pending.some((p) => p.ticketId === ticketId && p.kind === 'reply'));

  // r / n from the case view's shortcuts: this composer, in that mode, focused.
  useEffect(() => {
    if (!request || request.ticketId !== ticketId || (request.action !== 'reply' && request.action !== 'note')) return;
    setMode(request.action);
    textRef.current?.focus();
  }, [request, ticketId]);

  const tooLong = text.length > MESSAGE_MAX;
  const send = async () => {
    const body = text.trim();
    if (!body) {
      setEmpty(true);
      textRef.current?.focus();
      return;
    }
    if (tooLong || uploads.busy) return;
    const files = uploads.items;
    const attachments = uploads.attachments();
    const internal = mode === 'note';
    setText('');
    uploads.clear();
    const ok = await useCaseActions.getState().reply(ticketId, body, internal, attachments, me);
    if (!ok) {
      // Rolled back: the draft comes back as it was, unless the agent has started another.
      setText((now) => (now ? now : body));
      uploads.restore(files);
      setMode(internal ? 'note' : 'reply');
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (isSendChord(e)) {
      e.preventDefault();
      void send();
    }
  };

  const internal = mode === 'note';
  return (
    <form
      className={`composer${internal ? ' composer-internal' : ''}${dragging ? ' dragging' : ''}`}
      data-testid="composer"
      data-mode={mode}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
      onKeyDown={onKeyDown}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        setDragging(false);
        uploads.add(e.dataTransfer.files);
      }}
    >
      <div className="composer-modes" role="radiogroup" aria-label={t('caseActions.reply')}>
        <button type="button" role="radio" aria-checked={!internal} className={`mode-btn${internal ? '' : ' on'}`} onClick={() => setMode('reply')} data-testid="mode-reply">
          <ReplyIcon size={13} />
          {t('caseActions.reply')}
        </button>
        <button type="button" role="radio" aria-checked={internal} className={`mode-btn mode-note${internal ? ' on' : ''}`} onClick={() => setMode('note')} data-testid="mode-note">
          <LockIcon size={13} />
          {t('caseActions.note')}
        </button>
      </div>
      {internal ? (
        <div className="composer-internal-label" data-testid="internal-label">
          <LockIcon size={12} />
          {t('caseActions.internalLabel')}
        </div>
      ) : null}
      <textarea
        ref={textRef}
        className="composer-text"
        data-testid="composer-text"
        rows={3}
        value={text}
        placeholder={internal ? t('caseActions.placeholderNote') : t('caseActions.placeholderReply')}
        aria-label={internal ? t('caseActions.note') : t('caseActions.reply')}
        aria-invalid={tooLong || empty}
        onChange={(e) => {
          setText(e.target.value);
          setEmpty(false);
        }}
      />
      {tooLong ? <div className="field-error">{t('caseActions.tooLong')}</div> : null}
      {uploads.items.length > 0 ? (
        <ul className="upload-list" data-testid="upload-list">
          {uploads.items.map((it) => (
            <UploadRow key={it.id} item={it} onRetry={() => uploads.retry(it.id)} onRemove={() => uploads.remove(it.id)} />
          ))}
        </ul>
      ) : null}
      {dragging ? (
        <div className="drop-hint" aria-hidden="true">
          <PaperclipIcon size={16} />
          {t('caseActions.dropHere')}
        </div>
      ) : null}
      <div className="composer-foot">
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => fileRef.current?.click()} data-testid="attach">
          <PaperclipIcon size={13} />
          {t('caseActions.attach')}
        </button>
        <input
          ref={fileRef}
          type="file"
          multiple
          hidden
          data-testid="composer-file-input"
          onChange={(e) => {
            if (e.target.files) uploads.add(e.target.files);
            e.target.value = '';
          }}
        />
        <span className="muted small composer-hint">{uploads.busy ? t('caseActions.waitUploads') : t('caseActions.sendHint', { chord: sendChordLabel() })}</span>
        <button type="submit" className={`btn btn-sm ${internal ? 'btn-note' : 'btn-primary'}`} disabled={uploads.busy || tooLong || sending} data-testid="composer-send">
          <SendIcon size={13} />
          {sending ? t('caseActions.sending') : internal ? t('caseActions.sendNote') : t('caseActions.send')}
        </button>
      </div>
    </form>
  );
}

function UploadRow({ item, onRetry, onRemove }: { item: UploadItem; onRetry: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const pct = Math.round(item.progress * 100);
  return (
    <li className={`upload upload-state-${item.state}`} data-testid="upload-item" data-state={item.state} data-error={item.error?.kind}>
      <FileIcon size={13} className="upload-icon" />
      <span className="upload-name ellipsis" title={item.file.name}>
        {item.file.name}
      </span>
      <span className="muted small upload-size">{formatBytes(item.file.size)}</span>
      {item.state === 'uploading' ? (
        <span className="upload-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t('caseActions.uploading', { percent: pct })}>
          <span className="upload-bar" style={{ width: `${pct}%` }} />
        </span>
      ) : item.state === 'done' ? (
        <span className="small upload-ok">{t('caseActions.uploaded')}</span>
      ) : null}
      <button type="button" className="icon-btn" aria-label={t('caseActions.remove', { name: item.file.name })} onClick={onRemove}>
        <CloseIcon size={12} />
      </button>
      {item.state === 'error' && item.error ? (
        <div className="upload-error" role="alert" data-testid="upload-error">
          <AlertIcon size={12} />
          <span>{t(`caseActions.uploadErrors.${item.error.kind}`)}</span>
          {/* The same file of a refused type or size would be refused again: retry only what may pass. */}
          {item.error.kind === 'expired' || item.error.kind === 'network' || item.error.kind === 'failed' ? (
            <button type="button" className="link-btn" onClick={onRetry}>
              {t('caseActions.retry')}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
