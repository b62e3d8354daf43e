import { useSyncExternalStore } from 'react';
import { customerHash, parseRoute, type Route } from './route';

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};
const snapshot = () => window.location.hash;

/** The current route, following the location hash so back/forward and deep links work. */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, snapshot));
}

export function openCustomer(customerId: string): void {
  const next = customerHash(customerId);
  if (window.location.hash !== next) window.location.hash = next;
}

export function goHome(): void {
  if (window.location.hash !== '' && window.location.hash !== '#/') window.location.hash = '#/';
}
