import type { ConversationView, MessageReply, MessageView, Page, UpdateConversationInput } from '@zhanggui/shared';
import { WechatApiError, type CustomMessage } from '@zhanggui/wechat';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { TokenBroker } from '../../wechat-gateway/token-broker.ts';
import { canUseCustomerService } from '../accounts/accounts.presenter.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { OperatorsService } from '../operators/operators.service.ts';
import type { StatsService } from '../stats/stats.service.ts';
import { decodeCursor, encodeCursor, likePattern } from './cursor.ts';
import { presentConversation, presentMessage, type FanRow, type MessageRow, type PresentContext } from './inbox.presenter.ts';
import { EVENT_WINDOW, MESSAGE_WINDOW, replyWindow, windowToConsume } from './reply-window.ts';
import { said } from '../../platform/http/validation-messages.ts';

export const INBOX_CHANNEL = 'zg_inbox';

export interface ConversationQuery {
  status?: 'open' | 'closed' | 'all';
  assignee?: 'me' | 'unassigned' | number;
  starred?: boolean;
  unanswered?: boolean;
  q?: string;
  cursor?: string;
  limit?: number;
}

const FAN_COLUMNS = `f.id, f.account_id, f.openid, f.subscribed, f.remark, f.conversation_status, f.starred, f.unread_count, f.assignee_id,
  f.last_message_at, f.last_replied_at, f.last_window_event_at, f.message_window_used, f.event_window_used, f.last_interaction_at`;
const LAST_MESSAGE = `left join lateral (
    select m.direction as lm_direction, m.msg_type as lm_msg_type, m.event as lm_event, m.content as lm_content, m.sent_at as lm_sent_at
      from messages m where m.account_id = f.account_id and m.fan_id = f.id order by m.id desc limit 1) lm on true`;
const MESSAGE_COLUMNS = 'id, account_id, fan_id, direction, msg_type, event, event_key, content, payload, reply, reply_source, operator_id, status, error, sent_at';

/**
 * The live inbox: conversations are fans who have written, kept on the fan row by the webhook. Replies go
 * out through the customer-service API inside WeChat's windows; every change is announced on NOTIFY
 * zg_inbox so every node's open consoles update.
 */
export class InboxService {
  constructor(
    private readonly db: Database,
    private readonly accounts: AccountsService,
    private readonly operators: OperatorsService,
    private readonly tokens: TokenBroker,
    private readonly stats: StatsService,
  ) {}

