import type { JobContext, JobHandler } from '../../jobs/job-runner.ts';
import type { TagsService } from '../../tags/tags.service.ts';
import type { FanFilter } from '../fans.schema.ts';
import type { FansService } from '../fans.service.ts';

export const FANS_BATCH = 'fans_batch';

/** Tag, untag or (un)blacklist every fan matching a filter, in checkpointed pages (resumable). */
export class FansBatchJob implements JobHandler {
  constructor(
    private readonly fans: FansService,
    private readonly tags: TagsService,
  ) {}

  async run(context: JobContext): Promise<void> {
    const accountId = context.job.account_id!;
    const payload = context.job.payload as { action: 'tag' | 'untag' | 'blacklist' | 'unblacklist'; tagId?: number; filter: FanFilter; total?: number };
    let { afterId, done } = (context.checkpoint as { afterId: number; done: number } | null) ?? { afterId: 0, done: 0 };
    const total = await this.fans.count(accountId, payload.filter);
    for await (const ids of this.fans.idsMatching(accountId, payload.filter, 500)) {
      const pending = ids.filter((id) => id > afterId);
      if (pending.length === 0) continue;
      if (payload.action === 'tag' || payload.action === 'untag') await this.tags.setTag(accountId, payload.tagId!, pending, payload.action === 'tag');
      else await this.tags.setBlacklisted(accountId, pending, payload.action === 'blacklist');
      afterId = pending.at(-1)!;
      done += pending.length;
      await context.save({ afterId, done }, { done, total: Math.max(total, done) });
    }
  }
}
