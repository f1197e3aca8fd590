import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { FlowInput, FlowStep } from '@zhanggui/shared';
import { accounts } from '../accounts/accounts.table.ts';
import { fans } from '../fans/fans.table.ts';

/** A conversation flow: a small state machine per fan (numbered menus, quizzes, ordering by chat). */
export const flows = pgTable(
  'flows',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    entryKeywords: jsonb('entry_keywords').$type<string[]>().notNull().default([]),
    exitWords: jsonb('exit_words').$type<string[]>().notNull().default([]),
    exitMessage: text('exit_message').notNull().default(''),
    timeoutMinutes: integer('timeout_minutes').notNull().default(30),
    startStep: text('start_step').notNull(),
    steps: jsonb('steps').$type<FlowStep[]>().notNull(),
    finishers: jsonb('finishers').$type<NonNullable<FlowInput['finishers']>>(),
    /** Fans who reached an end step, for "the first N to finish win". */
    finisherCount: integer('finisher_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('flows_account').on(t.accountId)],
);

/** A fan's place in a flow; one active flow per fan. Written by the webhook's batch statement. */
export const flowSessions = pgTable(
  'flow_sessions',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    openid: text('openid').notNull(),
    flowId: integer('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    data: jsonb('data').$type<Record<string, string>>().notNull().default({}),
    score: integer('score').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.openid] }), index('flow_sessions_flow').on(t.flowId)],
);

/** The ranking of fans who finished a flow: one row per fan, so a replayed message cannot win twice. */
export const flowFinishers = pgTable(
  'flow_finishers',
  {
    flowId: integer('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    openid: text('openid').notNull(),
    rank: integer('rank').notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.flowId, t.openid] })],
);

/** Values a flow collected (orders by chat, sign-ups), for the operator. */
export const flowSubmissions = pgTable(
  'flow_submissions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    flowId: integer('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    fanId: bigint('fan_id', { mode: 'number' })
      .notNull()
      .references(() => fans.id, { onDelete: 'cascade' }),
    data: jsonb('data').$type<Record<string, string>>().notNull(),
    score: integer('score').notNull().default(0),
    rank: integer('rank'),
    winner: boolean('winner').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('flow_submissions_flow').on(t.accountId, t.flowId, t.id)],
);
