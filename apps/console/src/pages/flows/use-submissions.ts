import { useCallback, useEffect, useState } from 'react';
import type { FlowSubmission } from '@zhanggui/shared';
import { flowsApi } from '../../api/flows.api.ts';

/** A flow's submissions, newest pages appended as the operator loads more; `all` fetches the rest (for CSV). */
export function useSubmissions(accountId: number, flowId: number | null) {
  const [items, setItems] = useState<FlowSubmission[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    setItems([]);
    setCursor(null);
    setError(undefined);
    if (flowId === null) return;
    let cancelled = false;
    setLoading(true);
    flowsApi.submissions(accountId, flowId, null).then(
      (page) => {
        if (cancelled) return;
        setItems(page.items);
        setCursor(page.nextCursor);
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
    if (flowId === null || !cursor) return;
    setLoading(true);
    try {
      const page = await flowsApi.submissions(accountId, flowId, cursor);
      setItems((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
    } finally {
      setLoading(false);
    }
  }, [accountId, flowId, cursor]);

  /** Every submission: what is loaded plus the remaining pages. */
  const all = useCallback(async (): Promise<FlowSubmission[]> => {
    if (flowId === null) return [];
    const result = [...items];
    let next = cursor;
    while (next) {
      const page = await flowsApi.submissions(accountId, flowId, next);
      result.push(...page.items);
      next = page.nextCursor;
    }
    return result;
  }, [accountId, flowId, items, cursor]);

  return { items, loading, error, hasMore: cursor !== null, loadMore, all };
}
