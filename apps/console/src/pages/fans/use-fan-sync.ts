import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobView } from '@zhanggui/shared';
import { fansApi, jobsApi } from '../../api/fans.api.ts';

const POLL_MS = 1000;
const ACTIVE: ReadonlyArray<JobView['state']> = ['queued', 'running'];

export function isActive(job: JobView | null | undefined): boolean {
  return !!job && ACTIVE.includes(job.state);
}

/**
 * The fan sync job: the last one is shown when the page opens (and followed if still running); starting
 * one polls GET /jobs/:id every second until it finishes, then calls `onFinished`.
 */
export function useFanSync(accountId: number, onFinished: (job: JobView) => void) {
  const [job, setJob] = useState<JobView | null>(null);
  const [starting, setStarting] = useState(false);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    let cancelled = false;
    setJob(null);
    jobsApi.latest(accountId, 'fan_sync').then(
      (jobs) => !cancelled && setJob(jobs[0] ?? null),
      () => {},
    );
    return () => {
      cancelled = true;
    };
  }, [accountId]);

  const jobId = job?.id;
  const active = isActive(job);
  useEffect(() => {
    if (!active || jobId === undefined) return;
    const timer = window.setInterval(() => {
      jobsApi.get(accountId, jobId).then(
        (next) => {
          setJob(next);
          if (!isActive(next)) finished.current(next);
        },
        () => {},
      );
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [accountId, jobId, active]);

  const start = useCallback(
    async (mode: 'full' | 'incremental') => {
      setStarting(true);
      try {
        setJob(await fansApi.sync(accountId, mode));
      } finally {
        setStarting(false);
      }
    },
    [accountId],
  );

  const cancel = useCallback(async () => {
    if (jobId === undefined) return;
    const cancelled = await jobsApi.cancel(accountId, jobId);
    setJob(cancelled);
    // Part of the fans may have been synced before the stop.
    if (!isActive(cancelled)) finished.current(cancelled);
  }, [accountId, jobId]);

  return { job, starting, start, cancel };
}
