import { describe, expect, it } from 'vitest';
import { mergeOptions, NO_OPTIONS } from './filterOptions';

const answer = (teams: [string, string][], channels: string[], priorities: string[]) =>
  ({
    byTeam: { groups: teams.map(([key, label]) => ({ key, label })) },
    trend: { volumeByChannel: channels.map((key) => ({ key, count: 1 })), volumeByPriority: priorities.map((key) => ({ key, count: 1 })) },
  }) as never;

describe('filter menu options', () => {
  it('collects teams, channels and priorities from an answer, sorted', () => {
    const o = mergeOptions(NO_OPTIONS, answer([['T2', 'Thanh toán'], ['T1', 'Giao hàng']], ['PHONE', 'EMAIL'], ['P2', 'P1']));
    expect(o).toEqual({ teams: [{ key: 'T1', label: 'Giao hàng' }, { key: 'T2', label: 'Thanh toán' }], channels: ['EMAIL', 'PHONE'], priorities: ['P1', 'P2'] });
  });
  it('keeps choices that a filtered answer no longer lists', () => {
    const first = mergeOptions(NO_OPTIONS, answer([['T1', 'A'], ['T2', 'B']], ['EMAIL', 'CHAT'], ['P1']));
    const filtered = mergeOptions(first, answer([['T1', 'A']], ['EMAIL'], ['P1']));
    expect(filtered.teams.map((t) => t.key)).toEqual(['T1', 'T2']);
    expect(filtered.channels).toEqual(['CHAT', 'EMAIL']);
  });
});
