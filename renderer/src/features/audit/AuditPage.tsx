import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { restJson } from '../../api/client';
import type { ApiError } from '../../api/apiError';
import { CsvButton } from '../sla/CsvButton';
import { AUDIT_ACTIONS, auditCsv, detailText, type AuditEntry } from './auditCsv';
import './audit.css';

interface Filters {
  action: string;
  agentId: string;
  customerId: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { action: '', agentId: '', customerId: '', from: '', to: '' };
const PAGE = 500;

function query(f: Filters): string {
  const q = new URLSearchParams({ first: String(PAGE) });
  if (f.action) q.set('action', f.action);
  if (f.agentId.trim()) q.set('agentId', f.agentId.trim());
  if (f.customerId.trim()) q.set('customerId', f.customerId.trim().toUpperCase());
  // Days in local time: from the start of "from" to the end of "to".
  if (f.from) q.set('from', new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) q.set('to', new Date(new Date(`${f.to}T00:00:00`).getTime() + 86_400_000).toISOString());
  return q.toString();
}

/** Supervisor's audit trail: who did what, when and from where; filters and CSV. Read-only, as the API. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (f: Filters) => {
    setLoading(true);
    setError(null);
    try {
      const r = await restJson<{ entries: AuditEntry[] }>(`/api/audit?${query(f)}`);
      setEntries(r.entries);
    } catch (err) {
      setError((err as ApiError).message ?? String(err));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(EMPTY), [load]);

  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
  const header = [t('audit.col.at'), t('audit.col.agent'), t('audit.col.agentId'), t('audit.col.action'), t('audit.col.customer'), t('audit.col.ticket'), t('audit.col.ip'), t('audit.col.userAgent'), t('audit.col.details')];
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  return (
    <section className="audit-page" data-testid="audit-page">
      <header className="audit-head">
        <h1>{t('audit.title')}</h1>
        <p className="muted">{t('audit.subtitle')}</p>
      </header>
      <form
        className="audit-filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load(draft);
        }}
      >
        <label>
          <span>{t('audit.filter.action')}</span>
          <select value={draft.action} onChange={set('action')} data-testid="audit-action">
            <option value="">{t('audit.filter.all')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`audit.action.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('audit.filter.agentId')}</span>
          <input value={draft.agentId} onChange={set('agentId')} placeholder="UUID" spellCheck={false} />
        </label>
        <label>
          <span>{t('audit.filter.customerId')}</span>
          <input value={draft.customerId} onChange={set('customerId')} placeholder="C0000123" spellCheck={false} data-testid="audit-customer" />
        </label>
        <label>
          <span>{t('audit.filter.from')}</span>
          <input type="date" value={draft.from} onChange={set('from')} />
        </label>
        <label>
          <span>{t('audit.filter.to')}</span>
          <input type="date" value={draft.to} onChange={set('to')} />
        </label>
        <div className="audit-buttons">
          <button type="submit" className="btn btn-small btn-primary" disabled={loading} data-testid="audit-apply">
            {t('audit.filter.apply')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setDraft(EMPTY);
              void load(EMPTY);
            }}
          >
            {t('audit.filter.reset')}
          </button>
        </div>
      </form>
      <div className="audit-table-wrap">
        <div className="audit-table-bar">
          <span className="muted">{entries ? t('audit.count', { count: entries.length }) : ''}</span>
          <CsvButton disabled={!entries || entries.length === 0} make={() => auditCsv(entries ?? [], header, new Date().toISOString().slice(0, 10))} />
        </div>
        {error ? (
          <div className="state state-error" role="alert">
            {error}
          </div>
        ) : entries && entries.length === 0 ? (
          <div className="audit-empty muted">{t('audit.empty')}</div>
        ) : (
          <div className="audit-scroll">
            <table className="audit-table" data-testid="audit-table">
              <thead>
                <tr>
                  {[header[0], header[1], header[3], header[4], header[5], header[6], header[8]].map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(entries ?? []).map((e) => (
                  <tr key={e.id} data-action={e.action}>
                    <td className="nowrap">{when(e.at)}</td>
                    <td title={e.agentId}>{e.agentName ?? e.agentId.slice(0, 8)}</td>
                    <td>
                      <span className={`audit-action audit-action-${e.action.toLowerCase()}`}>{t(`audit.action.${e.action}`, { defaultValue: e.action })}</span>
                    </td>
                    <td className="mono">{e.customerId ? <a href={`#/customer/${e.customerId}`}>{e.customerId}</a> : '—'}</td>
                    <td className="mono" title={e.ticketId ?? ''}>
                      {e.ticketId ? e.ticketId.slice(0, 8) : '—'}
                    </td>
                    <td className="mono" title={typeof e.details.user_agent === 'string' ? e.details.user_agent : ''}>
                      {typeof e.details.ip === 'string' ? e.details.ip : '—'}
                    </td>
                    <td className="audit-details">{detailText(e.details) || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
