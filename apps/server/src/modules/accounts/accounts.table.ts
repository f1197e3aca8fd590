import { boolean, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/** A connected Official Account. Secrets are sealed with the master key (SecretBox); never stored in clear. */
export const accounts = pgTable('accounts', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  appId: text('app_id').notNull().unique(),
  /** The gh_… original id; learned from the first push when not entered. */
  originalId: text('original_id'),
  appSecretSealed: text('app_secret_sealed').notNull(),
  tokenSealed: text('token_sealed').notNull(),
  aesKeySealed: text('aes_key_sealed'),
  /** The EncodingAESKey before the last rotation, tried second while WeChat switches over. */
  previousAesKeySealed: text('previous_aes_key_sealed'),
  messageMode: text('message_mode', { enum: ['plaintext', 'compatible', 'safe'] }).notNull().default('safe'),
  accountType: text('account_type', { enum: ['subscription', 'service'] }).notNull().default('subscription'),
  verified: boolean('verified').notNull().default(false),
  timezone: text('timezone').notNull().default('Asia/Shanghai'),
  /** Bumped on every change so other nodes reload their compiled state. */
  revision: integer('revision').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
});

/**
 * The account's access token, shared by every node. One node at a time holds the refresh lease;
 * the others wait for its result instead of refreshing (a refresh elsewhere would break their token).
 */
export const accountTokens = pgTable('account_tokens', {
  accountId: integer('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  accessTokenSealed: text('access_token_sealed'),
  /** sha256 of the token, to compare without decrypting (compare-then-expire). */
  tokenHash: text('token_hash'),
  /** Hash of a token WeChat rejected: if a normal refresh hands it back, force a new one. */
  rejectedHash: text('rejected_hash'),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  leaseOwner: text('lease_owner'),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
  refreshCount: integer('refresh_count').notNull().default(0),
  lastErrorCode: text('last_error_code'),
  lastError: text('last_error'),
  lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
});
