import { describe, expect, it } from 'vitest';
import { backlogDrill, drillTitle, groupDrill, metricDrill, sliceDrill, workloadDrill, type GroupCounts } from './slaDrill';

const s = (total: number, met: number, breached: number, atRisk: number, pending: number) => ({ total, met, breached, atRisk, pending });
const row: GroupCounts = { key: 'A007', label: 'Lê Văn Bảy', tickets: 40, firstResponse: s(38, 30, 5, 1, 2), nextResponse: s(20, 15, 4, 0, 1), resolution: s(40, 22, 3, 2, 13) };

describe('drill-down mapping', () => {
  it('maps a KPI to its metric and state, expecting the count the card shows', () => {
    expect(metricDrill('FIRST_RESPONSE', 'MET', row)).toMatchObject({ drill: { metric: 'FIRST_RESPONSE', state: 'MET' }, expected: 30 });
    expect(metricDrill('RESOLUTION', 'BREACHED', row).expected).toBe(3);
    // No state: every ticket the metric applies to (what a median is computed over).
    expect(metricDrill('FIRST_RESPONSE', null, row)).toMatchObject({ drill: { metric: 'FIRST_RESPONSE' }, expected: 38 });
    expect(metricDrill('FIRST_RESPONSE', null, row).drill).not.toHaveProperty('state');
  });
  it('maps a bar of a grouped report to its group key, with or without a metric', () => {
    expect(groupDrill('AGENT', row)).toEqual({ drill: { groupBy: 'AGENT', groupKey: 'A007' }, expected: 40, parts: [{ kind: 'group', groupBy: 'AGENT', label: 'Lê Văn Bảy' }] });
    expect(groupDrill('HOUR', row, 'FIRST_RESPONSE', 'BREACHED')).toMatchObject({ drill: { groupBy: 'HOUR', groupKey: 'A007', metric: 'FIRST_RESPONSE', state: 'BREACHED' }, expected: 5 });
    expect(groupDrill('TEAM', row, 'NEXT_RESPONSE', 'AT_RISK').expected).toBe(0);
  });
  it('maps backlog buckets and slices to their keys and counts', () => {
    const backlog = { open: 12, unassigned: 3, waitingOnAgent: 7, waitingOnCustomer: 5 };
    expect(backlogDrill('WAITING_ON_AGENT', backlog)).toMatchObject({ drill: { backlog: 'WAITING_ON_AGENT' }, expected: 7 });
    expect(backlogDrill('OPEN', backlog).expected).toBe(12);
    expect(sliceDrill('sentiment', { key: 'NEGATIVE', count: 9 })).toMatchObject({ drill: { sentiment: 'NEGATIVE' }, expected: 9 });
    expect(sliceDrill('channel', { key: 'EMAIL', count: 4 }).drill).toEqual({ channel: 'EMAIL' });
  });
  it('titles a drill from its parts in the current language', () => {
    const t = (k: string, o?: Record<string, unknown>) => (k === 'sla.channelValue.email' ? 'Email' : k.startsWith('sla.channelValue') ? String(o?.defaultValue) : k);
    expect(drillTitle(groupDrill('AGENT', row, 'FIRST_RESPONSE', 'MET').parts, t)).toBe('sla.groupBy.AGENT: Lê Văn Bảy · sla.metric.FIRST_RESPONSE · sla.state.MET');
    expect(drillTitle(sliceDrill('channel', { key: 'EMAIL', count: 1 }).parts, t)).toBe('sla.dimension.channel: Email');
    expect(drillTitle(sliceDrill('channel', { key: 'ZALO', count: 1 }).parts, t)).toBe('sla.dimension.channel: ZALO');
  });
  it('maps workload cells to the agent\'s backlog buckets', () => {
    const w = { agentId: 'A007', name: 'Lê Văn Bảy', open: 6, waitingOnAgent: 2 };
    expect(workloadDrill(w, 'OPEN')).toMatchObject({ drill: { groupBy: 'AGENT', groupKey: 'A007', backlog: 'OPEN' }, expected: 6 });
    expect(workloadDrill(w, 'WAITING_ON_AGENT').expected).toBe(2);
  });
});
