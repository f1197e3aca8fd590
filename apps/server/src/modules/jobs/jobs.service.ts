import type { JobView } from '@zhanggui/shared';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';

export const JOBS_CHANNEL = 'zg_jobs';

export interface JobRow {
  id: number;
  account_id: number | null;
  kind: string;
  state: JobView['state'];
  payload: Record<string, unknown>;
  checkpoint: Record<string, unknown> | null;
  progress: JobView['progress'];
  error: { code: string; message: string } | null;
  attempts: number;
  max_attempts: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** Enqueueing and reading jobs. Workers run them (JobRunner). */
export class JobsService {
  constructor(private readonly db: Database) {}

  /** Queues a job; with `unique`, refuses when one of the same kind is queued or running for the account. */
  async enqueue(input: { accountId: number | null; kind: string; payload?: Record<string, unknown>; createdBy?: number; maxAttempts?: number; runAt?: Date }): Promise<JobView> {
    const rows = await this.db.query<JobRow>(
      `insert into jobs (account_id, kind, payload, created_by, max_attempts, run_at)
       values ($1, $2, $3, $4, $5, coalesce($6, now()))
       on conflict (account_id, kind) where state in ('queued', 'running') do nothing
       returning *`,
      [input.accountId, input.kind, JSON.stringify(input.payload ?? {}), input.createdBy ?? null, input.maxAttempts ?? 5, input.runAt ?? null],
    );
    if (!rows[0]) throw new AppError('JOB_ALREADY_RUNNING', { kind: input.kind });
    await this.db.notify(JOBS_CHANNEL, String(rows[0].id));
    return presentJob(rows[0]);
  }

  async get(accountId: number, id: number): Promise<JobView> {
    const [row] = await this.db.query<JobRow>('select * from jobs where account_id = $1 and id = $2', [accountId, id]);
    if (!row) throw new AppError('JOB_NOT_FOUND', { id });
    return presentJob(row);
  }

  async list(accountId: number, kind: string | undefined, limit = 20): Promise<JobView[]> {
    const rows = await this.db.query<JobRow>(
      'select * from jobs where account_id = $1 and ($2::text is null or kind = $2) order by id desc limit $3',
      [accountId, kind ?? null, limit],
    );
    return rows.map(presentJob);
  }

  async cancel(accountId: number, id: number): Promise<JobView> {
    const [row] = await this.db.query<JobRow>(
      `update jobs set state = 'cancelled', finished_at = now(), lease_owner = null, lease_until = null
        where account_id = $1 and id = $2 and state in ('queued', 'running') returning *`,
      [accountId, id],
    );
    return row ? presentJob(row) : this.get(accountId, id);
  }
}

export function presentJob(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    progress: row.progress,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
