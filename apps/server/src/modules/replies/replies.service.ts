import { and, asc, eq } from 'drizzle-orm';
import type { Reply } from '@zhanggui/wechat';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { ACCOUNT_CHANGED } from '../accounts/accounts.service.ts';
import { CompiledReplies, type ReplyRule } from './reply-engine.ts';
import { replyRules } from './replies.table.ts';
import { ruleInput, type RuleInput } from './replies.schema.ts';

/** Reply rules of one account at a time; every change tells all nodes to recompile. */
export class RepliesService {
  constructor(private readonly db: Database) {}

  async list(accountId: number): Promise<ReplyRule[]> {
    const rows = await this.db.orm.select().from(replyRules).where(eq(replyRules.accountId, accountId)).orderBy(asc(replyRules.id));
    return rows.map(present);
  }

  async create(accountId: number, raw: RuleInput): Promise<ReplyRule> {
    const input = ruleInput.parse(raw);
    const [row] = await this.db.orm
      .insert(replyRules)
      .values({ accountId, ...input, replies: input.replies as Reply[] })
      .returning();
    await this.changed(accountId);
    return present(row!);
  }

  async update(accountId: number, ruleId: number, raw: RuleInput): Promise<ReplyRule> {
    const input = ruleInput.parse(raw);
    const [row] = await this.db.orm
      .update(replyRules)
      .set({ ...input, replies: input.replies as Reply[], updatedAt: new Date() })
      .where(and(eq(replyRules.accountId, accountId), eq(replyRules.id, ruleId)))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', { ruleId });
    await this.changed(accountId);
    return present(row);
  }

  async remove(accountId: number, ruleId: number): Promise<void> {
    const rows = await this.db.orm
      .delete(replyRules)
      .where(and(eq(replyRules.accountId, accountId), eq(replyRules.id, ruleId)))
      .returning({ id: replyRules.id });
    if (!rows.length) throw new AppError('NOT_FOUND', { ruleId });
    await this.changed(accountId);
  }

  /** The account's rules compiled for the webhook. */
  async compile(accountId: number): Promise<CompiledReplies> {
    return new CompiledReplies(await this.list(accountId));
  }

  private async changed(accountId: number): Promise<void> {
    await this.db.notify(ACCOUNT_CHANGED, String(accountId));
  }
}

function present(row: typeof replyRules.$inferSelect): ReplyRule {
  return {
    id: row.id,
    name: row.name,
    trigger: row.trigger,
    keywords: row.keywords,
    replies: row.replies,
    priority: row.priority,
    enabled: row.enabled,
  };
}
