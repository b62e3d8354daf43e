import type { LiveTrickle } from './index';
import type { AgentRecord } from '../ports/ticketStore';
import type { EventBus } from '../ports/eventBus';
import type { TicketStore } from '../ports/ticketStore';
import type { Logger } from '../logger';

interface TrickleDeps {
  seed: number;
  intervalMs: number;
  customerIds: string[];
  agents: AgentRecord[];
  watched: () => string[];
  tickets: TicketStore;
  bus: EventBus;
  log: Logger;
}

/**
 * A slow stream of new demo events while the app runs, favouring customers someone is looking at.
 * The demo generator (and @faker-js/faker with it) is imported here, when the trickle starts after
 * the backend is ready, not at start-up: the build puts it in its own chunk (scripts/buildNode.mjs).
 */
export function startLiveTrickle(deps: TrickleDeps): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  import('./index')
    .then(({ LiveTrickle }) => {
      if (stopped) return;
      timer = tick(new LiveTrickle({ seed: deps.seed + Date.now(), customerIds: deps.customerIds, agents: deps.agents }), deps);
    })
    .catch((err: unknown) => deps.log.error({ err }, 'live trickle failed to start'));
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

function tick(trickle: LiveTrickle, deps: TrickleDeps): NodeJS.Timeout {
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
  return timer;
}
