import type { SlaDashboardQuery } from '../../graphql/generated';

export interface FilterOptions {
  teams: { key: string; label: string }[];
  channels: string[];
  priorities: string[];
}
export const NO_OPTIONS: FilterOptions = { teams: [], channels: [], priorities: [] };

function union(known: readonly string[], seen: readonly string[]): string[] {
  return [...new Set([...known, ...seen])].sort();
}

/**
 * The choices of the filter menus, learnt from the answers and never forgotten: once a team is
 * picked, the answer holds only that team, and its menu must still offer the others.
 */
export function mergeOptions(prev: FilterOptions, data: Pick<SlaDashboardQuery, 'byTeam' | 'trend'>): FilterOptions {
  const teams = new Map(prev.teams.map((t) => [t.key, t.label]));
  for (const g of data.byTeam.groups) teams.set(g.key, g.label);
  return {
    teams: [...teams].map(([key, label]) => ({ key, label })).sort((a, b) => a.label.localeCompare(b.label)),
    channels: union(prev.channels, data.trend.volumeByChannel.map((c) => c.key)),
    priorities: union(prev.priorities, data.trend.volumeByPriority.map((p) => p.key)),
  };
}
