import { Gauge, type Registry } from 'prom-client';
import type { SlaSnapshot } from '../services/slaService';

/** One snapshot serves every gauge of a scrape (each gauge's collect asks; the first computes). */
const SNAPSHOT_TTL_MS = 1000;

/**
 * The SLA figures the Prometheus alerts need (stack/prometheus/alerts.yml), computed at scrape time
 * from the SLA service: the backlog by bucket, open tickets past their first-response target with
 * no reply, the at-risk queue's length, and the configured backlog alert threshold.
 */
export function registerSlaGauges(registry: Registry, snapshot: () => Promise<SlaSnapshot>, backlogAlertThreshold: number): void {
  let last: { at: number; value: Promise<SlaSnapshot | null> } | null = null;
  // A failing engine (tickets database still opening) must not fail the whole scrape: the gauges keep their last values.
  const current = () => {
    const now = Date.now();
    if (!last || now - last.at > SNAPSHOT_TTL_MS) last = { at: now, value: snapshot().catch(() => null) };
    return last.value;
  };
  new Gauge({
    name: 'support_backlog_tickets',
    help: 'Open support tickets now, by backlog bucket (open, unassigned, waiting_on_agent, waiting_on_customer)',
    labelNames: ['bucket'],
    registers: [registry],
    async collect() {
      const s = await current();
      if (s) for (const [bucket, n] of Object.entries(s.backlog)) this.set({ bucket: bucket.toLowerCase() }, n);
    },
  });
  new Gauge({
    name: 'support_sla_first_response_overdue_tickets',
    help: 'Open tickets with no agent reply past their first-response target (5 minutes by default)',
    registers: [registry],
    async collect() {
      const s = await current();
      if (s) this.set(s.firstResponseOverdue);
    },
  });
  new Gauge({
    name: 'support_sla_at_risk_tickets',
    help: 'Open tickets with an SLA clock at risk or past due (the dashboard at-risk queue)',
    registers: [registry],
    async collect() {
      const s = await current();
      if (s) this.set(s.atRisk);
    },
  });
  new Gauge({ name: 'support_backlog_alert_threshold', help: 'Config sla.backlogAlertThreshold: the waiting-on-agent backlog that raises SupportBacklogHigh', registers: [registry] }).set(backlogAlertThreshold);
}
