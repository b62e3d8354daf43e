import { describe, expect, it } from 'vitest';
import { customerHash, parseRoute, routeFromDeepLink } from './route';

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
  it('round-trips the hash it writes', () => {
    expect(parseRoute(customerHash('C0000042'))).toEqual({ name: 'customer', customerId: 'C0000042' });
  });
  it('reads desktop deep links', () => {
    expect(routeFromDeepLink('cs360://customer/C0000123')).toEqual({ name: 'customer', customerId: 'C0000123' });
    expect(routeFromDeepLink('cs360://elsewhere')).toEqual({ name: 'home' });
  });
});
