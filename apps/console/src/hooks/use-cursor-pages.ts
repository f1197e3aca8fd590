import { useCallback, useEffect, useState } from 'react';
import type { Page } from '@zhanggui/shared';

/** Previous/next over a cursor-paged list: a stack of the cursors that opened each page seen. */
export function useCursorPages<T>(load: (cursor: string | null) => Promise<Page<T>>, key: string) {
  const [paging, setPaging] = useState<{ key: string; stack: Array<string | null> }>({ key, stack: [null] });
  const stack = paging.key === key ? paging.stack : [null];
  const cursor = stack[stack.length - 1] ?? null;
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    load(cursor).then(
      (page) => {
        if (cancelled) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (cancelled) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
    // `load` is keyed by `key`; a new function identity alone does not mean new data.
  }, [key, cursor]);

  const next = useCallback(() => {
    if (nextCursor) setPaging({ key, stack: [...stack, nextCursor] });
  }, [key, stack, nextCursor]);
  const previous = useCallback(() => setPaging({ key, stack: stack.length > 1 ? stack.slice(0, -1) : stack }), [key, stack]);

  return { items, loading, error, pageNumber: stack.length, hasNext: nextCursor !== null, hasPrevious: stack.length > 1, next, previous };
}
