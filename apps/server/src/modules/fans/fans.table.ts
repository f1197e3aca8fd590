import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.ts';

/**
 * A fan (follower or former follower) of one account, created or updated by every push and by fan sync.
 * It also carries the fan's conversation state for the inbox and the customer-service windows
 * (wechat-protocol.md §4.3), so the webhook touches one row per fan and nothing more.
 */
export const fans = pgTable(
  'fans',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    openid: text('openid').notNull(),
    subscribed: boolean('subscribed').notNull().default(true),
    subscribedAt: timestamp('subscribed_at', { withTimezone: true }),
    firstSubscribedAt: timestamp('first_subscribed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    /** CreateTime of the latest subscribe/unsubscribe applied, so out-of-order pushes cannot flip the state back. */
    subscriptionChangedAt: timestamp('subscription_changed_at', { withTimezone: true }),
    /** subscribe_scene: ADD_SCENE_QR_CODE, ADD_SCENE_SEARCH… */
    subscribeScene: text('subscribe_scene'),
    /** The QR scene of the follow (from `qrscene_…`). */
    qrScene: text('qr_scene'),
    /** QR channel attribution: the first channel the fan came through, and the latest one scanned. */
    firstChannelId: integer('first_channel_id'),
    firstTouchAt: timestamp('first_touch_at', { withTimezone: true }),
    lastChannelId: integer('last_channel_id'),
    lastTouchAt: timestamp('last_touch_at', { withTimezone: true }),
    /** Any push from the fan; for synced fans that never wrote, their follow time. Sort key of lists. */
    lastInteractionAt: timestamp('last_interaction_at', { withTimezone: true }).notNull(),
    /** The fan's last own message: opens the 48-hour, 5-message customer-service window. */
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
    /** The last follow, menu click or QR scan: opens the 1-minute, 3-message window. */
    lastWindowEventAt: timestamp('last_window_event_at', { withTimezone: true }),
    /** Customer-service messages sent in the current message window / event window. */
    messageWindowUsed: integer('message_window_used').notNull().default(0),
    eventWindowUsed: integer('event_window_used').notNull().default(0),
    /** The fan's last shared location (location message, LOCATION event), for "附近 ATM". */
    lastLatitude: doublePrecision('last_latitude'),
    lastLongitude: doublePrecision('last_longitude'),
    lastLocationAt: timestamp('last_location_at', { withTimezone: true }),
    remark: text('remark'),
    language: text('language'),
    unionid: text('unionid'),
    blacklisted: boolean('blacklisted').notNull().default(false),
    /** Inbox: fan messages not yet read by an operator. */
    unreadCount: integer('unread_count').notNull().default(0),
    conversationStatus: text('conversation_status', { enum: ['open', 'closed'] }).notNull().default('open'),
    starred: boolean('starred').notNull().default(false),
    assigneeId: integer('assignee_id'),
    /** The last message an operator sent: "unanswered" means the fan wrote after it. */
    lastRepliedAt: timestamp('last_replied_at', { withTimezone: true }),
    /** When a full sync last saw this fan among the followers. */
    syncedAt: timestamp('synced_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fans_account_openid').on(t.accountId, t.openid),
    // Keyset paging newest-first: (last_interaction_at, id) < cursor, scanned backwards.
    index('fans_account_recent').on(t.accountId, t.lastInteractionAt, t.id),
    // Most fans have no remark: a partial index costs nothing for them.
    index('fans_remark_trgm').using('gin', sql`${t.remark} gin_trgm_ops`).where(sql`${t.remark} is not null`),
  ],
);
