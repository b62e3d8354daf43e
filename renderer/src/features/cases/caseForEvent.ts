/** Slack on both ends of a case's span: its times are rounded to the second in the case id. */
const SLACK_MS = 1000;

export interface CaseSpan {
  caseId: string;
  openedAt: string;
  lastEventTime: string;
}

/** The case whose session covers this event time, among the ones loaded; null when none does. */
export function caseForEventTime<T extends CaseSpan>(cases: readonly T[], eventTime: number): T | null {
  for (const c of cases) {
    const start = Date.parse(c.openedAt);
    const end = Date.parse(c.lastEventTime);
    if (eventTime >= start - SLACK_MS && eventTime <= end + SLACK_MS) return c;
  }
  return null;
}
