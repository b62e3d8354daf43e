import { CUSTOMER_ID } from '../../../common/ids';

export type Route = { name: 'home' } | { name: 'customer'; customerId: string };

/** "#/customer/C0000123" → customer route; anything else is home. */
export function parseRoute(hash: string): Route {
  const m = /^#?\/customer\/([^/?#]+)/.exec(hash);
  if (m) {
    const id = decodeURIComponent(m[1] as string).toUpperCase();
    if (CUSTOMER_ID.test(id)) return { name: 'customer', customerId: id };
  }
  return { name: 'home' };
}

export const customerHash = (customerId: string): string => `#/customer/${encodeURIComponent(customerId)}`;

/** Desktop deep links (cs360://customer/C0000123) carry the same path as the hash route. */
export function routeFromDeepLink(url: string): Route {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:open\/)?(customer\/[^?#]+)/i.exec(url.trim());
  return m ? parseRoute(`#/${m[1]}`) : { name: 'home' };
}
