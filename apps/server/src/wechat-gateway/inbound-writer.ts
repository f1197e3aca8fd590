import type { InboundMessage, Reply } from '@zhanggui/wechat';
import type { Decision, FlowChange } from '../modules/replies/reply-brain.ts';
import { Batcher } from '../platform/db/batcher.ts';
import type { Database } from '../platform/db/database.ts';

/** One push to persist: the message, what we answered, and the fan it came from. */
export interface InboundRecord {
  accountId: number;
  dedupeKey: string;
  message: InboundMessage;
  reply: Reply | null;
  replySource: string | null;
  /** The fan's flow after this push (stored only if the push is new). */
  flow?: FlowChange | null;
  /** Values a finished flow collected (stored only if the push is new). */
  submission?: Decision['submission'];
  /** A scan through a QR channel's code (stored only if the push is new; the fan's attribution always). */
  touch?: Decision['touch'];
}

/** Whether this push was stored now, or had been stored before (a retry seen by another node). */
export type WriteOutcome = { stored: true } | { stored: false; reply: Reply | null; replySource: string | null };

interface FanTouch {
  account_id: number;
  openid: string;
  last_interaction_at: string;
  last_message_at: string | null;
  last_window_event_at: string | null;
  unread_delta: number;
  last_latitude: number | null;
  last_longitude: number | null;
  last_location_at: string | null;
  subscribed: boolean | null;
  subscription_changed_at: string | null;
  subscribe_scene: string | null;
  qr_scene: string | null;
  channel_id: number | null;
  first_touch_at: string | null;
  last_touch_at: string | null;
}

/**
 * Persists pushes in group-committed batches: one SQL statement upserts the fans, inserts the messages
 * (skipping dedupe keys already stored) and reports which were new. Answers go out only after it commits,
 * so nothing acknowledged is lost.
 */
export class InboundWriter {
  private readonly committer: Batcher<InboundRecord, WriteOutcome>;

