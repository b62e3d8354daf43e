import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/time';
import { startNotesSync, useNotesSync } from '../../state/notesSync';
import { useSession } from '../../state/sessionStore';
import '../../styles/notes.css';
import { ConflictResolver } from './ConflictResolver';
import { NoteBody } from './NoteBody';
import { MAX_BODY_CHARS, createNote, listNotes, updateNote, type NoteDoc } from './noteModel';
import { SyncIndicator } from './SyncIndicator';

/**
 * Case notes for a customer (and, on a case, that case's ticket): written to the agent's local
 * PouchDB first, replicated live with the notes endpoint, readable by every agent.
 */
export function NotesPanel({ customerId, ticketId = null }: { customerId: string; ticketId?: string | null }) {
  const { t } = useTranslation();
  const user = useSession((s) => s.session?.user ?? null);
  const [notes, setNotes] = useState<NoteDoc[] | null>(null);
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const [showDeleted, setShowDeleted] = useState(false);
  const db = user ? startNotesSync(user.id) : null;

  const reload = useCallback(async () => {
    if (!db) return;
    const all = await listNotes(db, customerId);
    setNotes(ticketId ? all.filter((n) => n.ticketId === ticketId) : all);
  }, [db, customerId, ticketId]);

  useEffect(() => {
    if (!db) return;
    void reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const feed = db.changes({ since: 'now', live: true }).on('change', (c) => {
      if (!c.id.startsWith(`note:${customerId}:`)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), 150);
    });
    return () => {
      clearTimeout(timer);
      feed.cancel();
    };
  }, [db, customerId, reload]);

  if (!user || !db) return null;
  const save = async () => {
    const body = draft.trim();
    if (!body) return;
    await createNote(db, { customerId, ticketId, author: user, body });
    setDraft('');
    await reload();
  };
  const visible = (notes ?? []).filter((n) => showDeleted || !n.deleted);
  const deletedCount = (notes ?? []).filter((n) => n.deleted).length;

  return (
    <section className="panel notes-panel" data-testid="notes-panel" aria-label={t('notesPanel.title')}>
      <div className="panel-head">
        <h2 className="notes-title">{ticketId ? t('notesPanel.caseTitle') : t('notesPanel.title')}</h2>
        <SyncIndicator />
      </div>
      <form
        className="note-compose"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <textarea
          data-testid="note-input"
          value={draft}
          maxLength={MAX_BODY_CHARS}
          placeholder={t('notesPanel.placeholder')}
          aria-label={t('notesPanel.placeholder')}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            }
          }}
        />
        <div className="note-compose-foot">
          <span className="muted small">{t('notesPanel.formatHint')}</span>
          <button type="submit" className="btn btn-primary" data-testid="note-save" disabled={!draft.trim()}>
            {t('notesPanel.save')}
          </button>
        </div>
      </form>
      <RefusedList />
      <ul className="note-list" data-testid="note-list">
        {notes === null ? <li className="muted small">{t('notesPanel.loading')}</li> : null}
        {notes !== null && visible.length === 0 ? <li className="muted small note-empty">{t('notesPanel.empty')}</li> : null}
        {visible.map((n) => {
          const mine = n.author === user.id;
          const isEditing = editing?.id === n._id;
          return (
            <li key={n._id} className={`note${n.pinned ? ' note-pinned' : ''}${n.deleted ? ' note-deleted' : ''}`} data-testid="note" data-note-id={n._id}>
              <div className="note-meta">
                {n.pinned ? <span className="pill tone-info note-pin-badge">{t('notesPanel.pinned')}</span> : null}
                <span className="note-author">{n.authorName || n.author}</span>
                <span className="muted small" title={n.updatedAt !== n.createdAt ? t('notesPanel.editedAt', { time: formatDateTime(Date.parse(n.updatedAt)) }) : undefined}>
                  {formatDateTime(Date.parse(n.createdAt))}
                  {n.updatedAt !== n.createdAt ? ` · ${t('notesPanel.edited')}` : ''}
                </span>
                {n.ticketId && !ticketId ? <span className="muted small mono">{n.ticketId.slice(0, 8)}</span> : null}
              </div>
              {n._conflicts?.length ? <ConflictResolver db={db} note={n} onResolved={() => void reload()} /> : null}
              {isEditing ? (
                <div className="note-edit">
                  <textarea data-testid="note-edit-input" value={editing.body} maxLength={MAX_BODY_CHARS} onChange={(e) => setEditing({ id: n._id, body: e.target.value })} aria-label={t('notesPanel.edit')} />
                  <div className="note-actions">
                    <button
                      type="button"
                      className="btn btn-primary"
                      data-testid="note-edit-save"
                      onClick={() => {
                        void updateNote(db, n, { body: editing.body.trim() || n.body }).then(() => {
                          setEditing(null);
                          return reload();
                        });
                      }}
                    >
                      {t('notesPanel.save')}
                    </button>
                    <button type="button" className="btn" onClick={() => setEditing(null)}>
                      {t('notesPanel.cancel')}
                    </button>
                  </div>
                </div>
              ) : n.deleted ? (
                <div className="muted small note-deleted-text">{t('notesPanel.deletedNote')}</div>
              ) : (
                <NoteBody body={n.body} customerId={customerId} />
              )}
              {mine && !isEditing ? (
                <div className="note-actions">
                  {!n.deleted ? (
                    <>
                      <button type="button" className="btn btn-ghost btn-small" data-testid="note-edit" onClick={() => setEditing({ id: n._id, body: n.body })}>
                        {t('notesPanel.edit')}
                      </button>
                      <button type="button" className="btn btn-ghost btn-small" data-testid="note-pin" onClick={() => void updateNote(db, n, { pinned: !n.pinned }).then(reload)}>
                        {n.pinned ? t('notesPanel.unpin') : t('notesPanel.pin')}
                      </button>
                      <button type="button" className="btn btn-ghost btn-small" data-testid="note-delete" onClick={() => void updateNote(db, n, { deleted: true }).then(reload)}>
                        {t('notesPanel.delete')}
                      </button>
                    </>
                  ) : (
                    <button type="button" className="btn btn-ghost btn-small" onClick={() => void updateNote(db, n, { deleted: false }).then(reload)}>
                      {t('notesPanel.restore')}
                    </button>
                  )}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {deletedCount > 0 ? (
        <button type="button" className="btn btn-ghost btn-small notes-toggle-deleted" onClick={() => setShowDeleted((v) => !v)}>
          {showDeleted ? t('notesPanel.hideDeleted') : t('notesPanel.showDeleted', { count: deletedCount })}
        </button>
      ) : null}
    </section>
  );
}

function RefusedList() {
  const { t } = useTranslation();
  const refused = useNotesSync((s) => s.refused);
  if (refused.length === 0) return null;
  return (
    <div className="notes-refused" role="alert" data-testid="notes-refused">
      <strong>{t('notesPanel.refused', { count: refused.length })}</strong>
      <ul>
        {refused.slice(0, 5).map((r) => (
          <li key={r.id} className="small">
            {r.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
