import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import type { TicketStore } from '../ports/ticketStore';
import { requestOrigin, type RequestOrigin } from './requestOrigin';

/**
 * "From where" for every audit record, including the case actions' (written deep inside their
 * transactions): the request's IP and user agent ride in async-local storage and are merged into
 * support_agent_activity.details by the store wrapper below.
 */
const current = new AsyncLocalStorage<RequestOrigin>();

export function registerRequestOriginContext(app: FastifyInstance): void {
  app.addHook('onRequest', (req, _reply, done) => current.run(requestOrigin(req), done));
}

/** The ticket store with recordActivity adding the current request's origin (in transactions too). */
export function withRequestOrigin(store: TicketStore): TicketStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'recordActivity') {
        return (a: Parameters<TicketStore['recordActivity']>[0]) => {
          const from = current.getStore();
          return target.recordActivity(from ? { ...a, details: { ...from, ...(a.details ?? {}) } } : a);
        };
      }
      if (prop === 'transaction') {
        return <T>(fn: (tx: TicketStore) => Promise<T>) => target.transaction((tx) => fn(withRequestOrigin(tx)));
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...args: unknown[]) => unknown).bind(target) : v;
    },
  });
}
