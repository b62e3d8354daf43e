import { AppError } from './errors';
import { CUSTOMER_ID_PREFIX } from './ids';
import { phoneSearchPrefix } from './phone';
import { foldVietnamese } from './text';

export const SEARCH_MAX_LENGTH = 200;

/** What the agent typed, classified. Every variant is a prefix, so results come as the agent types. */
export type SearchQuery =
  | { kind: 'email'; prefix: string }
  | { kind: 'phone'; prefix: string }
  | { kind: 'customerId'; prefix: string }
  | { kind: 'name'; prefix: string };

export function parseSearchQuery(raw: string): SearchQuery {
  const text = raw.trim();
  if (text.length === 0) throw new AppError('INVALID_INPUT', 'Search text is empty', { field: 'query' });
  if (text.length > SEARCH_MAX_LENGTH) {
    throw new AppError('INVALID_INPUT', `Search text is longer than ${SEARCH_MAX_LENGTH} characters`, { field: 'query', max: SEARCH_MAX_LENGTH });
  }
  if (text.includes('@')) return { kind: 'email', prefix: text.toLowerCase() };
  if (CUSTOMER_ID_PREFIX.test(text)) return { kind: 'customerId', prefix: text.toUpperCase() };
  const phone = phoneSearchPrefix(text);
  if (phone) return { kind: 'phone', prefix: phone };
  if (/^[\d\s.+\-()]+$/.test(text)) {
    throw new AppError('INVALID_INPUT', 'Type at least 3 digits of a phone number', { field: 'query' });
  }
  const name = foldVietnamese(text);
  if (name.length < 2) throw new AppError('INVALID_INPUT', 'Type at least 2 letters of a name', { field: 'query' });
  return { kind: 'name', prefix: name };
}
