import { useTranslation } from 'react-i18next';
import { useNotesSync } from '../../state/notesSync';

/** synced / N pending / offline / conflict, in words and colour; the title says more. */
export function SyncIndicator() {
  const { t } = useTranslation();
  const { phase, pending, conflicts, lastError } = useNotesSync();
  let tone = 'tone-good';
  let label = t('notesPanel.sync.synced');
  let state = 'synced';
  if (conflicts > 0) {
    tone = 'tone-bad';
    label = t('notesPanel.sync.conflict', { count: conflicts });
    state = 'conflict';
  } else if (phase === 'offline' || phase === 'error') {
    tone = 'tone-warn';
    label = pending > 0 ? t('notesPanel.sync.offlinePending', { count: pending }) : t('notesPanel.sync.offline');
    state = 'offline';
  } else if (pending > 0) {
    tone = 'tone-info';
    label = t('notesPanel.sync.pending', { count: pending });
    state = 'pending';
  } else if (phase === 'starting') {
    tone = 'tone-neutral';
    label = t('notesPanel.sync.starting');
    state = 'starting';
  }
  return (
    <span className={`pill ${tone} notes-sync`} data-testid="notes-sync" data-state={state} data-pending={pending} title={lastError ?? undefined} role="status" aria-live="polite">
      <span className="notes-sync-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
