import { useCallback } from 'react';
import type { FanFilter, FanView } from '@zhanggui/shared';
import { fansApi } from '../../api/fans.api.ts';
import { useCursorPages } from '../../hooks/use-cursor-pages.ts';
import { useResource } from '../../hooks/use-resource.ts';

const PAGE_SIZE = 50;

export interface FansPage {
  fans: FanView[];
  loading: boolean;
  error: unknown;
  /** 1-based number of the page shown. */
  pageNumber: number;
  hasNext: boolean;
  hasPrevious: boolean;
  next: () => void;
  previous: () => void;
  reload: () => void;
  /** Replace one fan in the page after an edit. */
  replace: (fan: FanView) => void;
}

/**
 * Cursor paging (the stack of cursors is in useCursorPages), so "previous" is a pop. No total page count
 * is ever asked for — at a million fans the count is slow, the pages are not.
 */
export function useFansPage(accountId: number, filter: FanFilter): FansPage {
  const filterKey = JSON.stringify(filter);
  const pages = useCursorPages((cursor, signal) => fansApi.list(accountId, JSON.parse(filterKey) as FanFilter, cursor, PAGE_SIZE, signal), `${accountId}:${filterKey}`);
  const { update } = pages;
  const replace = useCallback((fan: FanView) => update((fans) => fans.map((f) => (f.id === fan.id ? fan : f))), [update]);
  return { ...pages, fans: pages.items, replace };
}

/** The number of fans matching the filter — separate because it may be slow on large accounts. */
export function useFanCount(accountId: number, filter: FanFilter, generation: number) {
  const filterKey = JSON.stringify(filter);
  const count = useResource(
    (signal) => fansApi.count(accountId, JSON.parse(filterKey) as FanFilter, signal).then((result) => result.count, () => null),
    [accountId, filterKey, generation],
  );
  return { count: count.data ?? null, loading: count.loading };
}
