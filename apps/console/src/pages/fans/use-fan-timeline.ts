import { useCallback, useEffect, useState } from 'react';
import type { MessageView } from '@zhanggui/shared';
import { fansApi } from '../../api/fans.api.ts';

/** A fan's whole history (messages, events, replies), newest page first, earlier pages on demand. */
export function useFanTimeline(accountId: number, fanId: number) {
  const [items, setItems] = useState<MessageView[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let cancelled = false;
    setItems([]);
    setLoading(true);
    fansApi.timeline(accountId, fanId, null).then(
      (page) => {
        if (cancelled) return;
        setItems(page.items);
        setHasMore(page.hasMore);
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
  }, [accountId, fanId]);

  const loadEarlier = useCallback(async () => {
    const oldest = items[0];
    if (!oldest) return;
    setLoading(true);
    try {
      const page = await fansApi.timeline(accountId, fanId, oldest.id);
      setItems((current) => [...page.items.filter((m) => !current.some((c) => c.id === m.id)), ...current]);
      setHasMore(page.hasMore);
    } finally {
      setLoading(false);
    }
  }, [accountId, fanId, items]);

  return { items, hasMore, loading, error, loadEarlier };
}
