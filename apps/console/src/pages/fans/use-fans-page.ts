import { useCallback, useEffect, useState } from 'react';
import type { FanFilter, FanView } from '@zhanggui/shared';
import { fansApi } from '../../api/fans.api.ts';

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
 * Cursor paging: the stack holds the cursor that opened each page seen so far, so "previous" is a pop.
 * No total page count is ever asked for — at a million fans the count is slow, the pages are not.
 */
export function useFansPage(accountId: number, filter: FanFilter): FansPage {
  const key = `${accountId}:${JSON.stringify(filter)}`;
  // The stack belongs to one filter: a new filter starts again at the first page.
  const [paging, setPaging] = useState<{ key: string; stack: Array<string | null> }>({ key, stack: [null] });
  const stack = paging.key === key ? paging.stack : [null];
  const [fans, setFans] = useState<FanView[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);
  const filterKey = JSON.stringify(filter);
  const cursor = stack[stack.length - 1] ?? null;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    fansApi.list(accountId, JSON.parse(filterKey) as FanFilter, cursor, PAGE_SIZE, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setFans(page.items);
        setNextCursor(page.nextCursor);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [accountId, filterKey, cursor, generation]);

  const next = useCallback(() => {
    if (nextCursor) setPaging({ key, stack: [...stack, nextCursor] });
  }, [key, stack, nextCursor]);
  const previous = useCallback(() => setPaging({ key, stack: stack.length > 1 ? stack.slice(0, -1) : stack }), [key, stack]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const replace = useCallback((fan: FanView) => setFans((current) => current.map((f) => (f.id === fan.id ? fan : f))), []);

  return {
    fans,
    loading,
    error,
    pageNumber: stack.length,
    hasNext: nextCursor !== null,
    hasPrevious: stack.length > 1,
    next,
    previous,
    reload,
    replace,
  };
}

/** The number of fans matching the filter — separate because it may be slow on large accounts. */
export function useFanCount(accountId: number, filter: FanFilter, generation: number) {
  const [count, setCount] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    fansApi.count(accountId, JSON.parse(filterKey) as FanFilter, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setCount(result.count);
        setLoading(false);
      },
      () => {
        if (controller.signal.aborted) return;
        setCount(null);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [accountId, filterKey, generation]);
  return { count, loading };
}
