import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadIcon, PaperclipIcon } from '../../components/Icons';
import type { ShownMessage } from './caseOptimistic';
import { downloadAttachment } from './downloadAttachment';
import { formatBytes } from './formatBytes';

/** The files on a message; each downloads through a fresh presigned link (they expire within minutes). */
export function MessageAttachments({ ticketId, attachments, pending }: { ticketId: string; attachments: ShownMessage['attachments']; pending?: boolean }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (attachments.length === 0) return null;
  return (
    <ul className="msg-files" data-testid="message-attachments">
      {attachments.map((a) => (
        <li key={a.key}>
          <button
            type="button"
            className="msg-file"
            data-testid="attachment-download"
            data-key={a.key}
            disabled={pending || busy === a.key}
            title={t('caseActions.download', { name: a.fileName })}
            onClick={() => {
              setFailed(null);
              setBusy(a.key);
              downloadAttachment(ticketId, a.key, a.fileName)
                .catch(() => setFailed(a.key))
                .finally(() => setBusy(null));
            }}
          >
            <PaperclipIcon size={12} />
            <span className="ellipsis">{a.fileName}</span>
            <span className="msg-file-size">{formatBytes(a.size)}</span>
            <DownloadIcon size={12} />
          </button>
          {failed === a.key ? (
            <span className="msg-file-error" role="alert">
              {t('caseActions.downloadFailed', { name: a.fileName })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
