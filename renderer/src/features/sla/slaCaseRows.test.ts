import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { SlaCaseFieldsFragment } from '../../graphql/generated';
import { slaCaseCsv, workloadCsv } from './slaCaseRows';
import { toCsv } from './slaCsv';

const t = (k: string) => k.replace('sla.csv.', '');
const base: SlaCaseFieldsFragment = {
  ticketId: 'T000123',
  customerId: 'C0000042',
  subject: '=cmd|"/c calc"!A1',
  status: 'OPEN',
  priority: 'HIGH',
  channel: 'EMAIL',
  assignedAgentId: 'A007',
  assignedAgentName: 'Lê Văn Bảy',
  team: 'Giao hàng',
  createdAt: '2026-12-02T09:00:00.000Z',
  firstResponseAt: null,
  firstResponseSeconds: null,
  firstResponseState: 'BREACHED',
  resolutionSeconds: 312.6,
  resolutionState: 'PENDING',
  dueAt: '2026-12-02T09:05:00.000Z',
  dueMetric: 'FIRST_RESPONSE',
};

describe('CSV rows of drilled tickets and workload', () => {
  it('writes one row per ticket with raw values and a signed countdown', () => {
    const now = Date.parse('2026-12-02T09:07:00.000Z');
    const { header, rows } = slaCaseCsv([base, { ...base, ticketId: 'T2', dueAt: null, assignedAgentName: null, assignedAgentId: null }], t, now);
    expect(header[0]).toBe('ticket');
    expect(rows[0]).toEqual(['T000123', 'C0000042', '=cmd|"/c calc"!A1', 'OPEN', 'HIGH', 'EMAIL', 'Lê Văn Bảy', 'Giao hàng', '2026-12-02T09:00:00.000Z', '', 'BREACHED', 313, 'PENDING', '2026-12-02T09:05:00.000Z', 'FIRST_RESPONSE', -120]);
    expect(rows[1]!.at(-1)).toBe('');
    expect(rows[1]![6]).toBe('');
  });
  it('defuses a formula in a customer-typed subject once written as CSV', () => {
    const { header, rows } = slaCaseCsv([base], t, 0);
    const parsed = Papa.parse<string[]>(toCsv(header, rows)).data;
    expect(parsed[1]![2]).toBe('\'=cmd|"/c calc"!A1');
  });
  it('writes workload % met as a percentage with one decimal', () => {
    const { rows } = workloadCsv([{ agentId: 'A1', name: 'An', team: null, open: 3, waitingOnAgent: 1, handledToday: 5, medianHandleSeconds: 90.4, firstResponsePctMet: 0.8567, assignedNow: 3 }], t);
    expect(rows[0]).toEqual(['A1', 'An', '', 3, 1, 5, 90, 85.7, 3]);
  });
});