  constructor(
    private readonly db: Database,
    options: { maxBatch?: number; concurrency?: number } = {},
  ) {
    this.committer = new Batcher((batch) => this.flush(batch), {
      maxBatch: options.maxBatch ?? 500,
      // PGlite is one session; on a server two flushes overlap one batch's round trip with the next's work.
      concurrency: options.concurrency ?? (db.kind === 'pglite' ? 1 : 2),
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
      JSON.stringify(flowChanges(batch)),
      JSON.stringify(submissions(batch)),
      JSON.stringify(scans(batch)),
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

/** Where the fan said they are: a location message, a LOCATION event, a location_select menu event. */
function locationOf(m: InboundMessage): { latitude: number; longitude: number } | null {
  if (m.msgType === 'location') return { latitude: m.latitude, longitude: m.longitude };
  if (m.msgType === 'event' && (m.event === 'LOCATION' || m.event === 'location_select')) return { latitude: m.latitude, longitude: m.longitude };
  return null;
}

/** The last flow change per fan in the batch (per node a fan's pushes are processed one at a time anyway). */
function flowChanges(batch: InboundRecord[]) {
  const last = new Map<string, Record<string, unknown>>();
  for (const record of batch) {
    if (!record.flow) continue;
    const base = { account_id: record.accountId, openid: record.message.fromUserName, dedupe_key: record.dedupeKey };
    const row =
      record.flow.op === 'delete'
        ? { ...base, op: 'delete' }
        : {
            ...base,
            op: 'set',
            flow_id: record.flow.session.flowId,
            step: record.flow.session.step,
            data: record.flow.session.data,
            score: record.flow.session.score,
            started_at: record.flow.session.startedAt,
            expires_at: record.flow.session.expiresAt,
          };
    last.set(`${record.accountId}|${record.message.fromUserName}`, row);
  }
  return [...last.values()];
}

function submissions(batch: InboundRecord[]) {
  return batch
    .filter((record) => record.submission)
    .map((record) => ({ account_id: record.accountId, dedupe_key: record.dedupeKey, flow_id: record.submission!.flowId, data: record.submission!.data, score: record.submission!.score, rank: record.submission!.rank, winner: record.submission!.winner }));
}

/**
 * Scans through QR channels' codes. A follow whose unfollow is in the same batch carries it here (the
 * statement cannot update a row it inserts).
 */
function scans(batch: InboundRecord[]) {
  return batch.flatMap((record, i) => {
    if (!record.touch) return [];
    const m = record.message;
    let unfollowedAt: string | null = null;
    if (record.touch.kind === 'subscribe') {
      const later = batch.slice(i + 1).find((r) => r.accountId === record.accountId && r.message.fromUserName === m.fromUserName && r.message.msgType === 'event' && r.message.event === 'unsubscribe');
      if (later) unfollowedAt = new Date(later.message.createTime * 1000).toISOString();
    }
    return [{
      account_id: record.accountId,
      dedupe_key: record.dedupeKey,
      channel_id: record.touch.channel.channelId,
      code_id: record.touch.channel.codeId,
      kind: record.touch.kind,
      tag_ids: record.touch.channel.tagIds,
      scanned_at: new Date(m.createTime * 1000).toISOString(),
      unfollowed_at: unfollowedAt,
    }];
  });
}

/** Reports WeChat pushes about jobs; their FromUserName is not a fan. */
const SYSTEM_EVENTS: ReadonlySet<string> = new Set(['MASSSENDJOBFINISH', 'TEMPLATESENDJOBFINISH', 'PUBLISHJOBFINISH']);

/** Events that open the 1-minute, 3-message customer-service window (wechat-protocol.md §4.3). */
const WINDOW_EVENTS: ReadonlySet<string> = new Set(['subscribe', 'SCAN', 'CLICK', 'scancode_push', 'scancode_waitmsg']);

/**
 * One row per fan per batch (an upsert may touch a row only once per statement): the latest interaction,
 * the latest own message (the 48-hour window), the latest window-opening event, unread messages, and the
 * latest subscribe/unsubscribe by CreateTime.
 */
function fanTouches(batch: InboundRecord[]): FanTouch[] {
  const touches = new Map<string, FanTouch>();
  for (const { accountId, message: m, touch: scan } of batch) {
    const at = new Date(m.createTime * 1000).toISOString();
    const key = `${accountId}|${m.fromUserName}`;
    let touch = touches.get(key);
    if (!touch) {
      touch = {
        account_id: accountId,
        openid: m.fromUserName,
        last_interaction_at: at,
        last_message_at: null,
        last_window_event_at: null,
        unread_delta: 0,
        last_latitude: null,
        last_longitude: null,
        last_location_at: null,
        subscribed: null,
        subscription_changed_at: null,
        subscribe_scene: null,
        qr_scene: null,
        channel_id: null,
        first_touch_at: null,
        last_touch_at: null,
      };
      touches.set(key, touch);
    }
    if (at > touch.last_interaction_at) touch.last_interaction_at = at;
    // Job reports come from WeChat's own sender, not a follower: its row must never count as one.
    if (m.msgType === 'event' && SYSTEM_EVENTS.has(m.event === 'unknown' ? m.originalEvent : m.event) && touch.subscribed === null) touch.subscribed = false;
    if (scan) {
      if (!touch.first_touch_at || at < touch.first_touch_at) touch.first_touch_at = at;
      if (!touch.last_touch_at || at >= touch.last_touch_at) {
        touch.last_touch_at = at;
        touch.channel_id = scan.channel.channelId;
      }
    }
    const location = locationOf(m);
    if (location && (!touch.last_location_at || at >= touch.last_location_at)) {
      touch.last_latitude = location.latitude;
      touch.last_longitude = location.longitude;
      touch.last_location_at = at;
    }
    if (m.msgType !== 'event') {
      if (!touch.last_message_at || at > touch.last_message_at) touch.last_message_at = at;
      touch.unread_delta++;
      continue;
    }
    if (WINDOW_EVENTS.has(m.event) && (!touch.last_window_event_at || at > touch.last_window_event_at)) touch.last_window_event_at = at;
    if (m.event === 'subscribe' || m.event === 'unsubscribe') {
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

// One round trip per batch: the statement lives in migration 0008 as a function, so it is planned once per
// session. Data-modifying CTEs see each other only through RETURNING: the message insert joins the fans
// upsert's returned ids; flow changes and submissions join the inserted messages (new pushes only).
const INSERT_BATCH = 'select out_account_id as account_id, out_dedupe_key as dedupe_key from zg_ingest_pushes($1::jsonb, $2::jsonb, $3::jsonb, $4::jsonb, $5::jsonb)';
