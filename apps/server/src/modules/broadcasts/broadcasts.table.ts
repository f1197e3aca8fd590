import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.ts';

/** A broadcast (群发): what, to whom, when; its state and the totals WeChat reported. */
export const broadcasts = pgTable(
  'broadcasts',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    status: text('status', { enum: ['draft', 'pending_approval', 'scheduled', 'sending', 'sent', 'failed', 'cancelled'] }).notNull(),
    message: jsonb('message').notNull(),
    target: jsonb('target').notNull(),
    /** sendall to all / a tag, or openid batches (filters, fatigue caps). */
    mode: text('mode', { enum: ['all', 'tag', 'list'] }).notNull(),
    /** Whether this send uses the account's mass-send quota (is_to_all, or any sendall on a subscription account). */
    countsQuota: integer('counts_quota').notNull().default(0),
    options: jsonb('options').notNull().default({}),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    jobId: integer('job_id'),
    createdBy: integer('created_by'),
    approvedBy: integer('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    audience: integer('audience'),
    skipped: integer('skipped').notNull().default(0),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('broadcasts_account').on(t.accountId, t.id), index('broadcasts_quota').on(t.accountId, t.startedAt).where(sql`${t.countsQuota} = 1`)],
);

/** The audience, resolved once when sending starts (openid batches): seq orders the batches. */
export const broadcastRecipients = pgTable(
  'broadcast_recipients',
  {
    broadcastId: integer('broadcast_id')
      .notNull()
      .references(() => broadcasts.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    fanId: bigint('fan_id', { mode: 'number' }).notNull(),
    openid: text('openid').notNull(),
  },
  (t) => [primaryKey({ columns: [t.broadcastId, t.seq] }), index('broadcast_recipients_fan').on(t.fanId)],
);

/** One mass-send call: its clientmsgid (a retried call cannot send twice), and what WeChat answered. */
export const broadcastBatches = pgTable(
  'broadcast_batches',
  {
    broadcastId: integer('broadcast_id')
      .notNull()
      .references(() => broadcasts.id, { onDelete: 'cascade' }),
    batchNo: integer('batch_no').notNull(),
    accountId: integer('account_id').notNull(),
    clientMsgId: text('client_msg_id').notNull(),
    firstSeq: integer('first_seq').notNull(),
    lastSeq: integer('last_seq').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    msgId: text('msg_id'),
    msgDataId: text('msg_data_id'),
    error: text('error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.broadcastId, t.batchNo] }), uniqueIndex('broadcast_batches_msg').on(t.accountId, t.msgId)],
);

/**
 * MASSSENDJOBFINISH as pushed, by msg_id (it may arrive before the call that started the job returns); written
 * by the webhook's batch statement with the push itself.
 */
export const massJobResults = pgTable(
  'mass_job_results',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    msgId: text('msg_id').notNull(),
    status: text('status').notNull(),
    totalCount: integer('total_count').notNull(),
    filterCount: integer('filter_count').notNull(),
    sentCount: integer('sent_count').notNull(),
    errorCount: integer('error_count').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.msgId] })],
);
