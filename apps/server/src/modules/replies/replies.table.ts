import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { Reply } from '@zhanggui/wechat';
import { accounts } from '../accounts/accounts.table.ts';

export type KeywordMatch = 'exact' | 'contains';

/** An automatic-reply rule: the welcome on follow, the default reply, or a keyword rule. */
export const replyRules = pgTable(
  'reply_rules',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    trigger: text('trigger', { enum: ['subscribe', 'default', 'keyword'] }).notNull(),
    keywords: jsonb('keywords').$type<Array<{ text: string; match: KeywordMatch }>>().notNull().default([]),
    replies: jsonb('replies').$type<Reply[]>().notNull(),
    /** Higher wins when several keyword rules match. */
    priority: integer('priority').notNull().default(0),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reply_rules_account').on(t.accountId)],
);
