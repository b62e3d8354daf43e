import { formatVndText } from '../../format/money';
import type { TimelineItem } from './timelineItem';

/** The subset of i18next's t() the formatters need, so they stay testable without i18next. */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

const join = (...parts: Array<string | null | undefined | false>): string => parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' · ');

function fraudScore(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return n <= 1 ? n.toFixed(2) : String(Math.round(n));
}

const statusWord = (status: string, t: Translate): string => t(`status.${status.toLowerCase()}`, { defaultValue: status });

/** One line an agent can scan: what happened, for how much, where it stands. `agentName` turns an agent id into a name when known. */
export function summarize(item: Pick<TimelineItem, 'eventType' | 'payload'>, t: Translate, agentName?: (id: string) => string | undefined): string {
  const p = item.payload;
  switch (item.eventType) {
    case 'order.created':
      return join(
        t('summary.order', { id: p.order_id ?? '?' }),
        formatVndText(p.total_vnd),
        p.item_count ? t('summary.items', { count: Number(p.item_count) }) : null,
      );
    case 'order.status.changed':
      return join(t('summary.order', { id: p.order_id ?? '?' }), formatVndText(p.total_vnd));
    case 'payment.authorized':
    case 'payment.captured':
    case 'payment.failed':
    case 'payment.refunded':
      return join(formatVndText(p.amount_vnd), p.method ? t('summary.method', { method: p.method }) : null, p.order_id ? t('summary.order', { id: p.order_id }) : null, p.reason);
    case 'shipment.status.changed':
      return join(p.carrier, p.tracking_no ? t('summary.tracking', { no: p.tracking_no }) : null, p.order_id ? t('summary.order', { id: p.order_id }) : null);
    case 'ticket.opened':
    case 'ticket.resolved':
      return join(p.subject, p.ticket_id ? `#${p.ticket_id.slice(0, 8)}` : null);
    case 'ticket.message':
      return p.author_type ? `${t(`author.${p.author_type}`)}: ${p.message ?? ''}` : (p.message ?? '');
    case 'ticket.escalated':
      return join(p.subject, p.reason ? t('summary.reason', { reason: p.reason }) : null);
    case 'ticket.status_changed':
      return join(
        p.subject,
        p.previous_status ? t('summary.statusChange', { from: statusWord(p.previous_status, t), to: statusWord(p.status ?? '?', t) }) : null,
        p.ticket_id ? `#${p.ticket_id.slice(0, 8)}` : null,
      );
    case 'ticket.assigned':
      return join(p.subject, p.assigned_agent_id ? t('summary.assignedTo', { agent: agentName?.(p.assigned_agent_id) ?? p.assigned_agent_id.slice(0, 8) }) : t('summary.unassigned'), p.ticket_id ? `#${p.ticket_id.slice(0, 8)}` : null);
    case 'note.added':
      return p.body ?? '';
    case 'fraud.alert':
      return join(t('summary.fraudScore', { score: fraudScore(p.score) ?? '?' }), p.reason);
    default:
      return join(...Object.entries(p).slice(0, 3).map(([k, v]) => `${k}: ${v}`));
  }
}

/** What the status column shows: the payload's status, or for kinds without one, what stands in for it. */
export function rowStatus(item: Pick<TimelineItem, 'eventType' | 'payload'>): string | null {
  if (item.payload.status) return item.payload.status;
  if (item.eventType === 'fraud.alert') return 'FRAUD';
  if (item.eventType === 'ticket.escalated') return 'ESCALATED';
  return null;
}
