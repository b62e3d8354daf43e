import { CUSTOMER_ID } from '../../../common/ids';
import type { Role } from '../graphql/generated';

/** home: the role's landing page (dashboard or "My work"); search: the customer search page. */
export type Route = { name: 'home' } | { name: 'search' } | { name: 'dashboard' } | { name: 'mywork' } | { name: 'audit' } | { name: 'customer'; customerId: string };

const PAGES: Record<string, Route> = { search: { name: 'search' }, dashboard: { name: 'dashboard' }, 'my-work': { name: 'mywork' }, audit: { name: 'audit' } };

/** "#/customer/C0000123" → customer route; "#/dashboard", "#/my-work", "#/search"; anything else is home. */
export function parseRoute(hash: string): Route {
  const m = /^#?\/customer\/([^/?#]+)/.exec(hash);
  if (m) {
    const id = decodeURIComponent(m[1] as string).toUpperCase();
    if (CUSTOMER_ID.test(id)) return { name: 'customer', customerId: id };
  }
  const page = /^#?\/([a-z-]+)\/?$/.exec(hash);
  return (page && PAGES[page[1] as string]) || { name: 'home' };
}

export const customerHash = (customerId: string): string => `#/customer/${encodeURIComponent(customerId)}`;
export const pageHash = (name: 'search' | 'dashboard' | 'mywork' | 'audit'): string => (name === 'mywork' ? '#/my-work' : `#/${name}`);

/** Supervisors and analysts read the team's SLA dashboard; the API refuses it to agents too. */
export const canSeeDashboard = (role: Role | undefined): boolean => role === 'SUPERVISOR' || role === 'ANALYST';

/** The audit trail is a supervisor's (policy audit:read); the API refuses it to the others too. */
export const canSeeAudit = (role: Role | undefined): boolean => role === 'SUPERVISOR';

/** Where a signed-in user lands: supervisors and analysts on the dashboard, agents on their own work. */
export const landingPage = (role: Role | undefined): 'dashboard' | 'mywork' => (canSeeDashboard(role) ? 'dashboard' : 'mywork');

/** Desktop deep links (cs360://customer/C0000123) carry the same path as the hash route. */
export function routeFromDeepLink(url: string): Route {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:open\/)?(customer\/[^?#]+)/i.exec(url.trim());
  return m ? parseRoute(`#/${m[1]}`) : { name: 'home' };
}
