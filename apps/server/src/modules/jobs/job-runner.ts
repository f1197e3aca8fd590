import type { Database } from '../../platform/db/database.ts';
import type { Logger } from '../../platform/logger.ts';
import { JOBS_CHANNEL, type JobRow } from './jobs.service.ts';

/** What a handler gets: the job, its last checkpoint, and ways to save progress and notice cancellation. */
export interface JobContext {
  job: JobRow;
  checkpoint: Record<string, unknown> | null;
  /** Saves the cursor and counts after a batch; a resumed job starts from here. Throws if the job was cancelled. */
  save(checkpoint: Record<string, unknown>, progress: { done: number; total: number | null; message?: string }): Promise<void>;
  signal: AbortSignal;
}

export interface JobHandler {
  run(context: JobContext): Promise<void>;
  /** Retry policy, declared next to the job's code: delay before attempt n+1. */
  backoffMs?(attempt: number): number;
}

export class JobCancelledError extends Error {
  override readonly name = 'JobCancelledError';
}

const LEASE_SECONDS = 30;

/**
 * The worker role: claims due jobs (SKIP LOCKED, so several workers share the queue), holds each through a
 * renewed lease, and records the outcome. A worker that dies leaves an expired lease; the next claim
 * resumes the job from its checkpoint.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private running = 0;
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly active = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly owner: string,
    private readonly options: { concurrency: number; pollMs: number } = { concurrency: 2, pollMs: 1000 },
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.unlisten = await this.db.listen(JOBS_CHANNEL, () => this.wake?.());
    void this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    if (this.timer) clearTimeout(this.timer);
    await this.unlisten?.();
    await Promise.allSettled([...this.active]);
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let claimed = false;
      if (this.running < this.options.concurrency) {
        try {
          const job = await this.claim();
          if (job) {
            claimed = true;
            const execution = this.execute(job).finally(() => {
              this.active.delete(execution);
              this.running--;
              this.wake?.();
            });
            this.running++;
            this.active.add(execution);
          }
        } catch (error) {
          if (!this.stopped) this.logger.warn({ err: error }, 'job claim failed');
        }
      }
      if (!claimed) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          this.timer = setTimeout(resolve, this.options.pollMs);
        });
      }
    }
  }

  private async claim(): Promise<JobRow | null> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return null;
    const [job] = await this.db.query<JobRow>(
      `update jobs set state = 'running', lease_owner = $1, lease_until = now() + make_interval(secs => $2::float8),
              started_at = coalesce(started_at, now()), attempts = attempts + 1
        where id = (select id from jobs
                     where kind = any($3::text[])
                       and ((state = 'queued' and run_at <= now()) or (state = 'running' and lease_until < now()))
                     order by run_at, id limit 1 for update skip locked)
        returning *`,
      [this.owner, LEASE_SECONDS, kinds],
    );
    return job ?? null;
  }

  private async execute(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.kind)!;
    const abort = new AbortController();
    const heartbeat = setInterval(() => {
      this.renew(job.id)
        .then((held) => {
          if (!held) abort.abort();
        })
        .catch(() => {});
    }, (LEASE_SECONDS * 1000) / 3);
    try {
      await handler.run({
        job,
        checkpoint: job.checkpoint,
        signal: abort.signal,
        save: async (checkpoint, progress) => {
          const [held] = await this.db.query(
            `update jobs set checkpoint = $2, progress = $3, lease_until = now() + make_interval(secs => $5::float8)
              where id = $1 and state = 'running' and lease_owner = $4 returning id`,
            [job.id, JSON.stringify(checkpoint), JSON.stringify(progress), this.owner, LEASE_SECONDS],
          );
          if (!held) {
            abort.abort();
            throw new JobCancelledError(`job ${job.id} was cancelled or taken over`);
          }
        },
      });
      await this.db.query(
        `update jobs set state = 'succeeded', finished_at = now(), lease_owner = null, lease_until = null, error = null
          where id = $1 and lease_owner = $2 and state = 'running'`,
        [job.id, this.owner],
      );
    } catch (error) {
      if (error instanceof JobCancelledError) return;
      const message = (error as Error).message?.slice(0, 500) ?? String(error);
      const code = (error as { code?: string }).code ?? 'JOB_FAILED';
      const retry = job.attempts < job.max_attempts;
      const delay = handler.backoffMs?.(job.attempts) ?? Math.min(60_000, 2000 * 2 ** (job.attempts - 1));
      this.logger.warn({ err: error, jobId: job.id, kind: job.kind, attempt: job.attempts, retry }, 'job failed');
      await this.db.query(
        `update jobs set state = $3, error = $4, lease_owner = null, lease_until = null,
                run_at = now() + make_interval(secs => $5::float8), finished_at = case when $3 = 'failed' then now() end
          where id = $1 and lease_owner = $2 and state = 'running'`,
        [job.id, this.owner, retry ? 'queued' : 'failed', JSON.stringify({ code, message }), delay / 1000],
      );
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async renew(id: number): Promise<boolean> {
    const rows = await this.db.query(
      `update jobs set lease_until = now() + make_interval(secs => $3::float8) where id = $1 and lease_owner = $2 and state = 'running' returning id`,
      [id, this.owner, LEASE_SECONDS],
    );
    return rows.length > 0;
  }
}
