import { create } from 'zustand';
import { gql } from '../api/client';
import { toApiError, type ApiError } from '../api/apiError';
import { SearchCustomersDocument, type SearchCustomersQuery } from '../graphql/generated';
import { createSearchRunner } from '../features/search/searchRunner';
import { hintKeyFor, precheckSearch, type SearchHintKey } from '../features/search/searchHint';

export type SearchHit = SearchCustomersQuery['searchCustomers'][number];
export type SearchStatus = 'idle' | 'loading' | 'hint' | 'results' | 'error';

export const SEARCH_DEBOUNCE_MS = 150;
const LIMIT = 10;

interface SearchState {
  text: string;
  status: SearchStatus;
  hits: SearchHit[];
  hint: SearchHintKey | null;
  error: ApiError | null;
  /** Text the shown hits answer (they may lag the input while a newer request runs). */
  answeredText: string;
  active: number;
  open: boolean;
  setText(text: string): void;
  /** Enter: the highlighted hit, or (when results are still coming) the first hit once they arrive. */
  submit(onChoose: (customerId: string) => void): void;
  retry(): void;
  move(delta: 1 | -1): void;
  setActive(i: number): void;
  setOpen(open: boolean): void;
  clear(): void;
}

/** Set by Enter pressed before the results for the current text came back. */
let pendingChoice: ((customerId: string) => void) | null = null;

export const useSearch = create<SearchState>()((set, get) => {
  const runner = createSearchRunner<SearchHit[]>({
    delayMs: SEARCH_DEBOUNCE_MS,
    run: async (query, signal) => (await gql(SearchCustomersDocument, { query, limit: LIMIT }, signal)).searchCustomers,
    onStart: () => set((s) => ({ status: s.status === 'results' ? 'results' : 'loading' })),
    onResult: (query, hits) => {
      set({ status: 'results', hits, answeredText: query, active: hits.length > 0 ? 0 : -1, error: null, hint: null });
      const choose = pendingChoice;
      pendingChoice = null;
      if (choose && hits[0]) choose(hits[0].id);
    },
    onError: (query, err) => {
      pendingChoice = null;
      const e = toApiError(err);
      if (e.code === 'INVALID_INPUT') set({ status: 'hint', hint: hintKeyFor(e.message), hits: [], answeredText: query, error: null });
      else set({ status: 'error', error: e, hits: [], answeredText: query });
    },
  });

  return {
    text: '',
    status: 'idle',
    hits: [],
    hint: null,
    error: null,
    answeredText: '',
    active: -1,
    open: false,
    setText(text) {
      pendingChoice = null;
      set({ text, open: true });
      const check = precheckSearch(text);
      if (!check.ok) {
        runner.cancel();
        set(check.empty ? { status: 'idle', hits: [], hint: null, error: null, active: -1 } : { status: 'hint', hint: check.hint, hits: [], error: null, active: -1 });
        return;
      }
      runner.input(text.trim());
      if (get().status !== 'results') set({ status: 'loading' });
    },
    submit(onChoose) {
      const { text, answeredText, hits, active, status } = get();
      const trimmed = text.trim();
      if (status === 'hint' || status === 'idle') return;
      const hit = answeredText === trimmed ? hits[active] : undefined;
      if (hit) {
        onChoose(hit.id);
        return;
      }
      if (answeredText === trimmed && status === 'results') return; // answered, nothing found
      pendingChoice = onChoose;
      runner.flush(trimmed);
    },
    retry() {
      const text = get().text.trim();
      if (text) runner.flush(text);
    },
    move(delta) {
      const { hits, active } = get();
      if (hits.length === 0) return;
      set({ active: (active + delta + hits.length) % hits.length, open: true });
    },
    setActive: (i) => set({ active: i }),
    setOpen: (open) => set({ open }),
    clear() {
      pendingChoice = null;
      runner.cancel();
      set({ text: '', status: 'idle', hits: [], hint: null, error: null, active: -1, open: false, answeredText: '' });
    },
  };
});
