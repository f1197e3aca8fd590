import { useCallback, useEffect, useState } from 'react';
import type { FlowSubmission } from '@zhanggui/shared';
import { flowsApi } from '../../api/flows.api.ts';

/** A flow's submissions, newest pages appended as the operator loads more; `all` fetches the rest (for CSV). */
export function useSubmissions(accountId: number, flowId: number | null) {
  const [items, setItems] = useState<FlowSubmission[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    setItems([]);
    setCursor(null);
    setDone(false);
    setError(undefined);
    if (flowId === null) return;
    let cancelled = false;
    setLoading(true);
    flowsApi.submissions(accountId, flowId, null).then(
      (page) => {
        if (cancelled) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setDone(page.nextCursor === null);
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
  }, [accountId, flowId]);

  const loadMore = useCallback(async () => {
    if (flowId === null || done || !cursor) return;
    setLoading(true);
    try {
      const page = await flowsApi.submissions(accountId, flowId, cursor);
      setItems((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
      setDone(page.nextCursor === null);
    } finally {
      setLoading(false);
    }
  }, [accountId, flowId, cursor, done]);

  /** Every submission: what is loaded plus the remaining pages. */
  const all = useCallback(async (): Promise<FlowSubmission[]> => {
    if (flowId === null) return [];
    const result = [...items];
    let next = done ? null : cursor;
    while (next) {
      const page = await flowsApi.submissions(accountId, flowId, next);
      result.push(...page.items);
      next = page.nextCursor;
    }
    return result;
  }, [accountId, flowId, items, cursor, done]);

  return { items, loading, error, hasMore: !done, loadMore, all };
}
