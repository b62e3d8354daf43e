import { useSyncExternalStore } from 'react';
import { customerHash, pageHash, parseRoute, type Route } from './route';

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};
const snapshot = () => window.location.hash;

/** The current route, following the location hash so back/forward and deep links work. */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, snapshot));
}

function go(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
}

export const openCustomer = (customerId: string): void => go(customerHash(customerId));
export const openPage = (name: 'search' | 'dashboard' | 'mywork' | 'audit'): void => go(pageHash(name));

/** The role's landing page ("#/" renders it). */
export function goHome(): void {
  if (window.location.hash !== '' && window.location.hash !== '#/') window.location.hash = '#/';
}
