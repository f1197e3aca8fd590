import { useCallback, useEffect, useState } from 'react';
import type { PointsEntry } from '@zhanggui/shared';
import { loyaltyMembersApi } from '../../../api/loyalty.api.ts';

/** A member's points ledger, newest first, older pages on demand ("加载更多"). */
export function usePointsLedger(accountId: number, memberId: number) {
  const [items, setItems] = useState<PointsEntry[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const controller = new AbortController();
    setItems([]);
    setLoading(true);
    setError(undefined);
    loyaltyMembersApi.points(accountId, memberId, null, controller.signal).then(
      (page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [accountId, memberId]);

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    setLoading(true);
    try {
      const page = await loyaltyMembersApi.points(accountId, memberId, nextCursor);
      setItems((current) => [...current, ...page.items.filter((entry) => !current.some((seen) => seen.id === entry.id))]);
      setNextCursor(page.nextCursor);
    } finally {
      setLoading(false);
    }
  }, [accountId, memberId, nextCursor]);

  /** An adjustment just made goes on top without reloading. */
  const prepend = useCallback((entry: PointsEntry) => setItems((current) => [entry, ...current.filter((seen) => seen.id !== entry.id)]), []);

  return { items, hasMore: nextCursor !== null, loading, error, loadMore, prepend };
}