  async listConversations(accountId: number, operatorId: number, query: ConversationQuery, lang: 'zh' | 'en'): Promise<Page<ConversationView>> {
    const limit = Math.min(Math.max(query.limit ?? 30, 1), 100);
    const where = ['f.account_id = $1', 'f.last_message_at is not null'];
    const params: unknown[] = [accountId];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replaceAll('?', `$${params.length}`));
    };
    if (query.status === 'open' || query.status === 'closed') add('f.conversation_status = ?', query.status);
    if (query.assignee === 'me') add('f.assignee_id = ?', operatorId);
    else if (query.assignee === 'unassigned') where.push('f.assignee_id is null');
    else if (typeof query.assignee === 'number') add('f.assignee_id = ?', query.assignee);
    if (query.starred) where.push('f.starred');
    if (query.unanswered) where.push(`f.conversation_status = 'open' and f.last_message_at > coalesce(f.last_replied_at, '-infinity')`);
    if (query.q?.trim()) {
      params.push(query.q.trim(), likePattern(query.q.trim()));
      where.push(`(f.openid = $${params.length - 1} or f.remark ilike '%' || $${params.length} || '%')`);
    }
    const cursor = decodeCursor(query.cursor);
    if (cursor) {
      params.push(cursor.at, cursor.id);
      where.push(`(f.last_interaction_at, f.id) < ($${params.length - 1}::timestamptz, $${params.length})`);
    }
    params.push(limit + 1);
    const rows = await this.db.query<FanRow>(
      `select ${FAN_COLUMNS}, lm.* from fans f ${LAST_MESSAGE}
        where ${where.join(' and ')} order by f.last_interaction_at desc, f.id desc limit $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const ctx = await this.context(accountId, page, lang);
    const last = page.at(-1);
    return {
      items: page.map((fan) => presentConversation(fan, ctx)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.last_interaction_at, last.id) : null,
    };
  }

  async conversation(accountId: number, fanId: number, lang: 'zh' | 'en'): Promise<ConversationView> {
    const fan = await this.fan(accountId, fanId);
    return presentConversation(fan, await this.context(accountId, [fan], lang));
  }

  /** A fan's timeline, oldest first, a page before `before`. */
  async messages(accountId: number, fanId: number, before: number | null, limit = 50): Promise<{ items: MessageView[]; hasMore: boolean }> {
    await this.fan(accountId, fanId);
    const rows = await this.db.query<MessageRow>(
      `select ${MESSAGE_COLUMNS} from messages where account_id = $1 and fan_id = $2 and ($3::bigint is null or id < $3)
        order by id desc limit $4`,
      [accountId, fanId, before, Math.min(limit, 200) + 1],
    );
    const page = rows.slice(0, Math.min(limit, 200)).reverse();
    return { items: await this.presentMessages(accountId, page), hasMore: rows.length > Math.min(limit, 200) };
  }

  async messagesByIds(accountId: number, from: number, to: number): Promise<Array<{ fanId: number; message: MessageView }>> {
    const rows = await this.db.query<MessageRow>(
      `select ${MESSAGE_COLUMNS} from messages where account_id = $1 and id between $2 and $3 order by id`,
      [accountId, from, to],
    );
    const views = await this.presentMessages(accountId, rows);
    return rows.map((row, i) => ({ fanId: row.fan_id, message: views[i]! }));
  }

  /** Sends a customer-service text message (§4.3) and records it, sent or failed. */
  async sendText(accountId: number, operatorId: number, fanId: number, content: string, lang: 'zh' | 'en'): Promise<MessageView> {
    const text = content.trim();
    if (!text || text.length > 2000) throw new AppError('VALIDATION_FAILED', [{ path: 'content', message: said('messageLength') }]);
    return this.send(accountId, operatorId, fanId, lang, { type: 'text', content: text }, (openid) => ({ touser: openid, msgtype: 'text', text: { content: text } }));
  }

  /**
   * Messages an automatic reply sends after its passive answer (a rule's extra replies, more search results,
   * a flow's non-text messages): customer-service messages inside the fan's window, recorded like any other.
   * Stops at the first refusal (window closed or quota used).
   */
  async sendAutomatic(accountId: number, openid: string, replies: MessageReply[], source: string | null): Promise<void> {
    const [fan] = await this.db.query<{ id: number }>('select id from fans where account_id = $1 and openid = $2', [accountId, openid]);
    if (!fan) return;
    for (const reply of replies) {
      const view = await this.send(accountId, null, fan.id, 'zh', reply as unknown as Record<string, unknown>, (to) => customMessage(to, reply), source).catch(() => null);
      if (!view || view.status === 'failed') return;
    }
  }

  /** Uploads an image as temporary media, then sends it. */
  async sendImage(accountId: number, operatorId: number, fanId: number, file: { data: Buffer; filename: string; mimetype: string }, lang: 'zh' | 'en'): Promise<MessageView> {
    if (!/^image\/(jpeg|png)$/.test(file.mimetype) || file.data.length === 0 || file.data.length > 2 * 1024 * 1024) {
      throw new AppError('UPLOAD_INVALID', { accepted: 'jpg/png up to 2 MB' });
    }
    await this.precheck(accountId, fanId, lang);
    const client = this.tokens.clientFor(accountId);
    const uploaded = await client.media.upload('image', { data: file.data, filename: file.filename, contentType: file.mimetype });
    const mediaId = uploaded.media_id ?? '';
    return this.send(accountId, operatorId, fanId, lang, { type: 'image', mediaId }, (openid) => ({ touser: openid, msgtype: 'image', image: { media_id: mediaId } }));
  }

  async markRead(accountId: number, fanId: number, lang: 'zh' | 'en'): Promise<ConversationView> {
    await this.db.query('update fans set unread_count = 0 where account_id = $1 and id = $2 and unread_count > 0', [accountId, fanId]);
    await this.announce(accountId, fanId);
    return this.conversation(accountId, fanId, lang);
  }

  async update(accountId: number, fanId: number, patch: UpdateConversationInput, lang: 'zh' | 'en'): Promise<ConversationView> {
    await this.fan(accountId, fanId);
    if (patch.assigneeId !== undefined && patch.assigneeId !== null && !(await this.operators.membership(patch.assigneeId, accountId))) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'assigneeId', message: said('notMember') }]);
    }
    await this.db.query(
      `update fans set conversation_status = coalesce($3, conversation_status), starred = coalesce($4, starred),
              assignee_id = case when $5 then $6::int else assignee_id end
        where account_id = $1 and id = $2`,
      [accountId, fanId, patch.status ?? null, patch.starred ?? null, patch.assigneeId !== undefined, patch.assigneeId ?? null],
    );
    await this.announce(accountId, fanId);
    return this.conversation(accountId, fanId, lang);
  }

  /** Messages containing `q` (substring; works for Chinese without spaces), newest first. */
  async search(accountId: number, q: string, cursor: string | undefined, lang: 'zh' | 'en'): Promise<Page<{ message: MessageView; conversation: ConversationView }>> {
    const term = q.trim();
    if (!term) return { items: [], nextCursor: null };
    const before = cursor && /^\d+$/.test(cursor) ? Number(cursor) : null;
    const rows = await this.db.query<MessageRow>(
      `select ${MESSAGE_COLUMNS} from messages
        where account_id = $1 and content ilike '%' || $2 || '%' and ($3::bigint is null or id < $3)
        order by id desc limit 31`,
      [accountId, likePattern(term), before],
    );
    const page = rows.slice(0, 30);
    const messages = await this.presentMessages(accountId, page);
    const fanIds = [...new Set(page.map((m) => m.fan_id))];
    const fans = fanIds.length
      ? await this.db.query<FanRow>(`select ${FAN_COLUMNS}, lm.* from fans f ${LAST_MESSAGE} where f.account_id = $1 and f.id = any($2::bigint[])`, [accountId, fanIds])
      : [];
    const ctx = await this.context(accountId, fans, lang);
    const conversations = new Map(fans.map((fan) => [fan.id, presentConversation(fan, ctx)]));
    return {
      items: page.map((row, i) => ({ message: messages[i]!, conversation: conversations.get(row.fan_id)! })),
      nextCursor: rows.length > 30 ? String(page.at(-1)!.id) : null,
    };
  }

  /** The bytes of an image message, fetched from WeChat by media_id (never from a URL in a push). */
  async media(accountId: number, messageId: number): Promise<{ contentType: string; data: Buffer }> {
    const [row] = await this.db.query<MessageRow>(`select ${MESSAGE_COLUMNS} from messages where account_id = $1 and id = $2`, [accountId, messageId]);
    const mediaId = row ? String((row.direction === 'in' ? row.payload?.mediaId : row.reply?.mediaId) ?? '') : '';
    if (!row || !mediaId) throw new AppError('NOT_FOUND', { messageId });
    const file = await this.tokens.clientFor(accountId).media.get(mediaId);
    if (!('data' in file)) throw new AppError('NOT_FOUND', { messageId });
    return { contentType: file.contentType, data: file.data };
  }

  /**
   * Round-robin assignment of a conversation nobody owns yet (accounts with auto-assignment on). The
   * cursor row is locked for the step, so concurrent messages on any node take turns.
   */
  async autoAssign(accountId: number, openid: string): Promise<void> {
    const agents = await this.operators.agents(accountId);
    if (agents.length === 0) return;
    const assignedFan = await this.db.transaction(async (tx) => {
      await tx.query('insert into assignment_cursors (account_id) values ($1) on conflict do nothing', [accountId]);
      const [cursor] = await tx.query<{ last_operator_id: number | null }>('select last_operator_id from assignment_cursors where account_id = $1 for update', [accountId]);
      const next = agents.find((id) => id > (cursor?.last_operator_id ?? 0)) ?? agents[0]!;
      const [assigned] = await tx.query<{ id: number }>(
        'update fans set assignee_id = $3 where account_id = $1 and openid = $2 and assignee_id is null returning id',
        [accountId, openid, next],
      );
      if (assigned) await tx.query('update assignment_cursors set last_operator_id = $2 where account_id = $1', [accountId, next]);
      return assigned?.id ?? null;
    });
    if (assignedFan !== null) await this.announce(accountId, assignedFan);
  }

  /** Tells every node a conversation changed. */
  async announce(accountId: number, fanId: number): Promise<void> {
    await this.db.notify(INBOX_CHANNEL, JSON.stringify({ k: 'c', a: accountId, f: fanId }));
  }

  private async precheck(accountId: number, fanId: number, lang: 'zh' | 'en'): Promise<FanRow> {
    const [fan, account] = await Promise.all([this.fan(accountId, fanId), this.accounts.get(accountId)]);
    if (!canUseCustomerService(account)) throw new AppError('INBOX_NOT_ALLOWED');
    const window = replyWindow(windowStateOf(fan), true, lang);
    if (window.state === 'closed') throw new AppError('INBOX_WINDOW_CLOSED', { closesAt: null });
    if (window.remaining === 0) throw new AppError('INBOX_QUOTA_USED');
    return fan;
  }

  private async send(
    accountId: number,
    operatorId: number | null,
    fanId: number,
    lang: 'zh' | 'en',
    record: Record<string, unknown>,
    build: (openid: string) => CustomMessage,
    source: string | null = `operator:${operatorId}`,
  ): Promise<MessageView> {
    const fan = await this.precheck(accountId, fanId, lang);
    const consumed = windowToConsume(windowStateOf(fan));
    let error: { code: string; message: string; errcode?: number } | null = null;
    try {
      await this.tokens.clientFor(accountId).messages.sendCustom(build(fan.openid));
    } catch (caught) {
      if (!(caught instanceof WechatApiError)) throw caught;
      error = { code: caught.code, message: lang === 'en' ? caught.en : caught.zh, errcode: caught.errcode };
    }
    // WeChat says the window is closed or used up: believe it, so the console shows the truth.
    const closedByWechat = error && (error.errcode === 45015 || error.errcode === 45047);
    const [row] = await this.db.transaction(async (tx) => {
      await tx.query(
        `update fans set
            message_window_used = case when $3 then ${MESSAGE_WINDOW.quota} when $4 = 'message' then message_window_used + 1 else message_window_used end,
            event_window_used = case when $3 then ${EVENT_WINDOW.quota} when $4 = 'event' then event_window_used + 1 else event_window_used end,
            last_replied_at = case when $5 and $6 then now() else last_replied_at end,
            unread_count = case when $5 and $6 then 0 else unread_count end
          where account_id = $1 and id = $2`,
        // Only an operator's reply answers the conversation; automatic follow-ups do not.
        [accountId, fanId, Boolean(closedByWechat), error ? null : consumed, !error, operatorId !== null],
      );
      return tx.query<MessageRow>(
        `insert into messages (account_id, fan_id, direction, msg_type, content, reply, reply_source, operator_id, status, error, sent_at)
         values ($1, $2, 'out', $3, $4, $5, $6, $7, $8, $9, now()) returning ${MESSAGE_COLUMNS}`,
        [
          accountId,
          fanId,
          record.type,
          record.type === 'text' ? record.content : record.type === 'news' ? ((record.articles as Array<{ title: string }>)[0]?.title ?? null) : null,
          JSON.stringify(record),
          source,
          operatorId,
          error ? 'failed' : 'sent',
          error ? JSON.stringify(error) : null,
        ],
      );
    });
    if (!error) {
      const account = await this.accounts.get(accountId);
      await this.stats.countOut(accountId, account.timezone);
    }
    await this.db.notify(INBOX_CHANNEL, JSON.stringify({ k: 'm', a: accountId, from: row!.id, to: row!.id }));
    const [view] = await this.presentMessages(accountId, [row!]);
    return view!;
  }

  private async fan(accountId: number, fanId: number): Promise<FanRow> {
    const [fan] = await this.db.query<FanRow>(`select ${FAN_COLUMNS}, lm.* from fans f ${LAST_MESSAGE} where f.account_id = $1 and f.id = $2`, [accountId, fanId]);
    if (!fan) throw new AppError('CONVERSATION_NOT_FOUND', { fanId });
    return fan;
  }

  private async context(accountId: number, fans: FanRow[], lang: 'zh' | 'en'): Promise<PresentContext> {
    const fanIds = fans.map((f) => f.id);
    const [account, names, tagRows] = await Promise.all([
      this.accounts.get(accountId),
      this.operators.names([...new Set(fans.map((f) => f.assignee_id).filter((id): id is number => id !== null))]),
      fanIds.length
        ? this.db.query<{ fan_id: number; id: number; name: string }>(
            'select ft.fan_id, t.id, t.name from fan_tags ft join tags t on t.id = ft.tag_id where ft.fan_id = any($1::bigint[]) and t.account_id = $2 order by t.id',
            [fanIds, accountId],
          )
        : Promise.resolve([]),
    ]);
    const tagsByFan = new Map<number, Array<{ id: number; name: string }>>();
    for (const row of tagRows) tagsByFan.set(row.fan_id, [...(tagsByFan.get(row.fan_id) ?? []), { id: row.id, name: row.name }]);
    return { canUseCustomerService: canUseCustomerService(account), lang, operatorNames: names, tagsByFan };
  }

  private async presentMessages(accountId: number, rows: MessageRow[]): Promise<MessageView[]> {
    const names = await this.operators.names([...new Set(rows.map((r) => r.operator_id).filter((id): id is number => id !== null))]);
    return rows.map((row) => presentMessage(row, { operatorNames: names }, (id) => `/api/accounts/${accountId}/messages/${id}/media`));
  }
}

/** A message as a customer-service send (wechat-protocol.md §4.3; news carries one article). */
function customMessage(touser: string, reply: MessageReply): CustomMessage {
  switch (reply.type) {
    case 'text':
      return { touser, msgtype: 'text', text: { content: reply.content } };
    case 'image':
      return { touser, msgtype: 'image', image: { media_id: reply.mediaId } };
    case 'voice':
      return { touser, msgtype: 'voice', voice: { media_id: reply.mediaId } };
    case 'video':
      return { touser, msgtype: 'video', video: { media_id: reply.mediaId, title: reply.title, description: reply.description } };
    case 'music':
      return { touser, msgtype: 'music', music: { title: reply.title, description: reply.description, musicurl: reply.musicUrl ?? '', hqmusicurl: reply.hqMusicUrl, thumb_media_id: reply.thumbMediaId ?? '' } };
    case 'news':
      return { touser, msgtype: 'news', news: { articles: reply.articles.slice(0, 1).map((a) => ({ title: a.title, description: a.description, url: a.url, picurl: a.picUrl })) } };
  }
}

function windowStateOf(fan: FanRow) {
  return {
    subscribed: fan.subscribed,
    lastMessageAt: fan.last_message_at,
    messageWindowUsed: fan.message_window_used,
    lastWindowEventAt: fan.last_window_event_at,
    eventWindowUsed: fan.event_window_used,
  };
}
