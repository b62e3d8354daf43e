import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SupportMetrics } from '../services/supportMetrics';

/** prom-client registry with the seed-002 names plus HTTP and pipeline figures. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const ticketCreated = new Counter({ name: 'support_ticket_created_total', help: 'Support tickets created', labelNames: ['channel'], registers: [registry] });
  const responseTime = new Histogram({
    name: 'support_response_time_seconds',
    help: 'First agent response time of a ticket',
    buckets: [30, 60, 120, 300, 600, 1800, 3600, 14400],
    registers: [registry],
  });
  const timelineRefreshErrors = new Counter({ name: 'support_timeline_refresh_errors_total', help: 'Timeline reads that failed', registers: [registry] });
  const httpDuration = new Histogram({
    name: 'cs360_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const pipelineEvents = new Counter({ name: 'cs360_pipeline_events_total', help: 'Events processed by the embedded pipeline', labelNames: ['outcome'], registers: [registry] });
  const notifications = new Counter({ name: 'cs360_notifications_total', help: 'cs_notifications messages relayed', labelNames: ['type'], registers: [registry] });

  const support: SupportMetrics = {
    ticketCreated: (channel) => ticketCreated.inc({ channel }),
    firstResponse: (seconds) => responseTime.observe(seconds),
    timelineRefreshError: () => timelineRefreshErrors.inc(),
  };
  return { registry, support, httpDuration, pipelineEvents, notifications };
}
export type Metrics = ReturnType<typeof createMetrics>;
