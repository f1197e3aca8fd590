import type { AudienceEstimate, BroadcastInput, BroadcastMessage, BroadcastOptions, BroadcastTarget, BroadcastView, QuotaLedger } from '@zhanggui/shared';
import type { MassContent } from '@zhanggui/wechat';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { said } from '../../platform/http/validation-messages.ts';
import type { AccountsService, AccountView } from '../accounts/accounts.service.ts';
import { fanFilterBody } from '../fans/fans.schema.ts';
import { fanWhere } from '../fans/fans.service.ts';
import { JOBS_CHANNEL } from '../jobs/jobs.service.ts';
import type { MaterialsService } from '../materials/materials.service.ts';

export const BROADCAST_SEND = 'broadcast_send';

/** Ids are int4 in the database: larger numbers are bad input, not a database error. */
const dbId = z.number().int().positive().max(2_147_483_647);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const broadcastInput = z.object({
  title: z.string().trim().min(1).max(64),
  message: z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), content: z.string().trim().min(1).max(2000) }),
    z.object({ type: z.literal('image'), materialId: dbId }),
    z.object({ type: z.literal('voice'), materialId: dbId }),
    z.object({ type: z.literal('video'), materialId: dbId }),
    z.object({ type: z.literal('news'), newsId: dbId }),
  ]),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('tag'), tagId: dbId }),
    z.object({ kind: z.literal('filter'), filter: fanFilterBody.omit({ subscribed: true, q: true }) }),
  ]),
  scheduledAt: z.iso.datetime({ offset: true }).nullable().optional(),
  options: z
    .object({
      monthlyCap: z.number().int().min(1).max(31).nullable().optional(),
      quietHours: z.object({ start: hhmm, end: hhmm }).nullable().optional(),
    })
    .default({}),
});

/** wechat-protocol.md §4.5: touser holds 2–10,000 openids. */
export const BATCH_SIZE = 10_000;
const DAILY_LIMIT = 1;
const SERVICE_MONTHLY_LIMIT = 4;
const PER_FAN_MONTHLY = 4;
const BEIJING = 'Asia/Shanghai';

interface BroadcastRow {
  id: number;
  account_id: number;
  title: string;
  status: BroadcastView['status'];
  message: BroadcastMessage;
  target: BroadcastTarget;
  mode: BroadcastView['mode'];
  counts_quota: number;
  options: BroadcastOptions;
  scheduled_at: Date | null;
  job_id: number | null;
  created_by: number | null;
  approved_by: number | null;
  audience: number | null;
  skipped: number;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  batches_total: number;
  batches_sent: number;
  batches_failed: number;
  r_total: number;
  r_filtered: number;
  r_sent: number;
  r_errors: number;
  r_reported: number;
}

const SELECT = `
  select b.*,
         coalesce(x.total, 0) as batches_total, coalesce(x.sent, 0) as batches_sent, coalesce(x.failed, 0) as batches_failed,
         coalesce(x.r_total, 0) as r_total, coalesce(x.r_filtered, 0) as r_filtered, coalesce(x.r_sent, 0) as r_sent,
         coalesce(x.r_errors, 0) as r_errors, coalesce(x.r_reported, 0) as r_reported
    from broadcasts b
    left join lateral (
      select count(*)::int as total, count(*) filter (where bb.status = 'sent')::int as sent, count(*) filter (where bb.status = 'failed')::int as failed,
             sum(r.total_count)::int as r_total, sum(r.filter_count)::int as r_filtered, sum(r.sent_count)::int as r_sent,
             sum(r.error_count)::int as r_errors, count(r.msg_id)::int as r_reported
        from broadcast_batches bb left join mass_job_results r on r.account_id = bb.account_id and r.msg_id = bb.msg_id
       where bb.broadcast_id = b.id
    ) x on true`;

/**
 * Broadcasts: checked against the account's quota, approved when the account asks for it, scheduled, and
 * sent by a checkpointed job (BroadcastSendJob) that resolves the audience once into a snapshot and sends
 * batches each carrying its own clientmsgid, so a retry can never send twice.
 */
export class BroadcastsService {
  constructor(
    private readonly db: Database,
    private readonly accounts: AccountsService,
    private readonly materials: Pick<MaterialsService, 'massContent'>,
  ) {}

  async list(accountId: number): Promise<BroadcastView[]> {
    const rows = await this.db.query<BroadcastRow>(`${SELECT} where b.account_id = $1 order by b.id desc limit 200`, [accountId]);
    return rows.map(present);
  }

