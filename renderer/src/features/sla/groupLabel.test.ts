import { describe, expect, it } from 'vitest';
import { groupLabel, localizeGroups } from './groupLabel';

const t = (k: string, o?: Record<string, unknown>) => ({ 'sla.backlog.UNASSIGNED': 'Chưa giao', 'sla.noTeam': 'Chưa có nhóm', 'sla.priorityValue.high': 'Cao' })[k] ?? String(o?.defaultValue ?? k);

describe('group labels', () => {
  it('translates the placeholder groups and keeps names as data', () => {
    expect(groupLabel('AGENT', 'UNASSIGNED', 'Unassigned', t, 'vi')).toBe('Chưa giao');
    expect(groupLabel('TEAM', 'NO_TEAM', 'No team', t, 'vi')).toBe('Chưa có nhóm');
    expect(groupLabel('AGENT', '5b0c…', 'Phan Thị Ngân', t, 'vi')).toBe('Phan Thị Ngân');
    expect(groupLabel('PRIORITY', 'HIGH', 'HIGH', t, 'vi')).toBe('Cao');
    expect(groupLabel('HOUR', '09', '09:00', t, 'vi')).toBe('09:00');
  });
  it('formats days in the reader\'s order without shifting them', () => {
    expect(groupLabel('DAY', '2026-12-02', '2026-12-02', t, 'vi')).toMatch(/^02\D12$/);
    expect(groupLabel('DAY', '2026-12-02', '2026-12-02', t, 'en')).toMatch(/^12\D02$/);
  });
  it('keeps the keys a drill sends', () => {
    expect(localizeGroups('AGENT', [{ key: 'UNASSIGNED', label: 'Unassigned', tickets: 3 }], t, 'vi')).toEqual([{ key: 'UNASSIGNED', label: 'Chưa giao', tickets: 3 }]);
  });
});
