import { and, asc, eq } from 'drizzle-orm';
import type { ReplyAction, RuleView } from '@zhanggui/shared';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { ACCOUNT_CHANGED } from '../accounts/accounts.service.ts';
import { localDate } from '../stats/stats.service.ts';
import { replyRules } from './replies.table.ts';
import { ruleInput, type RuleInput, type RuleValues } from './replies.schema.ts';
import { said } from '../../platform/http/validation-messages.ts';

/** Reply rules of one account at a time; every change tells all nodes to recompile. */
export class RepliesService {
  constructor(private readonly db: Database) {}

  /** The account's rules without hit counts: what the reply brain compiles. */
  async rules(accountId: number): Promise<RuleView[]> {
    return (await this.rows(accountId)).map((row) => present(row));
  }

  /** The account's rules with their hit counts (today, 7 days, total), for the console. */
  async list(accountId: number, timezone = 'Asia/Shanghai'): Promise<RuleView[]> {
    const rows = await this.rows(accountId);
    const today = localDate(new Date(), timezone);
    const weekAgo = localDate(new Date(Date.now() - 6 * 86_400_000), timezone);
    const hits = await this.db.query<{ rule_id: number; today: number; week: number; total: number }>(
      `select rule_id, coalesce(sum(hits) filter (where day = $2), 0)::int as today,
              coalesce(sum(hits) filter (where day >= $3), 0)::int as week, coalesce(sum(hits), 0)::int as total
         from reply_rule_hits where account_id = $1 group by rule_id`,
      [accountId, today, weekAgo],
    );
    const byRule = new Map(hits.map((h) => [h.rule_id, { today: h.today, last7Days: h.week, total: h.total }]));
    return rows.map((row) => present(row, byRule.get(row.id)));
  }

  private rows(accountId: number) {
    return this.db.orm.select().from(replyRules).where(eq(replyRules.accountId, accountId)).orderBy(asc(replyRules.id));
  }

  async create(accountId: number, raw: RuleInput): Promise<RuleView> {
    const input = await this.validate(accountId, raw);
    const [row] = await this.db.orm.insert(replyRules).values({ accountId, ...input }).returning();
    await this.changed(accountId);
    return present(row!);
  }

  async update(accountId: number, ruleId: number, raw: RuleInput): Promise<RuleView> {
    const input = await this.validate(accountId, raw);
    const [row] = await this.db.orm
      .update(replyRules)
      .set({ ...input, updatedAt: new Date() })
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

  /** Schema checks, then references: a rule may only start this account's flows. */
  private async validate(accountId: number, raw: RuleInput): Promise<RuleValues> {
    const input = ruleInput.parse(raw);
    await checkFlowRefs(this.db, accountId, input.replies, 'replies');
    return input;
  }

  private async changed(accountId: number): Promise<void> {
    await this.db.notify(ACCOUNT_CHANGED, String(accountId));
  }
}

/** Replies may only start this account's flows (rules, menu buttons, channel welcomes). */
export async function checkFlowRefs(db: Database, accountId: number, actions: ReplyAction[], path: string): Promise<void> {
  const flowIds = actions.flatMap((action) => (action.type === 'flow' ? [action.flowId] : []));
  if (!flowIds.length) return;
  const found = await db.query<{ id: number }>('select id from flows where account_id = $1 and id = any($2::int[])', [accountId, flowIds]);
  const missing = flowIds.filter((id) => !found.some((row) => row.id === id));
  if (missing.length) throw new AppError('VALIDATION_FAILED', [{ path, message: said('noFlow', missing.join(', ')) }]);
}

function present(row: typeof replyRules.$inferSelect, hits = { today: 0, last7Days: 0, total: 0 }): RuleView {
  return {
    id: row.id,
    name: row.name,
    trigger: row.trigger,
    keywords: row.keywords,
    messageTypes: row.messageTypes,
    ignoreCase: row.ignoreCase,
    foldWidth: row.foldWidth,
    replies: row.replies,
    replyMode: row.replyMode,
    priority: row.priority,
    enabled: row.enabled,
    schedule: row.schedule,
    hits,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
