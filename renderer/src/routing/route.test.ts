import { describe, expect, it } from 'vitest';
import { canSeeDashboard, customerHash, landingPage, pageHash, parseRoute, routeFromDeepLink } from './route';

describe('routes', () => {
  it('reads a customer route from the hash', () => {
    expect(parseRoute('#/customer/C0000123')).toEqual({ name: 'customer', customerId: 'C0000123' });
    expect(parseRoute('#/customer/c0000123')).toEqual({ name: 'customer', customerId: 'C0000123' });
  });
  it('falls back to home for anything else, including malformed ids', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/customer/123')).toEqual({ name: 'home' });
    expect(parseRoute('#/settings')).toEqual({ name: 'home' });
  });
  it('reads the dashboard, My work and search pages, and round-trips their hashes', () => {
    expect(parseRoute('#/dashboard')).toEqual({ name: 'dashboard' });
    expect(parseRoute('#/my-work')).toEqual({ name: 'mywork' });
    expect(parseRoute('#/search/')).toEqual({ name: 'search' });
    for (const name of ['search', 'dashboard', 'mywork'] as const) expect(parseRoute(pageHash(name))).toEqual({ name });
  });
  it('lands supervisors and analysts on the dashboard and agents on their own work', () => {
    expect(landingPage('SUPERVISOR')).toBe('dashboard');
    expect(landingPage('ANALYST')).toBe('dashboard');
    expect(landingPage('AGENT')).toBe('mywork');
    expect(landingPage(undefined)).toBe('mywork');
    expect(canSeeDashboard('AGENT')).toBe(false);
  });
  it('round-trips the hash it writes', () => {
    expect(parseRoute(customerHash('C0000042'))).toEqual({ name: 'customer', customerId: 'C0000042' });
  });
  it('reads desktop deep links', () => {
    expect(routeFromDeepLink('cs360://customer/C0000123')).toEqual({ name: 'customer', customerId: 'C0000123' });
    expect(routeFromDeepLink('cs360://elsewhere')).toEqual({ name: 'home' });
  });
});
