import type { BroadcastMessage, BroadcastOptions, BroadcastTarget } from '@zhanggui/shared';
import { WechatApiError, type MassContent } from '@zhanggui/wechat';
import type { Database } from '../../platform/db/database.ts';
import type { TokenBroker } from '../../wechat-gateway/token-broker.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { JobContext, JobHandler } from '../jobs/job-runner.ts';
import { audienceWhere, BATCH_SIZE, fatigued, type BroadcastsService } from './broadcasts.service.ts';

/** WeChat answers these when a call may simply be tried again soon (busy, a clientmsgid repeated too fast). */
const RETRY_LATER = new Set([-1, 45066]);
/** 45065: this clientmsgid was already submitted; the answer carries the msg_id it got. */
const ALREADY_SENT = 45065;
/** wechat-protocol.md §4.5: mass endpoints take at most 60 requests a minute. */
const CALLS_PER_MINUTE = 60;

interface Broadcast {
  id: number;
  account_id: number;
  status: string;
  message: BroadcastMessage;
  target: BroadcastTarget;
  mode: 'all' | 'tag' | 'list';
  options: BroadcastOptions;
  created_at: Date;
}

/**
 * Each batch's clientmsgid: the account, the broadcast and when it was created (so a restored or reset
 * database, or another installation on the same AppID, never reuses one), then the batch number.
 */
export function clientMsgIdPrefix(broadcast: { account_id: number; id: number; created_at: Date }): string {
  return `zg-${broadcast.account_id}-${broadcast.id}-${new Date(broadcast.created_at).getTime().toString(36)}`;
}

interface Batch {
  batch_no: number;
  client_msg_id: string;
  first_seq: number;
  last_seq: number;
}

/**
 * Sends one broadcast. Every step can be run again after a crash: the audience snapshot and the batches
 * are written in one transaction (once); each batch is a mass-send call with its own clientmsgid, so a call
 * repeated after a crash (sent, but not yet marked) is answered 45065 with the msg_id and marked, not sent
 * twice.
 */
export class BroadcastSendJob implements JobHandler {
  constructor(
    private readonly db: Database,
    private readonly tokens: TokenBroker,
    private readonly broadcasts: BroadcastsService,
  ) {}

  backoffMs(attempt: number): number {
    return Math.min(60_000, 1000 * 2 ** Math.min(attempt, 6));
  }

  async run(context: JobContext): Promise<void> {
    const { accountId, broadcastId } = context.job.payload as { accountId: number; broadcastId: number };
    const [broadcast] = await this.db.query<Broadcast>(
      `update broadcasts set status = 'sending', started_at = coalesce(started_at, now())
        where id = $1 and account_id = $2 and status in ('scheduled', 'sending') returning *`,
      [broadcastId, accountId],
    );
    // Cancelled (or already finished) before the job got to it: nothing to send.
    if (!broadcast) return;
    try {
      await this.send(context, broadcast);
    } catch (error) {
      // Our own refusals (content or tag gone) will not get better; nor does anything on the last attempt.
      const permanent = error instanceof AppError || context.job.attempts >= context.job.max_attempts;
      if (!permanent) throw error;
      const reason = error instanceof WechatApiError ? `${error.errcode} ${error.errmsg}` : error instanceof AppError ? error.code : (error as Error).message;
      await this.db.query(`update broadcast_batches set status = 'failed', error = $2 where broadcast_id = $1 and status = 'pending'`, [broadcast.id, reason]);
      await this.finish(broadcast.id);
    }
  }

  private async send(context: JobContext, broadcast: Broadcast): Promise<void> {
    const accountId = broadcast.account_id;
    const total = await this.prepare(broadcast);
    if (total === 0) {
      await this.db.query(`update broadcasts set status = 'failed', finished_at = now(), error = 'BROADCAST_AUDIENCE_TOO_SMALL' where id = $1`, [broadcast.id]);
      return;
    }
    const client = this.tokens.clientFor(accountId);

    let sent = 0;
    for (;;) {
      if (context.signal.aborted) return;
      const [batch] = await this.db.query<Batch>(
        `select batch_no, client_msg_id, first_seq, last_seq from broadcast_batches where broadcast_id = $1 and status = 'pending' order by batch_no limit 1`,
        [broadcast.id],
      );
      if (!batch) break;
      // Per batch: an mpnews send takes the draft out of WeChat's draft box, so the next batch puts it back.
      const content = await this.broadcasts.content(accountId, broadcast.message);
      await this.pace(accountId);
      let msgId: string | null = null;
      try {
        const answer = await this.call(client, broadcast, batch, content);
        msgId = String(answer.msg_id);
        await this.mark(broadcast.id, batch.batch_no, 'sent', msgId, answer.msg_data_id, null);
      } catch (error) {
        if (error instanceof WechatApiError && error.errcode === ALREADY_SENT && error.body.msg_id !== undefined) {
          msgId = String(error.body.msg_id);
          await this.mark(broadcast.id, batch.batch_no, 'sent', msgId, undefined, null);
        } else if (error instanceof WechatApiError && !RETRY_LATER.has(error.errcode)) {
          // WeChat refused this batch for good (quota, bad media, the day's calls used up…): recorded, and the rest goes on.
          await this.mark(broadcast.id, batch.batch_no, 'failed', null, undefined, `${error.errcode} ${error.errmsg}`);
        } else throw error;
      }
      if (msgId && content.msgtype === 'mpnews') {
        await this.db.query('update news_drafts set wechat_media_id = null where account_id = $1 and wechat_media_id = $2', [accountId, content.mpnews.media_id]);
      }
      sent += 1;
      await context.save({ broadcastId: broadcast.id }, { done: sent, total, message: `batch ${batch.batch_no + 1}/${total}` });
    }
    await this.finish(broadcast.id);
  }

