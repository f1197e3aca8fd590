import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.ts';

/**
 * Background jobs. A worker holds a job through a lease it renews; a crashed worker's lease lapses and
 * another worker resumes from the last checkpoint (a cursor and counts the handler saved per batch).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    state: text('state', { enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'] }).notNull().default('queued'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    checkpoint: jsonb('checkpoint').$type<Record<string, unknown>>(),
    progress: jsonb('progress').$type<{ done: number; total: number | null; message?: string }>().notNull().default({ done: 0, total: null }),
    error: jsonb('error').$type<{ code: string; message: string }>(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_due').on(t.state, t.runAt),
    index('jobs_account_kind').on(t.accountId, t.kind, t.id),
    // One active job of a kind per account (e.g. one fan sync at a time).
    uniqueIndex('jobs_one_active').on(t.accountId, t.kind).where(sql`${t.state} in ('queued', 'running')`),
  ],
);
