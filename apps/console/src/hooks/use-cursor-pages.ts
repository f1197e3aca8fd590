import { useCallback, useState } from 'react';
import type { Page } from '@zhanggui/shared';
import { useResource } from './use-resource.ts';

/**
 * Previous/next over a cursor-paged list: a stack of the cursors that opened each page seen. The stack
 * belongs to one `key` (e.g. a filter): a new key starts again at the first page.
 */
export function useCursorPages<T>(load: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>, key: string) {
  const [paging, setPaging] = useState<{ key: string; stack: Array<string | null> }>({ key, stack: [null] });
  const stack = paging.key === key ? paging.stack : [null];
  const cursor = stack[stack.length - 1] ?? null;
  // `load` is keyed by `key`; a new function identity alone does not mean new data.
  const page = useResource((signal) => load(cursor, signal), [key, cursor]);
  const nextCursor = page.data?.nextCursor ?? null;

  const next = useCallback(() => {
    if (nextCursor) setPaging({ key, stack: [...stack, nextCursor] });
  }, [key, stack, nextCursor]);
  const previous = useCallback(() => setPaging({ key, stack: stack.length > 1 ? stack.slice(0, -1) : stack }), [key, stack]);
  /** Changes items of the page shown (after an edit), without a reload. */
  const { setData } = page;
  const update = useCallback((change: (items: T[]) => T[]) => setData((current) => current && { ...current, items: change(current.items) }), [setData]);

  return {
    items: page.data?.items ?? [],
    loading: page.loading,
    error: page.error,
    pageNumber: stack.length,
    hasNext: nextCursor !== null,
    hasPrevious: stack.length > 1,
    next,
    previous,
    reload: page.reload,
    update,
  };
}
