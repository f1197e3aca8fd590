import { useCallback, useEffect, useRef } from 'react';
import type { BroadcastView } from '@zhanggui/shared';
import { broadcastsApi } from '../../api/broadcasts.api.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { LIVE_STATUSES } from './broadcast-labels.ts';

const POLL_MS = 2000;

/**
 * The broadcasts and the quota ledger. While one is scheduled or sending the list is asked for every 2 s
 * (progress, WeChat's reports); when one finishes, the ledger is read again.
 */
export function useBroadcasts(accountId: number) {
  const list = useResource((signal) => broadcastsApi.list(accountId, signal), [accountId]);
  const quota = useResource((signal) => broadcastsApi.quota(accountId, signal), [accountId]);
  const { setData } = list;
  const reloadQuota = quota.reload;

  const live = (list.data ?? []).filter((broadcast) => LIVE_STATUSES.includes(broadcast.status)).length;
  const wasLive = useRef(live);
  useEffect(() => {
    if (live < wasLive.current) reloadQuota();
    wasLive.current = live;
  }, [live, reloadQuota]);

  useEffect(() => {
    if (live === 0) return;
    let stopped = false;
    const timer = window.setInterval(() => {
      void broadcastsApi.list(accountId).then((items) => !stopped && setData(items), () => {});
    }, POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [accountId, live > 0, setData]);

  const replace = useCallback(
    (changed: BroadcastView) => {
      setData((items) => (items?.some((item) => item.id === changed.id) ? items.map((item) => (item.id === changed.id ? changed : item)) : [changed, ...(items ?? [])]));
      reloadQuota();
    },
    [setData, reloadQuota],
  );
  const cancel = useCallback(async (id: number) => replace(await broadcastsApi.cancel(accountId, id)), [accountId, replace]);
  const approve = useCallback(async (id: number) => replace(await broadcastsApi.approve(accountId, id)), [accountId, replace]);

  return { list, quota, replace, cancel, approve };
}
