import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SlaDashboardQuery, SlaDashboardQueryVariables } from '../graphql/generated';

const gql = vi.fn<(doc: unknown, vars: SlaDashboardQueryVariables) => Promise<SlaDashboardQuery>>();
vi.mock('../api/client', () => ({ gql: (doc: unknown, vars: SlaDashboardQueryVariables) => gql(doc, vars) }));

const { useDashboard } = await import('./dashboardStore');

const answer = (tickets: number) =>
  ({
    trend: { groups: [], overall: { tickets }, volumeByChannel: [], volumeByPriority: [] },
    byTeam: { groups: [] },
  }) as unknown as SlaDashboardQuery;
const tickets = () => (useDashboard.getState().data?.trend.overall as { tickets: number } | undefined)?.tickets;

describe('dashboard store', () => {
  beforeEach(() => {
    gql.mockReset();
    useDashboard.getState().reset();
    useDashboard.setState({ range: { preset: 'today' }, filters: { team: null, channel: null, priority: null } });
  });
  afterEach(() => vi.useRealTimers());

  it('asks by hour for today and by day for 7 days, with the filters set', async () => {
    gql.mockResolvedValue(answer(1));
    await useDashboard.getState().load();
    expect(gql.mock.calls[0]![1].trendBy).toBe('HOUR');
    useDashboard.getState().setRange({ preset: '7d' });
    useDashboard.getState().setFilters({ channel: 'EMAIL' });
    await vi.waitFor(() => expect(gql).toHaveBeenCalledTimes(3));
    expect(gql.mock.calls[2]![1]).toMatchObject({ trendBy: 'DAY', filter: { channel: 'EMAIL' } });
  });

  it('keeps the numbers on screen when a background refresh fails', async () => {
    gql.mockResolvedValueOnce(answer(5)).mockRejectedValueOnce(new Error('down'));
    await useDashboard.getState().load();
    const at = useDashboard.getState().updatedAt;
    await useDashboard.getState().refresh();
    expect(useDashboard.getState().status).toBe('ready');
    expect(tickets()).toBe(5);
    expect(useDashboard.getState().updatedAt).toBe(at);
  });

  it('drops an answer overtaken by a newer question', async () => {
    let first!: (v: SlaDashboardQuery) => void;
    gql.mockImplementationOnce(() => new Promise((r) => (first = r))).mockResolvedValueOnce(answer(7));
    const slow = useDashboard.getState().load();
    useDashboard.getState().setRange({ preset: '30d' });
    await vi.waitFor(() => expect(tickets()).toBe(7));
    first(answer(1));
    await slow;
    expect(tickets()).toBe(7);
  });

  it('turns a burst of live events into one refresh, and none while the page is closed', async () => {
    vi.useFakeTimers();
    gql.mockResolvedValue(answer(2));
    useDashboard.getState().refreshSoon();
    await vi.advanceTimersByTimeAsync(5000);
    expect(gql).not.toHaveBeenCalled();
    await useDashboard.getState().load();
    for (let i = 0; i < 10; i++) useDashboard.getState().refreshSoon();
    await vi.advanceTimersByTimeAsync(5000);
    expect(gql).toHaveBeenCalledTimes(2);
  });
});
