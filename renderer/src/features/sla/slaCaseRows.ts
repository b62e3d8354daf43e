import type { AgentWorkloadFieldsFragment, SlaCaseFieldsFragment } from '../../graphql/generated';
import { countdown } from './countdown';
import type { CsvCell } from './slaCsv';
import type { Translate } from './slaDrill';

/**
 * What a CSV of drilled tickets holds: the same columns as the table, raw values (ISO times,
 * seconds) so a spreadsheet can compute with them, headers in the reader's language.
 */
export function slaCaseCsv(rows: readonly SlaCaseFieldsFragment[], t: Translate, nowMs: number): { header: string[]; rows: CsvCell[][] } {
  const header = ['ticket', 'customer', 'subject', 'status', 'priority', 'channel', 'agent', 'team', 'created', 'firstResponseSeconds', 'firstResponseState', 'resolutionSeconds', 'resolutionState', 'dueAt', 'dueMetric', 'dueInSeconds'].map((k) => t(`sla.csv.${k}`));
  return {
    header,
    rows: rows.map((r) => {
      const c = countdown(r.dueAt, nowMs);
      return [
        r.ticketId,
        r.customerId,
        r.subject,
        r.status,
        r.priority,
        r.channel,
        r.assignedAgentName ?? r.assignedAgentId ?? '',
        r.team ?? '',
        r.createdAt,
        r.firstResponseSeconds === null ? '' : Math.round(r.firstResponseSeconds),
        r.firstResponseState,
        r.resolutionSeconds === null ? '' : Math.round(r.resolutionSeconds),
        r.resolutionState,
        r.dueAt ?? '',
        r.dueMetric ?? '',
        // Negative once overdue: a number a spreadsheet can sort, not text.
        c.kind === 'none' ? '' : c.kind === 'due' ? c.seconds : -c.seconds,
      ];
    }),
  };
}

export function workloadCsv(rows: readonly AgentWorkloadFieldsFragment[], t: Translate): { header: string[]; rows: CsvCell[][] } {
  const header = ['agentId', 'agent', 'team', 'open', 'waitingOnAgent', 'handledToday', 'medianHandleSeconds', 'firstResponsePctMet', 'assignedNow'].map((k) => t(`sla.csv.${k}`));
  return {
    header,
    rows: rows.map((r) => [
      r.agentId,
      r.name,
      r.team ?? '',
      r.open,
      r.waitingOnAgent,
      r.handledToday,
      r.medianHandleSeconds === null ? '' : Math.round(r.medianHandleSeconds),
      r.firstResponsePctMet === null ? '' : Math.round(r.firstResponsePctMet * 1000) / 10,
      r.assignedNow,
    ]),
  };
}
