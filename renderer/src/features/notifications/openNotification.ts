import type { LiveNotification } from '../../../../common/live';
import { openCustomer } from '../../routing/useRoute';
import { useCases } from '../../state/caseStore';
import { useCustomer } from '../../state/customerStore';
import { useNotifications } from '../../state/notificationStore';

let pending: (() => void) | null = null;

function select(n: LiveNotification): void {
  if (n.case_id) void useCases.getState().selectCase(n.case_id);
  else if (n.ticket_id) void useCases.getState().selectTicket(n.ticket_id);
}

/**
 * Marks the notification read, opens its customer (#/customer/<id>) and selects its case once the
 * customer page has loaded (opening a customer clears the selection first).
 */
export function openNotification(n: LiveNotification): void {
  useNotifications.getState().markRead(n.notification_id);
  pending?.();
  pending = null;
  const c = useCustomer.getState();
  if (c.customerId === n.customer_id && c.status === 'ready') {
    select(n);
    return;
  }
  const stop = useCustomer.subscribe((s) => {
    if (s.customerId !== n.customer_id) return;
    if (s.status === 'ready') select(n);
    if (s.status === 'ready' || s.status === 'error') {
      stop();
      if (pending === stop) pending = null;
    }
  });
  pending = stop;
  openCustomer(n.customer_id);
}
