import { date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, boolean } from 'drizzle-orm/pg-core';
import type { InboundMessageType, KeywordSpec, ReplyAction, TimeWindow } from '@zhanggui/shared';
import { accounts } from '../accounts/accounts.table.ts';

/** An automatic-reply rule: the welcome on follow, the default reply, a keyword rule, or a message-type rule. */
export const replyRules = pgTable(
  'reply_rules',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    trigger: text('trigger', { enum: ['subscribe', 'default', 'keyword', 'message_type'] }).notNull(),
    keywords: jsonb('keywords').$type<KeywordSpec[]>().notNull().default([]),
    messageTypes: jsonb('message_types').$type<InboundMessageType[]>().notNull().default([]),
    ignoreCase: boolean('ignore_case').notNull().default(true),
    foldWidth: boolean('fold_width').notNull().default(true),
    replies: jsonb('replies').$type<ReplyAction[]>().notNull(),
    replyMode: text('reply_mode', { enum: ['random', 'all'] }).notNull().default('random'),
    /** Higher wins when several rules match. */
    priority: integer('priority').notNull().default(0),
    enabled: boolean('enabled').notNull().default(true),
    /** When the rule is active (account time zone); empty = always. */
    schedule: jsonb('schedule').$type<TimeWindow[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reply_rules_account').on(t.accountId)],
);

/** Times each rule answered, per local day; counted by the webhook's batch statement from stored replies. */
export const replyRuleHits = pgTable(
  'reply_rule_hits',
  {
    ruleId: integer('rule_id')
      .notNull()
      .references(() => replyRules.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    accountId: integer('account_id').notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.day] })],
);
