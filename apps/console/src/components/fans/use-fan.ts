import { useCallback } from 'react';
import type { FanView } from '@zhanggui/shared';
import { fansApi } from '../../api/fans.api.ts';
import { useResource } from '../../hooks/use-resource.ts';

/** One fan with the edits an operator makes from the inbox or the fan drawer. */
export function useFan(accountId: number, fanId: number) {
  const resource = useResource(() => fansApi.get(accountId, fanId), [accountId, fanId]);
  const { setData, reload } = resource;

  const saveRemark = useCallback(
    async (remark: string) => setData(await fansApi.updateRemark(accountId, fanId, remark)),
    [accountId, fanId, setData],
  );
  const setTag = useCallback(
    async (tagId: number, on: boolean) => {
      await fansApi.batch(accountId, { action: on ? 'tag' : 'untag', tagId, fanIds: [fanId] });
      reload();
    },
    [accountId, fanId, reload],
  );
  const setBlacklisted = useCallback(
    async (on: boolean) => {
      await fansApi.batch(accountId, { action: on ? 'blacklist' : 'unblacklist', fanIds: [fanId] });
      setData((fan: FanView | undefined) => (fan ? { ...fan, blacklisted: on } : fan));
    },
    [accountId, fanId, setData],
  );

  return { ...resource, saveRemark, setTag, setBlacklisted };
}
