import { useCallback, useState } from 'react';
import type { FanBatchInput, FanFilter, JobView } from '@zhanggui/shared';
import { fansApi, jobsApi } from '../../api/fans.api.ts';
import { isActive } from './use-fan-sync.ts';

export type BatchAction = FanBatchInput['action'];
export type BatchTarget = { fanIds: number[] } | { filter: FanFilter };

const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

/** Batch tag/untag/blacklist on chosen fans or on every fan matching a filter; large sets run as a job. */
export function useFanBatch(accountId: number) {
  const [running, setRunning] = useState<BatchAction | null>(null);
  const [job, setJob] = useState<JobView | null>(null);

  const run = useCallback(
    async (action: BatchAction, target: BatchTarget, tagId?: number): Promise<number | null> => {
      setRunning(action);
      try {
        const result = await fansApi.batch(accountId, { action, tagId, ...target });
        if ('affected' in result) return result.affected;
        let current: JobView = result;
        setJob(current);
        while (isActive(current)) {
          await sleep(1000);
          current = await jobsApi.get(accountId, current.id);
          setJob(current);
        }
        if (current.state === 'failed' && current.error) throw new Error(current.error.message);
        return current.progress.done;
      } finally {
        setRunning(null);
        setJob(null);
      }
    },
    [accountId],
  );

  return { run, running, job };
}
