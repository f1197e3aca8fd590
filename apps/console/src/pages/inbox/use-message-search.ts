import { useEffect, useState } from 'react';
import { inboxApi, type SearchHit } from '../../api/inbox.api.ts';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';

export interface MessageSearch {
  hits: SearchHit[];
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
}

/** Full-text search over messages (GET /messages/search), debounced while typing. */
export function useMessageSearch(accountId: number, search: string): MessageSearch {
  const q = useDebouncedValue(search.trim(), 300);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    setHits([]);
    setCursor(null);
    setError(undefined);
    if (!q) return;
    const controller = new AbortController();
    setLoading(true);
    inboxApi.search(accountId, q, null, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setHits(page.items);
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [accountId, q]);

  const loadMore = () => {
    if (!cursor) return;
    setLoading(true);
    inboxApi.search(accountId, q, cursor).then(
      (page) => {
        setHits((current) => [...current, ...page.items]);
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        setError(failure);
        setLoading(false);
      },
    );
  };

  return { hits, loading, error, hasMore: cursor !== null, loadMore };
}
