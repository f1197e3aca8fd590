import type { ReplyAction } from '@zhanggui/shared';
import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** A QR channel (渠道): a door, a table, a poster, a staff badge. Its codes attribute fans to it. */
export const qrChannels = pgTable(
  'qr_channels',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    note: text('note'),
    /** The channel's own welcome; empty: the account's. */
    welcome: jsonb('welcome').$type<ReplyAction[]>().notNull().default([]),
    welcomeMode: text('welcome_mode', { enum: ['random', 'all'] }).notNull().default('all'),
    /** Our tag ids, applied to every fan who scans one of the channel's codes. */
    tagIds: integer('tag_ids').array().notNull().default(sql`'{}'::int[]`),
    caption: text('caption'),
    posterImage: bytea('poster_image'),
    posterType: text('poster_type'),
    enabled: boolean('enabled').notNull().default(true),
    /** Deleted channels are kept, hidden: their codes stay printed somewhere and their scenes are never reused. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('qr_channels_account_name').on(t.accountId, t.name).where(sql`${t.deletedAt} is null`)],
);

/**
 * A parametric QR code. The scene is chosen here, under a per-account lock, and reserved before WeChat is
 * asked (`ticket` is null until it answers), so two codes never share one. Integer and string scenes
 * share one namespace: a SCAN push carries the bare value, and 123 and "123" would be the same.
 */
export const qrCodes = pgTable(
  'qr_codes',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    channelId: integer('channel_id')
      .notNull()
      .references(() => qrChannels.id, { onDelete: 'cascade' }),
    label: text('label'),
    kind: text('kind', { enum: ['temporary', 'permanent'] }).notNull(),
    sceneType: text('scene_type', { enum: ['int', 'str'] }).notNull(),
    /** The integer scene (null for string scenes), for allocation. */
    sceneId: bigint('scene_id', { mode: 'number' }),
    /** The value pushed in EventKey. */
    scene: text('scene').notNull(),
    ticket: text('ticket'),
    url: text('url'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('qr_codes_account_scene').on(t.accountId, t.scene), index('qr_codes_channel').on(t.channelId)],
);

/**
 * Every scan through a code: a follow (`subscribe` with qrscene_) or a scan by a follower (SCAN). A follow
 * keeps when the fan next unfollowed, for "unfollowed later" and retention.
 */
export const qrScans = pgTable(
  'qr_scans',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    channelId: integer('channel_id')
      .notNull()
      .references(() => qrChannels.id, { onDelete: 'cascade' }),
    codeId: integer('code_id'),
    fanId: bigint('fan_id', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: ['subscribe', 'scan'] }).notNull(),
    scannedAt: timestamp('scanned_at', { withTimezone: true }).notNull(),
    unfollowedAt: timestamp('unfollowed_at', { withTimezone: true }),
  },
  (t) => [
    index('qr_scans_channel_time').on(t.channelId, t.scannedAt),
    index('qr_scans_code').on(t.codeId),
    index('qr_scans_open_follows').on(t.accountId, t.fanId).where(sql`${t.kind} = 'subscribe' and ${t.unfollowedAt} is null`),
  ],
);
