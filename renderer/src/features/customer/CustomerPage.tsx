import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { useCaseActions } from '../../state/caseActionsStore';
import { useCases } from '../../state/caseStore';
import { useCustomer } from '../../state/customerStore';
import { useLive } from '../../state/liveStore';
import { useTimeline } from '../../state/timelineStore';
import { CasePanel } from '../cases/CasePanel';
import { caseForEventTime } from '../cases/caseForEvent';
import type { TimelineItem } from '../timeline/timelineItem';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { CustomerHeader, CustomerHeaderSkeleton } from './CustomerHeader';
import { NotesPanel } from '../notes/NotesPanel';

export function CustomerPage({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { status, customer, error, load } = useCustomer();

  useEffect(() => {
    void useCustomer.getState().load(customerId);
    useTimeline.getState().open(customerId);
    useCases.getState().clear();
    useCaseActions.getState().reset();
    useLive.getState().watch(customerId);
    return () => {
      useLive.getState().unwatch(customerId);
      useTimeline.getState().close();
      useCases.getState().clear();
      useCustomer.getState().reset();
    };
  }, [customerId]);

  const openTicketRow = useCallback((item: TimelineItem) => {
    const cases = useCustomer.getState().customer?.cases ?? [];
    const hit = caseForEventTime(cases, item.eventTime);
    const ticketId = item.payload.ticket_id;
    // The clicked ticket is the one to work on; when its case does not list it, it opens alone.
    if (ticketId) useCaseActions.getState().setActiveTicket(ticketId);
    if (hit) {
      void useCases
        .getState()
        .selectCase(hit.caseId)
        .then(() => {
          const s = useCases.getState();
          if (ticketId && s.detail?.caseId === hit.caseId && !s.detail.tickets.some((tk) => tk.id === ticketId)) void s.selectTicket(ticketId);
        });
    } else if (ticketId) void useCases.getState().selectTicket(ticketId);
  }, []);

  if (status === 'error') {
    const title = error?.code === 'NOT_FOUND' ? t('customer.notFound', { id: customerId }) : undefined;
    return (
      <div className="page-state">
        <ErrorState error={error} onRetry={() => void load(customerId)} {...(title ? { title } : {})} />
      </div>
    );
  }
  return (
    <div className="c360">
      {status === 'ready' && customer ? <CustomerHeader customer={customer} /> : <CustomerHeaderSkeleton />}
      <div className="c360-body">
        <TimelinePanel onTicketRow={openTicketRow} />
        {status === 'ready' && customer ? (
          <CasePanel cases={customer.cases} />
        ) : (
          <aside className="panel case-panel">
            <Skeleton lines={6} />
          </aside>
        )}
        <NotesPanel customerId={customerId} />
      </div>
    </div>
  );
}
