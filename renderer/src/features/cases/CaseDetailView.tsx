import { useTranslation } from 'react-i18next';
import { StatusPill } from '../../components/Badges';
import { formatDateTime, isoToMs } from '../../format/time';
import type { CaseDetail } from '../../state/caseStore';
import { NotesPanel } from '../notes/NotesPanel';
import { TicketView } from './TicketView';

export function CaseDetailView({ detail, activeTicketId }: { detail: CaseDetail; activeTicketId: string | null }) {
  const { t } = useTranslation();
  return (
    <section className="case-detail" data-testid="case-detail" data-case-id={detail.caseId}>
      <div className="case-detail-head">
        <span className="mono small">{detail.caseId}</span>
        <span className={`pill ${detail.open ? 'tone-warn' : 'tone-neutral'}`}>{detail.open ? t('cases.open') : t('cases.closed')}</span>
      </div>
      <dl className="kv">
        <dt>{t('cases.openedAt')}</dt>
        <dd>{formatDateTime(isoToMs(detail.openedAt))}</dd>
        <dt>{t('cases.lastEvent')}</dt>
        <dd>{formatDateTime(isoToMs(detail.lastEventTime))}</dd>
        <dt>{t('cases.orders')}</dt>
        <dd className="mono" data-testid="case-order-ids">
          {detail.orderIds.length ? detail.orderIds.join(', ') : '—'}
        </dd>
        <dt>{t('cases.payment')}</dt>
        <dd>{detail.paymentStatus ? <StatusPill status={detail.paymentStatus} /> : '—'}</dd>
        <dt>{t('cases.ticket')}</dt>
        <dd>{detail.ticketStatus ? <StatusPill status={detail.ticketStatus} /> : '—'}</dd>
        <dt>{t('cases.shipment')}</dt>
        <dd>{detail.shipmentStatus ? <StatusPill status={detail.shipmentStatus} /> : '—'}</dd>
      </dl>
      {detail.notes ? (
        <div className="case-notes">
          <h3>{t('cases.notes')}</h3>
          <p>{detail.notes}</p>
        </div>
      ) : null}
      <h3>{t('cases.tickets')}</h3>
      {detail.tickets.length === 0 ? <div className="muted small">{t('cases.noTickets')}</div> : detail.tickets.map((tk) => <TicketView key={tk.id} ticket={tk} active={tk.id === activeTicketId} />)}
      <NotesPanel customerId={detail.caseId.slice(0, 8)} ticketId={detail.tickets[0]?.id ?? null} />
    </section>
  );
}
