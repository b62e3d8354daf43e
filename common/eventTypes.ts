/** Event type names and kinds, without zod, so the renderer can import them cheaply. The envelope schema is in events.ts. */
export const EVENT_TYPES = [
  'order.created',
  'order.status.changed',
  'payment.authorized',
  'payment.captured',
  'payment.failed',
  'payment.refunded',
  'shipment.status.changed',
  'ticket.opened',
  'ticket.message',
  'ticket.escalated',
  'ticket.resolved',
  'ticket.status_changed',
  'ticket.assigned',
  'note.added',
  'fraud.alert',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const TIMELINE_KINDS = ['ORDER', 'PAYMENT', 'SHIPMENT', 'TICKET', 'NOTE', 'FRAUD'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export function kindOf(type: EventType): TimelineKind {
  const head = type.slice(0, type.indexOf('.'));
  switch (head) {
    case 'order':
      return 'ORDER';
    case 'payment':
      return 'PAYMENT';
    case 'shipment':
      return 'SHIPMENT';
    case 'ticket':
      return 'TICKET';
    case 'note':
      return 'NOTE';
    default:
      return 'FRAUD';
  }
}

export const EVENT_SOURCES = ['orders_cdc', 'payments_cdc', 'support.tickets', 'support_notes', 'logistics', 'fraud'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

