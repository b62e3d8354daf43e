export type Tone = 'good' | 'warn' | 'bad' | 'info' | 'neutral';

const BAD = /fail|declin|cancel|escalat|fraud|reject|return|lost|chargeback|error|breach|block|damag/;
const GOOD = /deliver|captur|paid|resolv|clos|complet|succe|done|confirm|fulfil/;
const WARN = /pend|creat|process|authori|transit|ship|pick|open|new|wait|await|placed|progress|hold|assign/;
const INFO = /refund|partial|note/;

/** Colour of a status pill: green delivered/captured, amber pending, red failed/escalated/fraud. */
export function statusTone(status: string | null | undefined, eventType?: string): Tone {
  if (eventType === 'fraud.alert' || eventType === 'payment.failed' || eventType === 'ticket.escalated') return 'bad';
  if (!status) return 'neutral';
  const s = status.toLowerCase();
  if (BAD.test(s)) return 'bad';
  if (GOOD.test(s)) return 'good';
  if (INFO.test(s)) return 'info';
  if (WARN.test(s)) return 'warn';
  return 'neutral';
}

/** "IN_TRANSIT" / "in_transit" → "in transit", the way a status reads in a pill. */
export const humanizeStatus = (status: string): string => status.replace(/[_-]+/g, ' ').toLowerCase();
