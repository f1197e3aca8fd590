import { useEffect, useRef, useState } from 'react';
import type { AccountOverview } from '@zhanggui/shared';
import { accountsApi } from '../../api/accounts.api.ts';
import { useInboxEvents } from '../../live/inbox-stream.tsx';

const POLL_MS = 30_000;
const EVENT_THROTTLE_MS = 2_000;

export interface OverviewState {
  overview: AccountOverview | undefined;
  error: unknown;
  loading: boolean;
  updatedAt: number | null;
  reload: () => void;
}

/** The home page's counts: polled every 30 s, and refreshed shortly after inbox events. */
export function useOverview(accountId: number): OverviewState {
  const [overview, setOverview] = useState<AccountOverview>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const pending = useRef<number | undefined>(undefined);
  const load = useRef<() => void>(() => {});

  useEffect(() => {
    let cancelled = false;
    setOverview(undefined);
    setLoading(true);
    load.current = () => {
      accountsApi.overview(accountId).then(
        (result) => {
          if (cancelled) return;
          setOverview(result);
          setError(undefined);
          setUpdatedAt(Date.now());
          setLoading(false);
        },
        (failure: unknown) => {
          if (cancelled) return;
          setError(failure);
          setLoading(false);
        },
      );
    };
    load.current();
    const timer = window.setInterval(() => load.current(), POLL_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
      window.clearTimeout(pending.current);
      pending.current = undefined;
    };
  }, [accountId]);

  useInboxEvents(() => {
    if (pending.current !== undefined) return;
    pending.current = window.setTimeout(() => {
      pending.current = undefined;
      load.current();
    }, EVENT_THROTTLE_MS);
  });

  return { overview, error, loading, updatedAt, reload: () => load.current() };
}
