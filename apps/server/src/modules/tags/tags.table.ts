import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.ts';
import { fans } from '../fans/fans.table.ts';

/** A fan tag, mirrored from WeChat's tag API (wechat_tag_id), e.g. 2 = 星标组. */
export const tags = pgTable(
  'tags',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    wechatTagId: integer('wechat_tag_id'),
    name: text('name').notNull(),
    /** WeChat's system tags (0, 1, 2) cannot be renamed or deleted. */
    system: boolean('system').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tags_account_name').on(t.accountId, t.name),
    uniqueIndex('tags_account_wechat_id').on(t.accountId, t.wechatTagId).where(sql`${t.wechatTagId} is not null`),
  ],
);

export const fanTags = pgTable(
  'fan_tags',
  {
    fanId: bigint('fan_id', { mode: 'number' })
      .notNull()
      .references(() => fans.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.fanId, t.tagId] }), index('fan_tags_tag').on(t.tagId, t.fanId)],
);