  /** Sent if any batch went out, failed otherwise; the first refusal is the broadcast's error. */
  private async finish(broadcastId: number): Promise<void> {
    const [state] = await this.db.query<{ sent: number; error: string | null }>(
      `select count(*) filter (where status = 'sent')::int as sent, min(error) filter (where status = 'failed') as error
         from broadcast_batches where broadcast_id = $1`,
      [broadcastId],
    );
    await this.db.query(`update broadcasts set status = $2, finished_at = now(), error = $3 where id = $1 and status = 'sending'`, [
      broadcastId,
      state!.sent > 0 ? 'sent' : 'failed',
      state!.error,
    ]);
  }

  /**
   * Resolves the audience once and splits it into batches (only the first run writes them). Returns the
   * number of batches.
   */
  private async prepare(broadcast: Broadcast): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [existing] = await tx.query<{ n: number }>('select count(*)::int as n from broadcast_batches where broadcast_id = $1', [broadcast.id]);
      if (existing!.n > 0) return existing!.n;
      const clientMsgId = (no: number) => `${clientMsgIdPrefix(broadcast)}-${no}`;
      if (broadcast.mode !== 'list') {
        // sendall: WeChat resolves everyone or the tag itself; our estimate is the audience on record.
        const { where, params } = audienceWhere(broadcast.account_id, broadcast.target);
        const [row] = await tx.query<{ n: number }>(`select count(*)::int as n from fans f where ${where}`, params);
        await tx.query(`update broadcasts set audience = $2 where id = $1`, [broadcast.id, row!.n]);
        await tx.query(
          `insert into broadcast_batches (broadcast_id, batch_no, account_id, client_msg_id, first_seq, last_seq) values ($1, 0, $2, $3, 0, 0)`,
          [broadcast.id, broadcast.account_id, clientMsgId(0)],
        );
        return 1;
      }
      const { where, params } = audienceWhere(broadcast.account_id, broadcast.target);
      const monthlyCap = broadcast.options.monthlyCap ?? null;
      const id = `$${params.length + 1}`;
      const cap = `$${params.length + 2}`;
      const [counts] = await tx.query<{ eligible: number; taken: number }>(
        `with chosen as (
           insert into broadcast_recipients (broadcast_id, seq, fan_id, openid)
           select ${id}, row_number() over (order by f.id), f.id, f.openid from fans f
            where ${where} and not ${fatigued('f.id', monthlyCap, cap, id)}
           returning 1)
         select (select count(*)::int from fans f where ${where}) as eligible, (select count(*)::int from chosen) as taken`,
        monthlyCap === null ? [...params, broadcast.id] : [...params, broadcast.id, monthlyCap],
      );
      const n = counts!.taken;
      await tx.query('update broadcasts set audience = $2, skipped = $3 where id = $1', [broadcast.id, n, counts!.eligible - n]);
      if (n < 2) return 0;
      // Even batches of at most 10,000: never one of a single openid (40130 needs two).
      const k = Math.ceil(n / BATCH_SIZE);
      await tx.query(
        `insert into broadcast_batches (broadcast_id, batch_no, account_id, client_msg_id, first_seq, last_seq)
         select $1::int, g, $2::int, $5::text || '-' || g, (g * $3::bigint) / $4::int + 1, ((g + 1) * $3::bigint) / $4::int
           from generate_series(0, $4::int - 1) g`,
        [broadcast.id, broadcast.account_id, n, k, clientMsgIdPrefix(broadcast)],
      );
      return k;
    });
  }

  private async call(client: ReturnType<TokenBroker['clientFor']>, broadcast: Broadcast, batch: Batch, content: MassContent) {
    if (broadcast.mode === 'list') {
      const rows = await this.db.query<{ openid: string }>(
        'select openid from broadcast_recipients where broadcast_id = $1 and seq between $2 and $3 order by seq',
        [broadcast.id, batch.first_seq, batch.last_seq],
      );
      return client.mass.send({ ...content, touser: rows.map((r) => r.openid), send_ignore_reprint: 0, clientmsgid: batch.client_msg_id });
    }
    const filter = broadcast.target.kind === 'tag' ? { is_to_all: false, tag_id: await this.broadcasts.wechatTag(broadcast.account_id, broadcast.target.tagId) } : { is_to_all: true };
    return client.mass.sendAll({ ...content, filter, send_ignore_reprint: 0, clientmsgid: batch.client_msg_id });
  }

  private async mark(broadcastId: number, batchNo: number, status: 'sent' | 'failed', msgId: string | null, msgDataId: string | number | undefined, error: string | null): Promise<void> {
    await this.db.query(
      `update broadcast_batches set status = $3, msg_id = $4, msg_data_id = $5, error = $6, sent_at = now() where broadcast_id = $1 and batch_no = $2 and status = 'pending'`,
      [broadcastId, batchNo, status, msgId, msgDataId === undefined ? null : String(msgDataId), error],
    );
  }

  /** At most 60 mass calls a rolling minute per account, counted from the batches sent (on any node). */
  private async pace(accountId: number): Promise<void> {
    for (;;) {
      const [row] = await this.db.query<{ n: number; wait_ms: number | null }>(
        `select count(*)::int as n, (extract(epoch from (min(sent_at) + interval '60 seconds' - now())) * 1000)::int as wait_ms
           from broadcast_batches where account_id = $1 and sent_at > now() - interval '60 seconds'`,
        [accountId],
      );
      if (row!.n < CALLS_PER_MINUTE) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(50, row!.wait_ms ?? 1000)));
    }
  }
}
