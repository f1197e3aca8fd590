import { date, integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.ts';

/**
 * Per-account daily counters in the account's time zone, incremented by the webhook's batch statement
 * (one row per account and day per batch, not per message) and by sends. Today's numbers are live.
 */
export const accountDailyStats = pgTable(
  'account_daily_stats',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    newFollows: integer('new_follows').notNull().default(0),
    unfollows: integer('unfollows').notNull().default(0),
    messagesIn: integer('messages_in').notNull().default(0),
    autoReplies: integer('auto_replies').notNull().default(0),
    messagesOut: integer('messages_out').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day] })],
);
