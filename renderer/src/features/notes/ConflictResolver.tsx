import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/time';
import { NoteBody } from './NoteBody';
import { conflictVersions, resolveConflict, type NoteDoc } from './noteModel';

/**
 * A note edited in two places while apart: every version side by side; the agent keeps one or
 * merges them (both bodies prefilled, to be edited), and only then are the others closed.
 */
export function ConflictResolver({ db, note, onResolved }: { db: PouchDB.Database; note: NoteDoc; onResolved: () => void }) {
  const { t } = useTranslation();
  const [versions, setVersions] = useState<NoteDoc[] | null>(null);
  const [merge, setMerge] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void conflictVersions(db, note).then((v) => live && setVersions(v));
    return () => {
      live = false;
    };
  }, [db, note]);
  if (!versions) return null;
  const keep = (v: NoteDoc) => void resolveConflict(db, note, { body: v.body, pinned: v.pinned, deleted: v.deleted }).then(onResolved);
  return (
    <div className="note-conflict" role="alert" data-testid="note-conflict">
      <strong>{t('notesPanel.conflict.title', { count: versions.length })}</strong>
      <div className="note-conflict-versions">
        {versions.map((v, i) => (
          <div key={v._rev} className="note-conflict-version" data-testid="note-conflict-version">
            <div className="muted small">
              {t('notesPanel.conflict.version', { n: i + 1 })} · {formatDateTime(Date.parse(v.updatedAt))}
              {v.deleted ? ` · ${t('notesPanel.deletedNote')}` : ''}
            </div>
            <NoteBody body={v.body} customerId={v.customerId} />
            <button type="button" className="btn btn-small" data-testid="note-conflict-keep" onClick={() => keep(v)}>
              {t('notesPanel.conflict.keep')}
            </button>
          </div>
        ))}
      </div>
      {merge === null ? (
        <button type="button" className="btn btn-small" data-testid="note-conflict-merge" onClick={() => setMerge(versions.map((v) => v.body).join('\n\n'))}>
          {t('notesPanel.conflict.merge')}
        </button>
      ) : (
        <div className="note-edit">
          <textarea data-testid="note-conflict-merge-input" value={merge} onChange={(e) => setMerge(e.target.value)} aria-label={t('notesPanel.conflict.merge')} />
          <button type="button" className="btn btn-primary btn-small" data-testid="note-conflict-merge-save" onClick={() => void resolveConflict(db, note, { body: merge.trim() || note.body, pinned: versions.some((v) => v.pinned), deleted: false }).then(onResolved)}>
            {t('notesPanel.conflict.saveMerge')}
          </button>
        </div>
      )}
    </div>
  );
}
