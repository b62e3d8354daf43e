import { AppError } from '../../../../common/errors';
import { parseSearchQuery, type SearchQuery } from '../../../../common/searchQuery';

export type SearchHintKey = 'search.hintDigits' | 'search.hintLetters' | 'search.hintTooLong' | 'search.hintInvalid';

/** Maps an INVALID_INPUT message (ours or the server's) to a hint the console can translate. */
export function hintKeyFor(message: string): SearchHintKey {
  if (/digit/i.test(message)) return 'search.hintDigits';
  if (/letter/i.test(message)) return 'search.hintLetters';
  if (/longer than/i.test(message)) return 'search.hintTooLong';
  return 'search.hintInvalid';
}

export type Precheck = { ok: true; query: SearchQuery } | { ok: false; empty: true } | { ok: false; empty: false; hint: SearchHintKey };

/** The same classification the backend applies, run locally so obvious mistakes never cost a request. */
export function precheckSearch(text: string): Precheck {
  if (text.trim().length === 0) return { ok: false, empty: true };
  try {
    return { ok: true, query: parseSearchQuery(text) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, empty: false, hint: hintKeyFor(err.message) };
    throw err;
  }
}
