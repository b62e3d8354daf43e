import { openCustomer } from '../../routing/useRoute';
import { useCases } from '../../state/caseStore';
import { useCustomer } from '../../state/customerStore';

let pending: (() => void) | null = null;

/**
 * Opens the ticket's customer (#/customer/<id>) and selects the ticket in the case panel once
 * the page has loaded: the customer page clears any selection when it opens.
 */
export function openSlaTicket(customerId: string, ticketId: string): void {
  pending?.();
  pending = null;
  const c = useCustomer.getState();
  if (c.customerId === customerId && c.status === 'ready') {
    void useCases.getState().selectTicket(ticketId);
    return;
  }
  const stop = useCustomer.subscribe((s) => {
    if (s.customerId !== customerId) return;
    if (s.status === 'ready') void useCases.getState().selectTicket(ticketId);
    if (s.status === 'ready' || s.status === 'error') {
      stop();
      if (pending === stop) pending = null;
    }
  });
  pending = stop;
  openCustomer(customerId);
}
