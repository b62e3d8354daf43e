import { describe, expect, it } from 'vitest';
import { rowStatus, summarize, type Translate } from './timelineSummary';

/** English-like stand-in for i18next: "key{a=1}" makes the arguments visible to assertions. */
const t: Translate = (key, vars) => {
  const texts: Record<string, string> = {
    'summary.order': 'Order {{id}}',
    'summary.items': '{{count}} items',
    'summary.method': 'via {{method}}',
    'summary.tracking': 'Tracking {{no}}',
    'summary.reason': 'Reason: {{reason}}',
    'summary.fraudScore': 'Risk score {{score}}',
    'author.CUSTOMER': 'Customer',
    'author.AGENT': 'Agent',
    'summary.statusChange': '{{from}} → {{to}}',
    'summary.assignedTo': 'Assigned to {{agent}}',
    'summary.unassigned': 'Unassigned',
    'status.pending': 'pending',
    'status.open': 'open',
  };
  const text = texts[key] ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars?.[k] ?? ''));
};
const nb = (s: string) => s.replace(/\u00a0/g, ' ');

describe('summarize', () => {
  it('shows a status change from and to, translated, with the ticket', () => {
    expect(summarize({ eventType: 'ticket.status_changed', payload: { ticket_id: 'abcdef123456', subject: 'Late', status: 'PENDING', previous_status: 'OPEN' } }, t)).toBe('Late · open → pending · #abcdef12');
  });
  it('names the agent a ticket was assigned to when known, and says when it was unassigned', () => {
    const names = (id: string) => (id === 'agent-1' ? 'Lan' : undefined);
    expect(summarize({ eventType: 'ticket.assigned', payload: { ticket_id: 'abcdef123456', subject: 'Late', assigned_agent_id: 'agent-1' } }, t, names)).toBe('Late · Assigned to Lan · #abcdef12');
    expect(summarize({ eventType: 'ticket.assigned', payload: { ticket_id: 'abcdef123456', subject: 'Late', assigned_agent_id: 'agent-2-long-id' } }, t, names)).toBe('Late · Assigned to agent-2- · #abcdef12');
    expect(summarize({ eventType: 'ticket.assigned', payload: { ticket_id: 'abcdef123456', subject: 'Late', assigned_agent_id: '' } }, t)).toBe('Late · Unassigned · #abcdef12');
  });
  it('shows an order with its id, total in VND and item count', () => {
    expect(nb(summarize({ eventType: 'order.created', payload: { order_id: 'O-1', status: 'CREATED', total_vnd: '1234000', item_count: '3' } }, t))).toBe(
      'Order O-1 · 1.234.000 ₫ · 3 items',
    );
  });
  it('shows a payment with amount, method and order', () => {
    expect(nb(summarize({ eventType: 'payment.captured', payload: { payment_id: 'P1', order_id: 'O-1', status: 'CAPTURED', amount_vnd: '500000', method: 'MOMO' } }, t))).toBe(
      '500.000 ₫ · via MOMO · Order O-1',
    );
  });
  it('shows a shipment with carrier and tracking number', () => {
    expect(summarize({ eventType: 'shipment.status.changed', payload: { shipment_id: 'S1', order_id: 'O-1', carrier: 'GHN', status: 'IN_TRANSIT', tracking_no: 'GHN123' } }, t)).toBe(
      'GHN · Tracking GHN123 · Order O-1',
    );
  });
  it('shows a ticket message with its author', () => {
    expect(summarize({ eventType: 'ticket.message', payload: { ticket_id: 'T1', author_type: 'CUSTOMER', message: 'Hàng chưa tới' } }, t)).toBe('Customer: Hàng chưa tới');
  });
  it('shows the subject of an opened ticket and the reason of an escalation', () => {
    expect(summarize({ eventType: 'ticket.opened', payload: { ticket_id: 'abcdef123456', status: 'OPEN', subject: 'Giao trễ' } }, t)).toBe('Giao trễ · #abcdef12');
    expect(summarize({ eventType: 'ticket.escalated', payload: { ticket_id: 'T1', status: 'ESCALATED', reason: 'SLA' } }, t)).toBe('Reason: SLA');
  });
  it('shows a note body as it is', () => {
    expect(summarize({ eventType: 'note.added', payload: { note_id: 'N1', agent_id: 'A', body: 'Gọi lại lúc 3h' } }, t)).toBe('Gọi lại lúc 3h');
  });
  it('shows a fraud alert with its score and reason', () => {
    expect(summarize({ eventType: 'fraud.alert', payload: { alert_id: 'F1', score: '0.873', reason: 'velocity' } }, t)).toBe('Risk score 0.87 · velocity');
    expect(summarize({ eventType: 'fraud.alert', payload: { alert_id: 'F1', score: '91', reason: 'velocity' } }, t)).toBe('Risk score 91 · velocity');
  });
  it('falls back to the first payload fields for an unknown type', () => {
    expect(summarize({ eventType: 'loyalty.points', payload: { points: '10' } }, t)).toBe('points: 10');
  });
});

describe('rowStatus', () => {
  it('uses the payload status, and stands in for kinds without one', () => {
    expect(rowStatus({ eventType: 'order.created', payload: { status: 'CREATED' } })).toBe('CREATED');
    expect(rowStatus({ eventType: 'fraud.alert', payload: {} })).toBe('FRAUD');
    expect(rowStatus({ eventType: 'note.added', payload: {} })).toBeNull();
  });
});
