import type { AgentRecord } from '../../ports/ticketStore';
import { LiveTrickle } from '../../demo';
import type { EventBus } from '../../ports/eventBus';
import type { TicketStore } from '../../ports/ticketStore';
import type { Logger } from '../../logger';

/** A slow stream of new demo events while the app runs, favouring customers someone is looking at. */
export function startLiveTrickle(deps: {
  seed: number;
  intervalMs: number;
  customerIds: string[];
  agents: AgentRecord[];
  watched: () => string[];
  tickets: TicketStore;
  bus: EventBus;
  log: Logger;
}): () => void {
  const trickle = new LiveTrickle({ seed: deps.seed + Date.now(), customerIds: deps.customerIds, agents: deps.agents });
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    const batch = trickle.next(Date.now(), deps.watched());
    deps.tickets
      .bulkLoad({ tickets: batch.tickets, messages: batch.messages, notes: batch.notes })
      .then(async () => {
        for (const e of batch.events) await deps.bus.publish('cs.events', e, e.customer_id);
      })
      .catch((err: unknown) => deps.log.error({ err }, 'live trickle failed'))
      .finally(() => {
        busy = false;
      });
  }, deps.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