  async get(accountId: number, id: number): Promise<BroadcastView> {
    const [row] = await this.db.query<BroadcastRow>(`${SELECT} where b.account_id = $1 and b.id = $2`, [accountId, id]);
    if (!row) throw new AppError('BROADCAST_NOT_FOUND', { id });
    return present(row);
  }

  /** The audience a target reaches now, from our fan data (followers, not blacklisted). */
  async estimate(accountId: number, raw: unknown): Promise<AudienceEstimate> {
    const input = z.object({ target: broadcastInput.shape.target, options: broadcastInput.shape.options }).parse(raw);
    const account = await this.accounts.get(accountId);
    const mode = this.modeFor(account, input.target, input.options);
    const { where, params } = audienceWhere(accountId, input.target);
    const cap = input.options.monthlyCap ?? null;
    const [row] = await this.db.query<{ audience: number; skipped: number }>(
      `select count(*)::int as audience,
              count(*) filter (where ${fatigued('f.id', cap, `$${params.length + 1}`, 'null')})::int as skipped
         from fans f where ${where}`,
      cap === null ? params : [...params, cap],
    );
    return { audience: row!.audience - row!.skipped, skipped: row!.skipped, mode };
  }

  async ledger(accountId: number): Promise<QuotaLedger> {
    const account = await this.accounts.get(accountId);
    return this.ledgerOf(account, new Date());
  }

  /**
   * Creates a broadcast. Without approval (or by someone who may approve) it is scheduled at once: the
   * quota is checked for the day it will go out, and the send job is queued for then.
   */
  async create(accountId: number, operator: { id: number; canApprove: boolean }, raw: BroadcastInput): Promise<BroadcastView> {
    const input = broadcastInput.parse(raw);
    const account = await this.accounts.get(accountId);
    const mode = this.modeFor(account, input.target, input.options);
    await this.checkContent(accountId, input.message);
    if (input.target.kind === 'tag') await this.wechatTag(accountId, input.target.tagId);
    if (mode === 'list' && (await this.estimate(accountId, { target: input.target, options: input.options })).audience < 2) throw new AppError('BROADCAST_AUDIENCE_TOO_SMALL');
    const countsQuota = mode === 'all' || account.accountType === 'subscription' ? 1 : 0;
    const needsApproval = account.settings.broadcastApproval && !operator.canApprove;
    const [row] = await this.db.query<{ id: number }>(
      `insert into broadcasts (account_id, title, status, message, target, mode, counts_quota, options, scheduled_at, created_by)
       values ($1, $2, 'pending_approval', $3, $4, $5, $6, $7, $8, $9) returning id`,
      [accountId, input.title, JSON.stringify(input.message), JSON.stringify(input.target), mode, countsQuota, JSON.stringify(input.options), input.scheduledAt ?? null, operator.id],
    );
    if (!needsApproval) {
      await this.schedule(account, row!.id, null, 'pending_approval').catch(async (error: unknown) => {
        // Refused (the quota): nothing is left behind for someone to approve later.
        await this.db.query('delete from broadcasts where id = $1', [row!.id]);
        throw error;
      });
    }
    return this.get(accountId, row!.id);
  }

  async approve(accountId: number, operatorId: number, id: number): Promise<BroadcastView> {
    const account = await this.accounts.get(accountId);
    await this.get(accountId, id);
    await this.schedule(account, id, operatorId, 'pending_approval');
    return this.get(accountId, id);
  }

  /** Cancels a broadcast that has not started; one that is sending cannot be called back. */
  async cancel(accountId: number, id: number): Promise<BroadcastView> {
    const rows = await this.db.transaction(async (tx) => {
      const cancelled = await tx.query<{ job_id: number | null }>(
        `update broadcasts set status = 'cancelled', finished_at = now()
          where account_id = $1 and id = $2 and status in ('pending_approval', 'scheduled') returning job_id`,
        [accountId, id],
      );
      // The job may have been claimed a moment ago: it checks the broadcast's status before sending anything.
      if (cancelled[0]?.job_id) await tx.query(`update jobs set state = 'cancelled', finished_at = now() where id = $1 and state = 'queued'`, [cancelled[0].job_id]);
      return cancelled;
    });
    if (!rows.length) {
      await this.get(accountId, id);
      throw new AppError('BROADCAST_NOT_EDITABLE');
    }
    return this.get(accountId, id);
  }

