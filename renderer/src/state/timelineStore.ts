import { create } from 'zustand';
import type { TimelineKind } from '../../../common/eventTypes';
import type { TimelineRow } from '../../../common/model';
import { gql } from '../api/client';
import { toApiError, type ApiError } from '../api/apiError';
import { TimelineDocument } from '../graphql/generated';
import { itemFromApi, itemFromLive, type TimelineItem } from '../features/timeline/timelineItem';
import { defaultFilters, invalidRange, matchesFilters, timelineVariables, toggleKind, type RangePreset, type TimelineFilters } from '../features/timeline/timelineFilters';
import { appendPage, emptyRows, insertLive, type RowList } from '../features/timeline/timelineRows';

export const TIMELINE_PAGE_SIZE = 200;

interface TimelineState {
  customerId: string | null;
  filters: TimelineFilters;
  list: RowList;
  cursor: string | null;
  hasMore: boolean;
  /** First page: loading / ready / error. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ApiError | null;
  loadingMore: boolean;
  moreError: ApiError | null;
  open(customerId: string): void;
  close(): void;
  reload(): void;
  loadMore(): Promise<void>;
  toggleKind(kind: TimelineKind): void;
  clearKinds(): void;
  setPreset(preset: RangePreset): void;
  setDates(fromDate: string, toDate: string): void;
  receiveLive(row: TimelineRow): void;
}

/** Bumped on every reset, so a page for an older customer or older filters is dropped. */
let generation = 0;

export const useTimeline = create<TimelineState>()((set, get) => {
  const fetchPage = async (mine: number) => {
    const { customerId, filters, cursor } = get();
    if (!customerId) return;
    const data = await gql(TimelineDocument, timelineVariables(customerId, filters, TIMELINE_PAGE_SIZE, cursor));
    if (mine !== generation) return;
    const page = data.timeline.events.map(itemFromApi);
    set((s) => ({ list: appendPage(s.list, page), cursor: data.timeline.nextCursor, hasMore: data.timeline.nextCursor !== null }));
  };

  const restart = () => {
    const mine = ++generation;
    set({ list: emptyRows(), cursor: null, hasMore: false, status: 'loading', error: null, loadingMore: false, moreError: null });
    if (invalidRange(get().filters)) {
      set({ status: 'ready' });
      return;
    }
    fetchPage(mine).then(
      () => {
        if (mine === generation) set({ status: 'ready' });
      },
      (err: unknown) => {
        if (mine === generation) set({ status: 'error', error: toApiError(err) });
      },
    );
  };

  const setFilters = (patch: Partial<TimelineFilters>) => {
    set((s) => ({ filters: { ...s.filters, ...patch } }));
    restart();
  };

  return {
    customerId: null,
    filters: defaultFilters(Date.now()),
    list: emptyRows(),
    cursor: null,
    hasMore: false,
    status: 'idle',
    error: null,
    loadingMore: false,
    moreError: null,
    open(customerId) {
      if (get().customerId === customerId && get().status !== 'idle') return;
      set({ customerId, filters: defaultFilters(Date.now()) });
      restart();
    },
    close() {
      generation++;
      set({ customerId: null, list: emptyRows(), status: 'idle', cursor: null, hasMore: false, error: null, loadingMore: false, moreError: null });
    },
    reload: restart,
    async loadMore() {
      const s = get();
      if (s.status !== 'ready' || !s.hasMore || s.loadingMore) return;
      const mine = generation;
      set({ loadingMore: true, moreError: null });
      try {
        await fetchPage(mine);
        if (mine === generation) set({ loadingMore: false });
      } catch (err) {
        if (mine === generation) set({ loadingMore: false, moreError: toApiError(err) });
      }
    },
    toggleKind: (kind) => setFilters({ kinds: toggleKind(get().filters.kinds, kind) }),
    clearKinds: () => setFilters({ kinds: [] }),
    setPreset: (preset) => setFilters({ preset, anchorMs: Date.now(), fromDate: '', toDate: '' }),
    setDates: (fromDate, toDate) => setFilters({ preset: fromDate || toDate ? 'custom' : 'all', fromDate, toDate }),
    receiveLive(row) {
      const s = get();
      const item: TimelineItem | null = itemFromLive(row, Date.now());
      if (!item || item.customerId !== s.customerId || s.status !== 'ready') return;
      if (!matchesFilters(item, s.filters)) return;
      const list = insertLive(s.list, item, s.hasMore);
      if (list !== s.list) set({ list });
    },
  };
});
