import { bigint, boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.ts';

/** A fan (follower or former follower) of one account. Created or updated by every push. */
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
    subscribeScene: text('subscribe_scene'),
    /** The QR scene of the follow (from `qrscene_…`). */
    qrScene: text('qr_scene'),
    /** Any push from the fan. */
    lastInteractionAt: timestamp('last_interaction_at', { withTimezone: true }),
    /** The fan's last own message: opens the 48-hour customer-service window (5 messages). */
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
    remark: text('remark'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fans_account_openid').on(t.accountId, t.openid),
    index('fans_account_last_interaction').on(t.accountId, t.lastInteractionAt.desc()),
  ],
);
