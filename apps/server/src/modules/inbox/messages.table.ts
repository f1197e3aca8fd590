import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.ts';
import { fans } from '../fans/fans.table.ts';

/**
 * Every push from a fan ('in', with the passive reply we gave) and every message we sent ('out').
 * The unique dedupe key makes a retried push land once, however many nodes see it.
 */
export const messages = pgTable(
  'messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    fanId: bigint('fan_id', { mode: 'number' })
      .notNull()
      .references(() => fans.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    /** `m:<MsgId>` or `e:<openid>:<CreateTime>:<Event>:<EventKey>` for inbound pushes. */
    dedupeKey: text('dedupe_key'),
    /** WeChat's 64-bit MsgId, as text. */
    msgId: text('msg_id'),
    msgType: text('msg_type').notNull(),
    event: text('event'),
    eventKey: text('event_key'),
    /** Text content (or a short summary) for lists and search. */
    content: text('content'),
    /** The typed message as parsed. */
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    /** For 'in': the passive reply sent in the HTTP response (null = "success"). For 'out': the message sent. */
    reply: jsonb('reply').$type<Record<string, unknown>>(),
    /** What produced the reply: `welcome:<id>`, `rule:<id>`, `default:<id>`, `operator:<id>`… */
    replySource: text('reply_source'),
    /** For 'out': who sent it, and whether WeChat took it. */
    operatorId: integer('operator_id'),
    status: text('status', { enum: ['received', 'sent', 'failed'] }).notNull().default('received'),
    error: jsonb('error').$type<{ code: string; message: string; errcode?: number }>(),
    /** WeChat's CreateTime for 'in'; the send time for 'out'. */
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('messages_account_dedupe').on(t.accountId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
    index('messages_fan_timeline').on(t.accountId, t.fanId, t.id),
    // Inbox search across messages (Chinese has no spaces: trigram containment).
    index('messages_content_trgm').using('gin', sql`${t.content} gin_trgm_ops`),
  ],
);
