import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchCustomersQuery } from '../graphql/generated';

const gql = vi.fn<(doc: unknown, vars: { query: string }) => Promise<SearchCustomersQuery>>();
vi.mock('../api/client', () => ({ gql: (doc: unknown, vars: { query: string }) => gql(doc, vars) }));

const { useSearch, SEARCH_DEBOUNCE_MS } = await import('./searchStore');

const hit = (id: string) => ({ id, fullName: 'Nguyễn Văn An', email: 'an@example.vn', phone: '+84912345678', segment: 'VIP' as const, matchedOn: 'CUSTOMER_ID' as const });

describe('search store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    gql.mockReset();
    useSearch.getState().clear();
  });
  afterEach(() => vi.useRealTimers());

  it('sends one request for a burst of typing, with the last text', async () => {
    gql.mockResolvedValue({ searchCustomers: [hit('C0000123')] });
    for (const text of ['C0', 'C00', 'C000', 'C0000123']) useSearch.getState().setText(text);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(gql).toHaveBeenCalledTimes(1);
    expect(gql.mock.calls[0]?.[1].query).toBe('C0000123');
    expect(useSearch.getState()).toMatchObject({ status: 'results', answeredText: 'C0000123', active: 0 });
  });

  it('shows a hint without a request for too few digits', async () => {
    useSearch.getState().setText('09');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS * 2);
    expect(gql).not.toHaveBeenCalled();
    expect(useSearch.getState()).toMatchObject({ status: 'hint', hint: 'search.hintDigits' });
  });

  it('turns a server INVALID_INPUT into a hint, not an error', async () => {
    gql.mockRejectedValue({ response: { status: 400, errors: [{ message: 'Type at least 2 letters of a name', extensions: { code: 'INVALID_INPUT' } }] } });
    useSearch.getState().setText('xy');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(useSearch.getState()).toMatchObject({ status: 'hint', hint: 'search.hintLetters', error: null });
  });

  it('opens the first hit when Enter was pressed before the results came', async () => {
    gql.mockResolvedValue({ searchCustomers: [hit('C0000042'), hit('C0000043')] });
    const chosen: string[] = [];
    useSearch.getState().setText('C000004');
    useSearch.getState().submit((id) => chosen.push(id));
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(gql).toHaveBeenCalledTimes(1);
    expect(chosen).toEqual(['C0000042']);
  });

  it('moves the highlight with the arrow keys, wrapping around', async () => {
    gql.mockResolvedValue({ searchCustomers: [hit('C0000042'), hit('C0000043')] });
    useSearch.getState().setText('C000004');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    useSearch.getState().move(1);
    expect(useSearch.getState().active).toBe(1);
    useSearch.getState().move(1);
    expect(useSearch.getState().active).toBe(0);
    useSearch.getState().move(-1);
    const chosen: string[] = [];
    useSearch.getState().submit((id) => chosen.push(id));
    expect(chosen).toEqual(['C0000043']);
  });
});
