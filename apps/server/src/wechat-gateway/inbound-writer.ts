import type { InboundMessage, Reply } from '@zhanggui/wechat';
import { GroupCommitter } from '../platform/db/group-commit.ts';
import type { Database } from '../platform/db/database.ts';

/** One push to persist: the message, what we answered, and the fan it came from. */
export interface InboundRecord {
  accountId: number;
  dedupeKey: string;
  message: InboundMessage;
  reply: Reply | null;
  replySource: string | null;
}

/** Whether this push was stored now, or had been stored before (a retry seen by another node). */
export type WriteOutcome = { stored: true } | { stored: false; reply: Reply | null; replySource: string | null };

interface FanTouch {
  account_id: number;
  openid: string;
  last_interaction_at: string;
  last_message_at: string | null;
  subscribed: boolean | null;
  subscription_changed_at: string | null;
  subscribe_scene: string | null;
  qr_scene: string | null;
}

/**
 * Persists pushes in group-committed batches: one SQL statement upserts the fans, inserts the messages
 * (skipping dedupe keys already stored) and reports which were new. Answers go out only after it commits,
 * so nothing acknowledged is lost.
 */
export class InboundWriter {
  private readonly committer: GroupCommitter<InboundRecord, WriteOutcome>;

  constructor(
    private readonly db: Database,
    options: { maxBatch?: number; concurrency?: number } = {},
  ) {
    this.committer = new GroupCommitter((batch) => this.flush(batch), {
      maxBatch: options.maxBatch ?? 500,
      concurrency: options.concurrency ?? (db.kind === 'pglite' ? 1 : 4),
    });
  }

  write(record: InboundRecord): Promise<WriteOutcome> {
    return this.committer.submit(record);
  }

  close(): Promise<void> {
    return this.committer.close();
  }

  private async flush(batch: InboundRecord[]): Promise<WriteOutcome[]> {
    const rows = batch.map((record, i) => toMessageRow(record, i));
    const inserted = await this.db.query<{ account_id: number; dedupe_key: string }>(INSERT_BATCH, [
      JSON.stringify(rows),
      JSON.stringify(fanTouches(batch)),
    ]);
    const fresh = new Set(inserted.map((row) => `${row.account_id}|${row.dedupe_key}`));
    const outcomes: Array<WriteOutcome | undefined> = batch.map((record) =>
      fresh.has(`${record.accountId}|${record.dedupeKey}`) ? { stored: true } : undefined,
    );
    const duplicates = batch.filter((_, i) => outcomes[i] === undefined);
    if (duplicates.length > 0) {
      // Rare: another node answered this push first. Answer with what it stored.
      const stored = await this.db.query<{ account_id: number; dedupe_key: string; reply: Reply | null; reply_source: string | null }>(
        `select m.account_id, m.dedupe_key, m.reply, m.reply_source
           from messages m join jsonb_to_recordset($1::jsonb) as k(account_id int, dedupe_key text)
             on m.account_id = k.account_id and m.dedupe_key = k.dedupe_key`,
        [JSON.stringify(duplicates.map((d) => ({ account_id: d.accountId, dedupe_key: d.dedupeKey })))],
      );
      const byKey = new Map(stored.map((row) => [`${row.account_id}|${row.dedupe_key}`, row]));
      batch.forEach((record, i) => {
        if (outcomes[i]) return;
        const row = byKey.get(`${record.accountId}|${record.dedupeKey}`);
        outcomes[i] = { stored: false, reply: row?.reply ?? null, replySource: row?.reply_source ?? null };
      });
    }
    return outcomes as WriteOutcome[];
  }
}

function toMessageRow(record: InboundRecord, index: number) {
  const m = record.message;
  const isEvent = m.msgType === 'event';
  return {
    i: index,
    account_id: record.accountId,
    openid: m.fromUserName,
    dedupe_key: record.dedupeKey,
    msg_id: !isEvent && 'msgId' in m ? (m.msgId ?? null) : null,
    msg_type: m.msgType === 'unknown' ? m.originalType : m.msgType,
    event: isEvent ? (m.event === 'unknown' ? m.originalEvent : m.event) : null,
    event_key: 'eventKey' in m ? (m.eventKey ?? null) : null,
    content: summarize(m),
    payload: m,
    reply: record.reply,
    reply_source: record.replySource,
    sent_at: new Date(m.createTime * 1000).toISOString(),
  };
}

/** A short text for lists and search. */
function summarize(m: InboundMessage): string | null {
  switch (m.msgType) {
    case 'text':
      return m.content;
    case 'location':
      return m.label || `${m.latitude},${m.longitude}`;
    case 'link':
      return m.title;
    case 'voice':
      return m.recognition ?? null;
    default:
      return null;
  }
}

/**
 * One row per fan per batch (an upsert may touch a row only once per statement): the latest interaction,
 * the latest own message (the 48-hour window), and the latest subscribe/unsubscribe by CreateTime.
 */
