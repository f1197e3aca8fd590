import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@zhanggui/shared';

interface CursorList<T> {
  items: T[];
  /** The first page is loading (nothing to show yet). */
  loading: boolean;
  /** A later page is loading. */
  loadingMore: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  /** Start again from the first page (after a failed first load). */
  retry: () => void;
}

/** A list that grows page by page (加载更多) over a cursor-paged endpoint. */
export function useCursorList<T>(load: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>, deps: readonly unknown[]): CursorList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [started, setStarted] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const controllerRef = useRef<AbortController | null>(null);

  const fetchPage = useCallback((cursor: string | null) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setPending(true);
    setError(undefined);
    loadRef.current(cursor, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems((current) => (cursor === null ? page.items : [...current, ...page.items]));
        setNextCursor(page.nextCursor);
        setStarted(true);
        setPending(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setPending(false);
      },
    );
  }, []);

  useEffect(() => {
    setItems([]);
    setNextCursor(null);
    setStarted(false);
    fetchPage(null);
    return () => controllerRef.current?.abort();
  }, [...deps, generation, fetchPage]);

  const loadMore = useCallback(() => {
    if (!pending && nextCursor) fetchPage(nextCursor);
  }, [pending, nextCursor, fetchPage]);
  const retry = useCallback(() => setGeneration((n) => n + 1), []);

  return { items, loading: !started && pending, loadingMore: started && pending, error, hasMore: nextCursor !== null, loadMore, retry };
}
