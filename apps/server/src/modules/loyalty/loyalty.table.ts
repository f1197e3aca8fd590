import type { CouponValidity, PointsRules } from '@zhanggui/shared';
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.ts';
import { operators } from '../operators/operators.table.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** An account's membership card programme (会员卡). Its row lock also orders card issuance per account. */
export const loyaltyPrograms = pgTable('loyalty_programs', {
  accountId: integer('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(false),
  cardName: text('card_name').notNull(),
  color: text('color').notNull(),
  memberNoPrefix: text('member_no_prefix').notNull().default(''),
  memberNoDigits: integer('member_no_digits').notNull().default(8),
  /** The next member number's sequence value. */
  nextMemberSeq: integer('next_member_seq').notNull().default(1),
  notice: text('notice').notNull().default(''),
  points: jsonb('points').$type<PointsRules>().notNull(),
  cardKeyword: text('card_keyword').notNull().default(''),
  checkinKeyword: text('checkin_keyword').notNull().default(''),
  logo: bytea('logo'),
  logoType: text('logo_type'),
  logoVersion: integer('logo_version').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const memberLevels = pgTable(
  'member_levels',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Lifetime points earned to reach the level. */
    threshold: integer('threshold').notNull(),
    /** Percentage paid (95 = 9.5折); null: no discount. */
    payPercent: integer('pay_percent'),
    benefits: text('benefits').notNull().default(''),
  },
  (t) => [index('member_levels_account').on(t.accountId, t.threshold)],
);

/**
 * A fan holding the account's card. `points` is the balance the ledger adds up to, kept on the row so the
 * check that it never goes negative is one guarded UPDATE (and a CHECK constraint behind it).
 */
export const members = pgTable(
  'members',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    openid: text('openid').notNull(),
    memberNo: text('member_no').notNull(),
    levelId: integer('level_id').references(() => memberLevels.id, { onDelete: 'set null' }),
    points: integer('points').notNull().default(0),
    pointsEarned: integer('points_earned').notNull().default(0),
    name: text('name'),
    phone: text('phone'),
    gender: text('gender', { enum: ['male', 'female'] }),
    birthday: date('birthday', { mode: 'string' }),
    region: text('region'),
    issuedVia: text('issued_via').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    lastCheckinOn: date('last_checkin_on', { mode: 'string' }),
    streak: integer('streak').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('members_account_openid').on(t.accountId, t.openid),
    uniqueIndex('members_account_no').on(t.accountId, t.memberNo),
    index('members_account_id').on(t.accountId, t.id),
    check('members_points_not_negative', sql`${t.points} >= 0`),
  ],
);

/** Append-only: every change of a member's points, with why and the balance after it. */
export const pointsLedger = pgTable(
  'points_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    delta: integer('delta').notNull(),
    balance: integer('balance').notNull(),
    reason: text('reason').notNull(),
    note: text('note').notNull().default(''),
    /** Makes an entry idempotent: welcome, checkin:<day>, order:<receipt>, exchange:<coupon>. */
    ref: text('ref'),
    operatorId: integer('operator_id').references(() => operators.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('points_ledger_member').on(t.memberId, t.id), uniqueIndex('points_ledger_ref').on(t.memberId, t.ref).where(sql`${t.ref} is not null`)],
);

/** One row per member and local day: the primary key is what makes check-in once a day. */
export const checkins = pgTable(
  'checkins',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    streak: integer('streak').notNull(),
    points: integer('points').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.day] }), index('checkins_account_day').on(t.accountId, t.day)],
);

export const couponTemplates = pgTable(
  'coupon_templates',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['percent', 'amount', 'gift'] }).notNull(),
    payPercent: integer('pay_percent'),
    amountOffFen: integer('amount_off_fen'),
    gift: text('gift'),
    minSpendFen: integer('min_spend_fen').notNull().default(0),
    description: text('description').notNull().default(''),
    color: text('color').notNull(),
    /** null: unlimited. */
    stock: integer('stock'),
    /** Coupons issued so far; the template's row lock orders issuance, so stock and per-fan limits hold. */
    issued: integer('issued').notNull().default(0),
    perFanLimit: integer('per_fan_limit').notNull().default(1),
    validity: jsonb('validity').$type<CouponValidity>().notNull(),
    pointsPrice: integer('points_price'),
    claimable: boolean('claimable').notNull().default(false),
    enabled: boolean('enabled').notNull().default(true),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('coupon_templates_account').on(t.accountId), check('coupon_templates_stock', sql`${t.stock} is null or ${t.issued} <= ${t.stock}`)],
);

/** An issued coupon. Expiry is derived (valid_to in the past and still issued). */
export const coupons = pgTable(
  'coupons',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    templateId: integer('template_id')
      .notNull()
      .references(() => couponTemplates.id, { onDelete: 'cascade' }),
    openid: text('openid').notNull(),
    memberId: integer('member_id').references(() => members.id, { onDelete: 'set null' }),
    /** Random, unguessable, unique across the instance (the till looks coupons up by code alone). */
    code: text('code').notNull(),
    status: text('status', { enum: ['issued', 'redeemed', 'void'] }).notNull().default('issued'),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }).notNull(),
    issuedVia: text('issued_via').notNull(),
    /** Makes issuance idempotent: the push, the exchange, the campaign draw that issued it. */
    issueRef: text('issue_ref'),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    redeemedBy: integer('redeemed_by').references(() => operators.id, { onDelete: 'set null' }),
    orderAmountFen: integer('order_amount_fen'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: integer('voided_by').references(() => operators.id, { onDelete: 'set null' }),
    voidReason: text('void_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('coupons_code').on(t.code),
    uniqueIndex('coupons_issue_ref').on(t.templateId, t.issueRef).where(sql`${t.issueRef} is not null`),
    index('coupons_account_openid').on(t.accountId, t.openid, t.id),
    index('coupons_template').on(t.templateId, t.openid),
    index('coupons_account_id').on(t.accountId, t.id),
  ],
);

/** The trail of a coupon: issued, redeemed, every refused attempt, voided. */
export const couponEvents = pgTable(
  'coupon_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    couponId: bigint('coupon_id', { mode: 'number' })
      .notNull()
      .references(() => coupons.id, { onDelete: 'cascade' }),
    action: text('action', { enum: ['issued', 'redeemed', 'refused', 'voided'] }).notNull(),
    code: text('code'),
    operatorId: integer('operator_id').references(() => operators.id, { onDelete: 'set null' }),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('coupon_events_coupon').on(t.couponId, t.id), index('coupon_events_account').on(t.accountId, t.action, t.createdAt)],
);