function fanTouches(batch: InboundRecord[]): FanTouch[] {
  const touches = new Map<string, FanTouch>();
  for (const { accountId, message: m } of batch) {
    const at = new Date(m.createTime * 1000).toISOString();
    const key = `${accountId}|${m.fromUserName}`;
    let touch = touches.get(key);
    if (!touch) {
      touch = {
        account_id: accountId,
        openid: m.fromUserName,
        last_interaction_at: at,
        last_message_at: null,
        subscribed: null,
        subscription_changed_at: null,
        subscribe_scene: null,
        qr_scene: null,
      };
      touches.set(key, touch);
    }
    if (at > touch.last_interaction_at) touch.last_interaction_at = at;
    if (m.msgType !== 'event') {
      if (!touch.last_message_at || at > touch.last_message_at) touch.last_message_at = at;
    } else if (m.event === 'subscribe' || m.event === 'unsubscribe') {
      if (!touch.subscription_changed_at || at >= touch.subscription_changed_at) {
        touch.subscribed = m.event === 'subscribe';
        touch.subscription_changed_at = at;
        touch.subscribe_scene = m.event === 'subscribe' ? (m.sceneValue ? 'ADD_SCENE_QR_CODE' : null) : touch.subscribe_scene;
        touch.qr_scene = m.event === 'subscribe' ? (m.sceneValue ?? null) : touch.qr_scene;
      }
    }
  }
  return [...touches.values()];
}

// One round trip per batch. Data-modifying CTEs see each other only through RETURNING: the message insert
// joins the fans upsert's returned ids. A fan first seen through a message (followed before we were
// connected) is created as subscribed: WeChat only delivers messages from followers.
const INSERT_BATCH = `
with fan_rows as (
  select * from jsonb_to_recordset($2::jsonb) as f(
    account_id int, openid text, last_interaction_at timestamptz, last_message_at timestamptz,
    subscribed boolean, subscription_changed_at timestamptz, subscribe_scene text, qr_scene text)
),
upserted as (
  insert into fans as f (account_id, openid, subscribed, subscribed_at, first_subscribed_at, unsubscribed_at,
                         subscription_changed_at, subscribe_scene, qr_scene, last_interaction_at, last_message_at)
  select account_id, openid, coalesce(subscribed, true),
         case when subscribed then subscription_changed_at end,
         case when subscribed then subscription_changed_at end,
         case when not subscribed then subscription_changed_at end,
         subscription_changed_at, subscribe_scene, qr_scene, last_interaction_at, last_message_at
    from fan_rows
  on conflict (account_id, openid) do update set
    last_interaction_at = greatest(f.last_interaction_at, excluded.last_interaction_at),
    last_message_at = greatest(f.last_message_at, excluded.last_message_at),
    subscribed = case when excluded.subscription_changed_at >= coalesce(f.subscription_changed_at, '-infinity')
                      then excluded.subscribed else f.subscribed end,
    subscribed_at = case when excluded.subscribed and excluded.subscription_changed_at >= coalesce(f.subscription_changed_at, '-infinity')
                         then excluded.subscription_changed_at else f.subscribed_at end,
    first_subscribed_at = coalesce(f.first_subscribed_at, excluded.first_subscribed_at),
    unsubscribed_at = case when excluded.subscribed = false and excluded.subscription_changed_at >= coalesce(f.subscription_changed_at, '-infinity')
                           then excluded.subscription_changed_at else f.unsubscribed_at end,
    subscribe_scene = case when excluded.subscribed and excluded.subscription_changed_at >= coalesce(f.subscription_changed_at, '-infinity')
                           then coalesce(excluded.subscribe_scene, f.subscribe_scene) else f.subscribe_scene end,
    qr_scene = case when excluded.subscribed and excluded.subscription_changed_at >= coalesce(f.subscription_changed_at, '-infinity')
                    then coalesce(excluded.qr_scene, f.qr_scene) else f.qr_scene end,
    subscription_changed_at = greatest(f.subscription_changed_at, excluded.subscription_changed_at),
    updated_at = now()
  returning id, account_id, openid
),
inserted as (
  insert into messages (account_id, fan_id, direction, dedupe_key, msg_id, msg_type, event, event_key, content,
                        payload, reply, reply_source, sent_at)
  select b.account_id, u.id, 'in', b.dedupe_key, b.msg_id, b.msg_type, b.event, b.event_key, b.content,
         b.payload, b.reply, b.reply_source, b.sent_at
    from jsonb_to_recordset($1::jsonb) as b(
      i int, account_id int, openid text, dedupe_key text, msg_id text, msg_type text, event text, event_key text,
      content text, payload jsonb, reply jsonb, reply_source text, sent_at timestamptz)
    join upserted u on u.account_id = b.account_id and u.openid = b.openid
   order by b.i
  on conflict (account_id, dedupe_key) where dedupe_key is not null do nothing
  returning account_id, dedupe_key
)
select account_id, dedupe_key from inserted`;
