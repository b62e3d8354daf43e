import type { SlaGroupBy } from '../../graphql/generated';
import type { Translate } from './slaDrill';

/** The API's keys for tickets with no agent or no team (backend/services/slaMetrics.ts). */
const UNASSIGNED_KEY = 'UNASSIGNED';
const NO_TEAM_KEY = 'NO_TEAM';

/**
 * A group row's label in the reader's language: the API labels its placeholder groups and days
 * in one language; agent and team names are data and stay as they are.
 */
export function groupLabel(groupBy: SlaGroupBy, key: string, apiLabel: string, t: Translate, lang: string): string {
  if (groupBy === 'AGENT' && key === UNASSIGNED_KEY) return t('sla.backlog.UNASSIGNED');
  if (groupBy === 'TEAM' && key === NO_TEAM_KEY) return t('sla.noTeam');
  if (groupBy === 'DAY') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
    // A calendar day, not an instant: format it in UTC so no time zone shifts it.
    if (m) return new Intl.DateTimeFormat(lang, { day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  if (groupBy === 'CHANNEL') return t(`sla.channelValue.${key.toLowerCase()}`, { defaultValue: apiLabel });
  if (groupBy === 'PRIORITY') return t(`sla.priorityValue.${key.toLowerCase()}`, { defaultValue: apiLabel });
  return apiLabel;
}

/** The same rows with labels localized; keys (what a drill sends) are untouched. */
export function localizeGroups<R extends { key: string; label: string }>(groupBy: SlaGroupBy, rows: readonly R[], t: Translate, lang: string): R[] {
  return rows.map((r) => ({ ...r, label: groupLabel(groupBy, r.key, r.label, t, lang) }));
}
