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
/** While the history store is not answering, the first page is asked again after this, doubling up to the max. */
export const PARTIAL_RETRY_MS = 5000;
const PARTIAL_RETRY_MAX_MS = 30_000;

type LiveListener = (item: TimelineItem) => void;
const liveListeners = new Set<LiveListener>();

/** Every live row of the open customer, before the filters: the case view refreshes on its own tickets' rows. */
export function onLiveTimelineRow(listener: LiveListener): () => void {
  liveListeners.add(listener);
  return () => liveListeners.delete(listener);
}

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
  /** The last page came from the serving store alone (the history store did not answer): recent events only. */
  partial: boolean;
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
let partialTimer: ReturnType<typeof setTimeout> | null = null;
let partialDelay = PARTIAL_RETRY_MS;

function stopPartialRetry(): void {
  if (partialTimer) clearTimeout(partialTimer);
  partialTimer = null;
  partialDelay = PARTIAL_RETRY_MS;
}

export const useTimeline = create<TimelineState>()((set, get) => {
  /**
   * A partial answer (history store down or slow) is asked again from the top until a whole one
   * comes back; that one replaces the list, so the older history appears and the banner goes
   * by itself. Any reset (customer, filters) cancels the retry with the generation.
   */
  const schedulePartialRetry = (mine: number) => {
    if (partialTimer) return;
    partialTimer = setTimeout(() => {
      partialTimer = null;
      if (mine !== generation) return;
      const { customerId, filters } = get();
      if (!customerId) return;
      gql(TimelineDocument, timelineVariables(customerId, filters, TIMELINE_PAGE_SIZE, null)).then(
        (data) => {
          if (mine !== generation) return;
          if (data.timeline.partial) {
            partialDelay = Math.min(partialDelay * 2, PARTIAL_RETRY_MAX_MS);
            schedulePartialRetry(mine);
            return;
          }
          stopPartialRetry();
          const page = data.timeline.events.map(itemFromApi);
          set({ list: appendPage(emptyRows(), page), cursor: data.timeline.nextCursor, hasMore: data.timeline.nextCursor !== null, partial: false, moreError: null });
        },
        () => {
          if (mine === generation) schedulePartialRetry(mine);
        },
      );
    }, partialDelay);
  };

  const fetchPage = async (mine: number) => {
    const { customerId, filters, cursor } = get();
    if (!customerId) return;
    const data = await gql(TimelineDocument, timelineVariables(customerId, filters, TIMELINE_PAGE_SIZE, cursor));
    if (mine !== generation) return;
    const page = data.timeline.events.map(itemFromApi);
    const partial = data.timeline.partial === true;
    set((s) => ({ list: appendPage(s.list, page), cursor: data.timeline.nextCursor, hasMore: data.timeline.nextCursor !== null, partial }));
    if (partial) schedulePartialRetry(mine);
    else stopPartialRetry();
  };

  const restart = () => {
    const mine = ++generation;
    stopPartialRetry();
    set({ list: emptyRows(), cursor: null, hasMore: false, status: 'loading', error: null, loadingMore: false, moreError: null, partial: false });
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
    partial: false,
    open(customerId) {
      if (get().customerId === customerId && get().status !== 'idle') return;
      set({ customerId, filters: defaultFilters(Date.now()) });
      restart();
    },
    close() {
      generation++;
      stopPartialRetry();
      set({ customerId: null, list: emptyRows(), status: 'idle', cursor: null, hasMore: false, error: null, loadingMore: false, moreError: null, partial: false });
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
      if (!item || item.customerId !== s.customerId) return;
      for (const listener of liveListeners) listener(item);
      if (s.status !== 'ready') return;
      if (!matchesFilters(item, s.filters)) return;
      const list = insertLive(s.list, item, s.hasMore);
      if (list !== s.list) set({ list });
    },
  };
});
