import type { MenuSet } from '@zhanggui/shared';
import { date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.ts';

/**
 * An account's custom menus as one document: the draft being edited, and what was last published to (or
 * imported from) WeChat with the menuids WeChat gave the personalised menus, so a republish can delete them.
 */
export const accountMenus = pgTable('account_menus', {
  accountId: integer('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  draft: jsonb('draft').$type<MenuSet>().notNull(),
  published: jsonb('published').$type<MenuSet>(),
  /** Our conditional menu id → WeChat's menuid. */
  wechatMenuIds: jsonb('wechat_menu_ids').$type<Record<string, string>>().notNull().default({}),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Menu taps per local day and event key (a click key, or the link of a view button), counted by the
 * webhook's batch statement from the pushes it stores.
 */
export const menuClicks = pgTable(
  'menu_clicks',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    eventKey: text('event_key').notNull(),
    clicks: integer('clicks').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day, t.eventKey] })],
);