  /** What to send: our message → WeChat's mass content (material and news resolved to WeChat's ids). */
  async content(accountId: number, message: BroadcastMessage): Promise<MassContent> {
    return (await this.materials.massContent(accountId, message, 'broadcast')) as MassContent;
  }

  /** WeChat's id of one of our tags (sendall filters by WeChat's tag). */
  async wechatTag(accountId: number, tagId: number): Promise<number> {
    const [tag] = await this.db.query<{ wechat_tag_id: number | null }>('select wechat_tag_id from tags where account_id = $1 and id = $2', [accountId, tagId]);
    if (!tag || tag.wechat_tag_id === null) throw new AppError('VALIDATION_FAILED', [{ path: 'target.tagId', message: 'no such tag on WeChat' }]);
    return tag.wechat_tag_id;
  }

  /** The message's material or news exists in this account (nothing is sent to WeChat until the send). */
  private async checkContent(accountId: number, message: BroadcastMessage): Promise<void> {
    if (message.type === 'text') return;
    const [found] =
      message.type === 'news'
        ? await this.db.query('select 1 from news_drafts where account_id = $1 and id = $2', [accountId, message.newsId])
        : await this.db.query('select 1 from materials where account_id = $1 and id = $2 and kind = $3', [accountId, message.materialId, message.type]);
    if (!found) throw new AppError('VALIDATION_FAILED', [{ path: message.type === 'news' ? 'message.newsId' : 'message.materialId', message: message.type === 'news' ? said('noNews') : said('noMaterial', message.type) }]);
  }

  /** sendall to all or a tag where it fits; openid batches for filters and fatigue caps (service accounts only). */
  private modeFor(account: AccountView, target: BroadcastTarget, options: BroadcastOptions): BroadcastView['mode'] {
    if (!account.verified) throw new AppError('BROADCAST_NOT_ALLOWED');
    const mode = target.kind === 'filter' || options.monthlyCap ? 'list' : target.kind;
    if (mode === 'list' && account.accountType === 'subscription') throw new AppError('BROADCAST_TARGET_NOT_ALLOWED');
    return mode;
  }

  /** Checks the quota for the day the broadcast goes out, then queues its send job for then. */
  private async schedule(account: AccountView, id: number, approvedBy: number | null, from: 'pending_approval'): Promise<void> {
    await this.db.transaction(async (tx) => {
      // One scheduler at a time per account, so two sends cannot both take the last quota; and only from the
      // state the caller saw (a cancel or a second approval in between wins).
      await tx.query('select pg_advisory_xact_lock($1, $2)', [7302, account.id]);
      const [row] = await tx.query<{ counts_quota: number; scheduled_at: Date | null; options: BroadcastOptions }>(
        'select counts_quota, scheduled_at, options from broadcasts where id = $1 and status = $2 for update',
        [id, from],
      );
      if (!row) throw new AppError('BROADCAST_NOT_EDITABLE');
      const at = afterQuietHours(row!.scheduled_at ?? new Date(), row!.options.quietHours ?? null, account.timezone);
      if (row!.counts_quota) {
        const ledger = await this.ledgerOf(account, at, tx);
        if ((ledger.daily && ledger.daily.left <= 0) || (ledger.monthly && ledger.monthly.left <= 0)) {
          throw new AppError('BROADCAST_QUOTA_EXCEEDED', { ...ledger.explanation, daily: ledger.daily, monthly: ledger.monthly });
        }
      }
      const [job] = await tx.query<{ id: number }>(
        `insert into jobs (account_id, kind, payload, max_attempts, run_at) values (null, $1, $2, 20, $3) returning id`,
        [BROADCAST_SEND, JSON.stringify({ accountId: account.id, broadcastId: id }), at],
      );
      // The time it is due (quiet hours may have moved it) is the day its quota is counted on.
      await tx.query(
        `update broadcasts set status = 'scheduled', job_id = $2, approved_by = $3, approved_at = case when $3::int is null then null else now() end, scheduled_at = $4
          where id = $1`,
        [id, job!.id, approvedBy, at],
      );
    });
    await this.db.notify(JOBS_CHANNEL, 'broadcast');
  }

  /** Uses by Beijing day and month of the sends that count: scheduled, sending or sent. */
  private async ledgerOf(account: AccountView, at: Date, db: Pick<Database, 'query'> = this.db): Promise<QuotaLedger> {
    const service = account.accountType === 'service';
    const [used] = await db.query<{ day: number; month: number }>(
      `select count(*) filter (where (coalesce(started_at, scheduled_at, created_at) at time zone '${BEIJING}')::date = ($2::timestamptz at time zone '${BEIJING}')::date)::int as day,
              count(*) filter (where date_trunc('month', coalesce(started_at, scheduled_at, created_at) at time zone '${BEIJING}') = date_trunc('month', $2::timestamptz at time zone '${BEIJING}'))::int as month
         from broadcasts where account_id = $1 and counts_quota = 1 and status in ('scheduled', 'sending', 'sent')`,
      [account.id, at.toISOString()],
    );
    const daily = account.verified ? { limit: DAILY_LIMIT, used: used!.day, left: Math.max(0, DAILY_LIMIT - used!.day) } : null;
    const monthly = account.verified && service ? { limit: SERVICE_MONTHLY_LIMIT, used: used!.month, left: Math.max(0, SERVICE_MONTHLY_LIMIT - used!.month) } : null;
    const explanation = !account.verified
      ? { zh: '未认证的公众号没有群发接口。', en: 'Unverified accounts have no mass-send API.' }
      : service
        ? {
            zh: '认证服务号：群发给全部粉丝每天 1 次、每月 4 次；按标签或名单群发不占用次数，但每位粉丝每月最多收到 4 条群发，超出的粉丝会被微信过滤。',
            en: 'Verified service account: sends to all fans 1 a day and 4 a month; sends to a tag or a list do not use them, but WeChat delivers at most 4 broadcasts per fan per month and filters the rest.',
          }
        : { zh: '认证订阅号：每天可群发 1 次（全部粉丝或一个标签）。', en: 'Verified subscription account: one broadcast a day (to all fans or one tag).' };
    return { accountType: account.accountType, verified: account.verified, allowed: account.verified, daily, monthly, perFanMonthly: service && account.verified ? PER_FAN_MONTHLY : null, canSendToList: service && account.verified, explanation };
  }
}

/** The time itself, or the end of the quiet hours (account time zone) when it falls inside them. */
export function afterQuietHours(at: Date, quiet: { start: string; end: string } | null, timezone: string): Date {
  if (!quiet || quiet.start === quiet.end) return at;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at).map((p) => [p.type, p.value]));
  const minute = Number(parts.hour) * 60 + Number(parts.minute);
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return at;
  const wait = (end - minute + 1440) % 1440;
  // To the start of the minute the quiet hours end.
  return new Date(at.getTime() + wait * 60_000 - at.getUTCSeconds() * 1000 - at.getUTCMilliseconds());
}

/** Followers (not blacklisted) a target reaches; `$1` is the account. */
export function audienceWhere(accountId: number, target: BroadcastTarget): { where: string; params: unknown[] } {
  const filter = target.kind === 'tag' ? { tag: target.tagId } : target.kind === 'filter' ? target.filter : {};
  const { where, params } = fanWhere(accountId, { ...filter, subscribed: true, blacklisted: false });
  return { where, params };
}

/**
 * SQL: whether a fan already got `cap` of our broadcasts in the last 30 days. Without a cap it is the
 * constant false, so a million-fan snapshot does not probe the recipients once per fan.
 */
export function fatigued(fanId: string, cap: number | null, capParam: string, exceptBroadcast: string): string {
  if (cap === null) return 'false';
  return `((select count(*) from broadcast_recipients r join broadcasts b on b.id = r.broadcast_id
            where r.fan_id = ${fanId} and b.started_at > now() - interval '30 days' and b.id is distinct from ${exceptBroadcast}::int
              and exists (select 1 from broadcast_batches bb where bb.broadcast_id = r.broadcast_id and bb.status = 'sent' and r.seq between bb.first_seq and bb.last_seq)) >= ${capParam}::int)`;
}

function present(row: BroadcastRow): BroadcastView {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    message: row.message,
    target: row.target,
    mode: row.mode,
    options: row.options,
    scheduledAt: iso(row.scheduled_at),
    audience: row.audience,
    skipped: row.skipped,
    batches: { total: row.batches_total, sent: row.batches_sent, failed: row.batches_failed },
    results: { total: row.r_total, filtered: row.r_filtered, sent: row.r_sent, errors: row.r_errors, reported: row.r_reported },
    error: row.error,
    createdBy: row.created_by,
    approvedBy: row.approved_by,
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}
