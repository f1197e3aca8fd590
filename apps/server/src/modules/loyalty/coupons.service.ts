import { randomBytes } from 'node:crypto';
import { ERRORS } from '@zhanggui/shared';
import type {
  CouponEvent,
  CouponIssuedVia,
  CouponKind,
  CouponStatus,
  CouponTemplateView,
  CouponValidity,
  CouponView,
  ErrorCode,
  FanCoupon,
  FanOffer,
  IssueResult,
  LoyaltyReport,
  Page,
} from '@zhanggui/shared';
import type { Database, Sql } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import { decodeCursor, encodeCursor } from '../inbox/cursor.ts';
import { couponTemplateInput } from './loyalty.schema.ts';
import type { MembersService } from './members.service.ts';

/** 32 symbols without look-alikes (no 0/O, 1/I): 16 of them are 80 random bits. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 16;

export function newCouponCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += CODE_ALPHABET[byte & 31];
  return code;
}

interface TemplateRow {
  id: number;
  account_id: number;
  name: string;
  kind: CouponKind;
  pay_percent: number | null;
  amount_off_fen: number | null;
  gift: string | null;
  min_spend_fen: number;
  description: string;
  color: string;
  stock: number | null;
  issued: number;
  per_fan_limit: number;
  validity: CouponValidity;
  points_price: number | null;
  claimable: boolean;
  enabled: boolean;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

interface CouponRow {
  id: string;
  template_id: number;
  template_name: string;
  kind: CouponKind;
  pay_percent: number | null;
  amount_off_fen: number | null;
  gift: string | null;
  min_spend_fen: number;
  description: string;
  color: string;
  code: string;
  openid: string;
  member_no: string | null;
  state: CouponStatus;
  valid_from: Date;
  valid_to: Date;
  issued_via: CouponIssuedVia;
  created_at: Date;
  redeemed_at: Date | null;
  redeemed_by: number | null;
  redeemer: string | null;
  order_amount_fen: number | null;
  voided_at: Date | null;
  void_reason: string | null;
}

/** A coupon's status now: used and voided stay so; an unused one is pending, active or expired by its dates. */
const STATE = `case when c.status <> 'issued' then c.status when c.valid_to <= now() then 'expired' when c.valid_from > now() then 'pending' else 'active' end`;
const COUPON_SELECT = `select c.id, c.template_id, t.name as template_name, t.kind, t.pay_percent, t.amount_off_fen, t.gift, t.min_spend_fen, t.description, t.color,
    c.code, c.openid, m.member_no, ${STATE} as state, c.valid_from, c.valid_to, c.issued_via, c.created_at, c.redeemed_at, c.redeemed_by,
    o.display_name as redeemer, c.order_amount_fen, c.voided_at, c.void_reason
  from coupons c join coupon_templates t on t.id = c.template_id
  left join members m on m.id = c.member_id left join operators o on o.id = c.redeemed_by`;

const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

/** "满100减20", "立减10元", "8.5折", "满200享8折", "赠 拿铁一杯". */
export function couponTitle(t: { kind: CouponKind; pay_percent: number | null; amount_off_fen: number | null; gift: string | null; min_spend_fen: number }): string {
  if (t.kind === 'gift') return `赠 ${t.gift ?? ''}`;
  if (t.kind === 'percent') {
    const off = `${(t.pay_percent ?? 100) / 10}折`;
    return t.min_spend_fen > 0 ? `满${yuan(t.min_spend_fen)}享${off}` : off;
  }
  return t.min_spend_fen > 0 ? `满${yuan(t.min_spend_fen)}减${yuan(t.amount_off_fen ?? 0)}` : `立减${yuan(t.amount_off_fen ?? 0)}元`;
}

/** Refusals at the till, by what the coupon row says. */
function refusal(row: Pick<CouponRow, 'state' | 'min_spend_fen'>): ErrorCode {
  switch (row.state) {
    case 'redeemed':
      return 'COUPON_ALREADY_REDEEMED';
    case 'void':
      return 'COUPON_VOID';
    case 'expired':
      return 'COUPON_EXPIRED';
    case 'pending':
      return 'COUPON_NOT_YET_VALID';
    default:
      return 'COUPON_MIN_SPEND';
  }
}

/**
 * Coupon templates, issuing (stock, per-fan limits, idempotent by reference), redemption at the till
 * (exactly once), voiding, the coupons a fan holds, offers for points, and the numbers behind the report.
 */
export class CouponsService {
  constructor(
    private readonly db: Database,
    private readonly accounts: AccountsService,
    private readonly members: MembersService,
    private readonly publicUrl: string,
  ) {}

  claimUrl(accountId: number, templateId: number): string {
    return `${this.publicUrl}/h5/${accountId}/claim/${templateId}`;
  }

  couponUrl(accountId: number, couponId: number): string {
    return `${this.publicUrl}/h5/${accountId}/coupons/${couponId}`;
  }

  // ---- templates ----

  async templates(accountId: number, options: { templateId?: number } = {}): Promise<CouponTemplateView[]> {
    const rows = await this.db.query<TemplateRow & { redeemed: number; voided: number; expired: number }>(
      `select t.*,
         coalesce(s.redeemed, 0)::int as redeemed, coalesce(s.voided, 0)::int as voided, coalesce(s.expired, 0)::int as expired
       from coupon_templates t
       left join (
         select template_id, count(*) filter (where status = 'redeemed') as redeemed, count(*) filter (where status = 'void') as voided,
           count(*) filter (where status = 'issued' and valid_to <= now()) as expired
         from coupons where account_id = $1 and ($2::int is null or template_id = $2) group by template_id
       ) s on s.template_id = t.id
       where t.account_id = $1 and ($2::int is null or t.id = $2)
       order by t.archived_at is not null, t.id desc`,
      [accountId, options.templateId ?? null],
    );
    return rows.map((row) => this.presentTemplate(row));
  }

  async template(accountId: number, templateId: number): Promise<CouponTemplateView> {
    const [found] = await this.templates(accountId, { templateId });
    if (!found) throw new AppError('COUPON_TEMPLATE_NOT_FOUND');
    return found;
  }

  async saveTemplate(accountId: number, templateId: number | null, raw: unknown): Promise<CouponTemplateView> {
    const input = couponTemplateInput.parse(raw);
    const values = [
      input.name,
      input.kind,
      input.payPercent,
      input.amountOffFen,
      input.gift,
      input.minSpendFen,
      input.description,
      input.color,
      input.stock,
      input.perFanLimit,
      JSON.stringify(input.validity),
      input.pointsPrice,
      input.claimable,
      input.enabled,
    ];
    if (templateId === null) {
      const [row] = await this.db.query<{ id: number }>(
        `insert into coupon_templates (account_id, name, kind, pay_percent, amount_off_fen, gift, min_spend_fen, description, color, stock, per_fan_limit, validity, points_price, claimable, enabled)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id`,
        [accountId, ...values],
      );
      return this.template(accountId, row!.id);
    }
    const rows = await this.db.query<{ id: number; issued: number }>(
      `update coupon_templates set name = $3, kind = $4, pay_percent = $5, amount_off_fen = $6, gift = $7, min_spend_fen = $8, description = $9, color = $10,
         stock = $11, per_fan_limit = $12, validity = $13, points_price = $14, claimable = $15, enabled = $16, updated_at = now()
       where account_id = $1 and id = $2 and archived_at is null and ($11::int is null or $11::int >= issued) returning id, issued`,
      [accountId, templateId, ...values],
    );
    if (!rows[0]) {
      const [current] = await this.db.query<{ issued: number; archived: boolean }>('select issued, archived_at is not null as archived from coupon_templates where account_id = $1 and id = $2', [accountId, templateId]);
      if (!current || current.archived) throw new AppError('COUPON_TEMPLATE_NOT_FOUND');
      throw new AppError('VALIDATION_FAILED', [{ path: 'stock', message: `库存不能少于已发放的 ${current.issued} 张` }]);
    }
    return this.template(accountId, templateId);
  }

  /** Stops issuing; coupons already issued stay usable. */
  async archiveTemplate(accountId: number, templateId: number): Promise<void> {
    const rows = await this.db.query('update coupon_templates set archived_at = coalesce(archived_at, now()), enabled = false, updated_at = now() where account_id = $1 and id = $2 returning id', [accountId, templateId]);
    if (!rows[0]) throw new AppError('COUPON_TEMPLATE_NOT_FOUND');
  }

  // ---- issuing ----

  /**
   * Issues one coupon inside `tx`. The template's row lock orders every issuance of it, so the stock and
   * the per-fan limit hold under any concurrency; a reference seen before returns the coupon it issued.
   */
  async issueIn(tx: Sql, accountId: number, templateId: number, openid: string, via: CouponIssuedVia, options: { ref?: string | null; operatorId?: number | null; timezone: string }): Promise<{ id: number; created: boolean }> {
    const [template] = await tx.query<TemplateRow>('select * from coupon_templates where account_id = $1 and id = $2 for update', [accountId, templateId]);
    if (!template) throw new AppError('COUPON_TEMPLATE_NOT_FOUND');
    if (options.ref) {
      const [seen] = await tx.query<{ id: string }>('select id from coupons where template_id = $1 and issue_ref = $2', [templateId, options.ref]);
      if (seen) return { id: Number(seen.id), created: false };
    }
    if (!template.enabled || template.archived_at) throw new AppError('COUPON_TEMPLATE_DISABLED');
    if (template.stock !== null && template.issued >= template.stock) throw new AppError('COUPON_OUT_OF_STOCK');
    const [held] = await tx.query<{ n: number }>('select count(*)::int as n from coupons where template_id = $1 and openid = $2', [templateId, openid]);
    if (held!.n >= template.per_fan_limit) throw new AppError('COUPON_LIMIT_REACHED');
    const validity = template.validity;
    const [row] = await tx.query<{ id: string; valid_to: Date }>(
      `insert into coupons (account_id, template_id, openid, member_id, code, valid_from, valid_to, issued_via, issue_ref)
       values ($1, $2, $3, (select id from members where account_id = $1 and openid = $3), $4,
         case when $5 = 'fixed' then ($6::date)::timestamp at time zone $9 else now() end,
         case when $5 = 'fixed' then ($7::date + 1)::timestamp at time zone $9 else now() + make_interval(days => $8::int) end,
         $10, $11)
       returning id, valid_to`,
      [
        accountId,
        templateId,
        openid,
        newCouponCode(),
        validity.type,
        validity.type === 'fixed' ? validity.from : null,
        validity.type === 'fixed' ? validity.to : null,
        validity.type === 'relative' ? validity.days : 0,
        options.timezone,
        via,
        options.ref ?? null,
      ],
    );
    // A fixed window that has already ended issues nothing.
    if (row!.valid_to.getTime() <= Date.now()) throw new AppError('COUPON_TEMPLATE_DISABLED');
    await tx.query('update coupon_templates set issued = issued + 1 where id = $1', [templateId]);
    await tx.query(`insert into coupon_events (account_id, coupon_id, action, operator_id, detail) values ($1, $2, 'issued', $3, $4)`, [
      accountId,
      row!.id,
      options.operatorId ?? null,
      JSON.stringify({ via, ...(options.ref ? { ref: options.ref } : {}) }),
    ]);
    return { id: Number(row!.id), created: true };
  }

  /** Issues one coupon (scan, keyword, menu, claim, campaign prize, by hand). */
  async issue(accountId: number, templateId: number, openid: string, via: CouponIssuedVia, options: { ref?: string | null; operatorId?: number | null; timezone?: string } = {}): Promise<CouponView> {
    const timezone = options.timezone ?? (await this.accounts.get(accountId)).timezone;
    const { id } = await this.db.transaction((tx) => this.issueIn(tx, accountId, templateId, openid, via, { ...options, timezone }));
    return this.coupon(accountId, id);
  }

  /** Issues by hand to a list of fans; each fan succeeds or is refused on its own. */
  async issueMany(accountId: number, templateId: number, openids: string[], operatorId: number): Promise<IssueResult> {
    const result: IssueResult = { issued: [], refused: [] };
    const wanted = [...new Set(openids.map((o) => o.trim()).filter(Boolean))];
    // Only fans the account knows (followers, former followers, card holders): a typo is refused, not issued.
    const known = new Set(
      (
        await this.db.query<{ openid: string }>(
          'select openid from fans where account_id = $1 and openid = any($2) union select openid from members where account_id = $1 and openid = any($2)',
          [accountId, wanted],
        )
      ).map((r) => r.openid),
    );
    for (const openid of wanted) {
      if (!known.has(openid)) {
        result.refused.push({ openid, code: 'FAN_NOT_FOUND', message: ERRORS.FAN_NOT_FOUND.zh });
        continue;
      }
      try {
        result.issued.push(await this.issue(accountId, templateId, openid, 'manual', { operatorId }));
      } catch (error) {
        if (!(error instanceof AppError) || error.code === 'COUPON_TEMPLATE_NOT_FOUND') throw error;
        result.refused.push({ openid, code: error.code, message: error.message });
      }
    }
    return result;
  }

  /** A coupon for points: the points are spent and the coupon issued in one transaction, or neither. */
  async exchange(accountId: number, openid: string, templateId: number): Promise<CouponView> {
    const member = await this.members.memberByOpenid(accountId, openid);
    if (!member) throw new AppError('MEMBER_REQUIRED');
    const account = await this.accounts.get(accountId);
    const id = await this.db.transaction(async (tx) => {
      const [template] = await tx.query<TemplateRow>('select * from coupon_templates where account_id = $1 and id = $2', [accountId, templateId]);
      if (!template) throw new AppError('COUPON_TEMPLATE_NOT_FOUND');
      if (template.points_price === null) throw new AppError('COUPON_NOT_CLAIMABLE');
      const { id } = await this.issueIn(tx, accountId, templateId, openid, 'exchange', { timezone: account.timezone });
      await this.members.change(tx, accountId, member.id, -template.points_price, 'exchange', `兑换 ${template.name}（${couponTitle(template)}）`, { ref: `exchange:${id}` });
      return id;
    });
    return this.coupon(accountId, id);
  }

  /** The fan pages' "get it" button: for points when it has a price, free when claimable. */
  async take(accountId: number, openid: string, templateId: number): Promise<CouponView> {
    const [template] = await this.db.query<{ points_price: number | null; claimable: boolean }>('select points_price, claimable from coupon_templates where account_id = $1 and id = $2', [accountId, templateId]);
    if (!template) throw new AppError('COUPON_TEMPLATE_NOT_FOUND');
    if (template.points_price !== null) return this.exchange(accountId, openid, templateId);
    if (!template.claimable) throw new AppError('COUPON_NOT_CLAIMABLE');
    return this.issue(accountId, templateId, openid, 'claim');
  }

  async offers(accountId: number, openid: string): Promise<FanOffer[]> {
    const rows = await this.db.query<TemplateRow & { held: number }>(
      `select t.*, (select count(*)::int from coupons c where c.template_id = t.id and c.openid = $2) as held
       from coupon_templates t
       where t.account_id = $1 and t.enabled and t.archived_at is null and (t.claimable or t.points_price is not null)
         and (t.validity->>'type' <> 'fixed' or (t.validity->>'to')::date >= current_date - 1)
       order by t.points_price nulls first, t.id desc`,
      [accountId, openid],
    );
    return rows.map((t) => ({
      templateId: t.id,
      title: couponTitle(t),
      name: t.name,
      description: t.description,
      color: t.color,
      pointsPrice: t.points_price,
      remaining: t.stock === null ? null : Math.max(0, t.stock - t.issued),
      left: Math.max(0, t.per_fan_limit - t.held),
      validity: t.validity,
    }));
  }

  // ---- reading ----

  async coupon(accountId: number, couponId: number): Promise<CouponView> {
    const [row] = await this.db.query<CouponRow>(`${COUPON_SELECT} where c.account_id = $1 and c.id = $2`, [accountId, couponId]);
    if (!row) throw new AppError('COUPON_NOT_FOUND');
    return presentCoupon(row);
  }

  async events(accountId: number, couponId: number): Promise<CouponEvent[]> {
    const rows = await this.db.query<{ id: string; action: CouponEvent['action']; code: string | null; operator_id: number | null; operator_name: string | null; detail: Record<string, unknown>; created_at: Date }>(
      `select e.id, e.action, e.code, e.operator_id, o.display_name as operator_name, e.detail, e.created_at
       from coupon_events e left join operators o on o.id = e.operator_id where e.account_id = $1 and e.coupon_id = $2 order by e.id`,
      [accountId, couponId],
    );
    return rows.map((r) => ({ id: Number(r.id), action: r.action, code: r.code, operator: r.operator_id ? { id: r.operator_id, name: r.operator_name ?? '' } : null, detail: r.detail, at: r.created_at.toISOString() }));
  }

  async list(accountId: number, filter: { templateId?: number; status?: CouponStatus; q?: string; cursor?: string }, size = 50): Promise<Page<CouponView>> {
    const cursor = decodeCursor(filter.cursor);
    const q = filter.q?.trim() || null;
    const rows = await this.db.query<CouponRow>(
      `${COUPON_SELECT}
       where c.account_id = $1 and ($2::int is null or c.template_id = $2) and ($3::text is null or ${STATE} = $3)
         and ($4::text is null or c.code = upper(replace(replace($4, ' ', ''), '-', '')) or c.openid = $4 or m.member_no = upper($4))
         and ($5::timestamptz is null or (c.created_at, c.id) < ($5::timestamptz, $6::bigint))
       order by c.created_at desc, c.id desc limit $7`,
      [accountId, filter.templateId ?? null, filter.status ?? null, q, cursor?.at ?? null, cursor?.id ?? 0, size + 1],
    );
    const page = rows.slice(0, size);
    const last = page[page.length - 1];
    return { items: page.map(presentCoupon), nextCursor: rows.length > size && last ? encodeCursor(last.created_at, Number(last.id)) : null };
  }

  async ofFan(accountId: number, openid: string): Promise<FanCoupon[]> {
    const rows = await this.db.query<CouponRow>(`${COUPON_SELECT} where c.account_id = $1 and c.openid = $2 order by c.id desc limit 200`, [accountId, openid]);
    return rows.map(presentFanCoupon);
  }

  async fanCoupon(accountId: number, openid: string, couponId: number): Promise<FanCoupon> {
    const [row] = await this.db.query<CouponRow>(`${COUPON_SELECT} where c.account_id = $1 and c.openid = $2 and c.id = $3`, [accountId, openid, couponId]);
    if (!row) throw new AppError('COUPON_NOT_FOUND');
    return presentFanCoupon(row);
  }

  async counts(accountId: number, openid: string): Promise<{ active: number; total: number }> {
    const [row] = await this.db.query<{ active: number; total: number }>(
      `select count(*) filter (where ${STATE} in ('active', 'pending'))::int as active, count(*)::int as total from coupons c where c.account_id = $1 and c.openid = $2`,
      [accountId, openid],
    );
    return row!;
  }

  // ---- the till ----

  async lookup(accountId: number, code: string): Promise<CouponView> {
    const [row] = await this.db.query<CouponRow>(`${COUPON_SELECT} where c.account_id = $1 and c.code = $2`, [accountId, code]);
    if (!row) throw new AppError('COUPON_NOT_FOUND');
    return presentCoupon(row);
  }

  /**
   * Redeems a coupon exactly once: one guarded UPDATE (status still issued, inside its dates, minimum spend
   * met). Two tills at the same moment: the second waits for the first's row lock, sees it redeemed and
   * changes nothing. Every refusal is written to the coupon's trail with its reason.
   */
  async redeem(accountId: number, code: string, orderAmountFen: number | null, operatorId: number): Promise<CouponView> {
    const rows = await this.db.query<{ id: string }>(
      `with c as (
         update coupons c set status = 'redeemed', redeemed_at = now(), redeemed_by = $3, order_amount_fen = $4
         from coupon_templates t
         where c.account_id = $1 and c.code = $2 and c.status = 'issued' and c.valid_from <= now() and c.valid_to > now()
           and t.id = c.template_id and (t.min_spend_fen = 0 or coalesce($4::int, -1) >= t.min_spend_fen)
         returning c.id, c.account_id
       ), e as (
         insert into coupon_events (account_id, coupon_id, action, operator_id, detail)
         select account_id, id, 'redeemed', $3, jsonb_build_object('orderAmountFen', $4::int) from c
       )
       select id from c`,
      [accountId, code, operatorId, orderAmountFen],
    );
    if (rows[0]) return this.coupon(accountId, Number(rows[0].id));
    const [row] = await this.db.query<CouponRow>(`${COUPON_SELECT} where c.account_id = $1 and c.code = $2`, [accountId, code]);
    if (!row) throw new AppError('COUPON_NOT_FOUND');
    const reason = refusal(row);
    await this.db.query(`insert into coupon_events (account_id, coupon_id, action, code, operator_id, detail) values ($1, $2, 'refused', $3, $4, $5)`, [
      accountId,
      row.id,
      reason,
      operatorId,
      JSON.stringify({ orderAmountFen }),
    ]);
    const details =
      reason === 'COUPON_ALREADY_REDEEMED'
        ? { redeemedAt: row.redeemed_at?.toISOString() ?? null, redeemedBy: row.redeemer }
        : reason === 'COUPON_MIN_SPEND'
          ? { minSpendFen: row.min_spend_fen }
          : reason === 'COUPON_EXPIRED'
            ? { validTo: row.valid_to.toISOString() }
            : undefined;
    throw new AppError(reason, details);
  }

  async recentRedemptions(accountId: number, operatorId: number): Promise<CouponView[]> {
    const rows = await this.db.query<CouponRow>(`${COUPON_SELECT} where c.account_id = $1 and c.redeemed_by = $2 and c.status = 'redeemed' order by c.redeemed_at desc limit 50`, [accountId, operatorId]);
    return rows.map(presentCoupon);
  }

  async void(accountId: number, couponId: number, reason: string, operatorId: number): Promise<CouponView> {
    const rows = await this.db.query<{ id: string }>(
      `with c as (
         update coupons set status = 'void', voided_at = now(), voided_by = $3, void_reason = $4 where account_id = $1 and id = $2 and status = 'issued' returning id, account_id
       ), e as (
         insert into coupon_events (account_id, coupon_id, action, operator_id, detail) select account_id, id, 'voided', $3, jsonb_build_object('reason', $4::text) from c
       )
       select id from c`,
      [accountId, couponId, operatorId, reason],
    );
    if (!rows[0]) {
      const current = await this.coupon(accountId, couponId);
      throw new AppError(current.status === 'redeemed' ? 'COUPON_ALREADY_REDEEMED' : 'COUPON_VOID');
    }
    return this.coupon(accountId, couponId);
  }

  // ---- numbers ----

  async report(accountId: number, days: number): Promise<LoyaltyReport> {
    const account = await this.accounts.get(accountId);
    const tz = account.timezone;
    const series = await this.db.query<{ date: string; cards: number; checkins: number; issued: number; redeemed: number }>(
      `with d as (
         select generate_series((now() at time zone $2)::date - ($3::int - 1), (now() at time zone $2)::date, interval '1 day')::date as day
       )
       select d.day::text as date,
         (select count(*)::int from members m where m.account_id = $1 and (m.issued_at at time zone $2)::date = d.day) as cards,
         (select count(*)::int from checkins k where k.account_id = $1 and k.day = d.day) as checkins,
         (select count(*)::int from coupons c where c.account_id = $1 and (c.created_at at time zone $2)::date = d.day) as issued,
         (select count(*)::int from coupons c where c.account_id = $1 and c.redeemed_at is not null and (c.redeemed_at at time zone $2)::date = d.day) as redeemed
       from d order by d.day`,
      [accountId, tz, days],
    );
    const templates = await this.db.query<{ id: number; name: string; issued: number; redeemed: number }>(
      `select t.id, t.name, t.issued, (select count(*)::int from coupons c where c.template_id = t.id and c.status = 'redeemed') as redeemed
       from coupon_templates t where t.account_id = $1 order by t.id desc`,
      [accountId],
    );
    const staff = await this.db.query<{ operator_id: number; name: string; redeemed: number }>(
      `select c.redeemed_by as operator_id, o.display_name as name, count(*)::int as redeemed
       from coupons c join operators o on o.id = c.redeemed_by
       where c.account_id = $1 and c.redeemed_at > now() - make_interval(days => $2::int)
       group by c.redeemed_by, o.display_name order by redeemed desc`,
      [accountId, days],
    );
    const [totals] = await this.db.query<{ members: number; points: number; active: number }>(
      `select (select count(*)::int from members where account_id = $1) as members,
         (select coalesce(sum(points), 0)::int from members where account_id = $1) as points,
         (select count(*)::int from coupons c where c.account_id = $1 and c.status = 'issued' and c.valid_to > now()) as active`,
      [accountId],
    );
    return {
      days: series,
      templates: templates.map((t) => ({ ...t, rate: t.issued ? Math.round((t.redeemed / t.issued) * 1000) / 1000 : 0 })),
      staff: staff.map((s) => ({ operatorId: s.operator_id, name: s.name, redeemed: s.redeemed })),
      totals: { members: totals!.members, pointsOutstanding: totals!.points, couponsActive: totals!.active },
    };
  }

  /** Redemptions per operator: today (account time zone), in total and the last one. */
  async redemptionsBy(accountId: number): Promise<Map<number, { today: number; total: number; last: Date | null }>> {
    const account = await this.accounts.get(accountId);
    const rows = await this.db.query<{ operator_id: number; today: number; total: number; last: Date | null }>(
      `select redeemed_by as operator_id, count(*) filter (where (redeemed_at at time zone $2)::date = (now() at time zone $2)::date)::int as today,
         count(*)::int as total, max(redeemed_at) as last
       from coupons where account_id = $1 and status = 'redeemed' and redeemed_by is not null group by redeemed_by`,
      [accountId, account.timezone],
    );
    return new Map(rows.map((r) => [r.operator_id, { today: r.today, total: r.total, last: r.last }]));
  }

  private presentTemplate(row: TemplateRow & { redeemed: number; voided: number; expired: number }): CouponTemplateView {
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      payPercent: row.pay_percent,
      amountOffFen: row.amount_off_fen,
      gift: row.gift,
      minSpendFen: row.min_spend_fen,
      description: row.description,
      color: row.color,
      stock: row.stock,
      perFanLimit: row.per_fan_limit,
      validity: row.validity,
      pointsPrice: row.points_price,
      claimable: row.claimable,
      enabled: row.enabled,
      title: couponTitle(row),
      issued: row.issued,
      redeemed: row.redeemed,
      voided: row.voided,
      expired: row.expired,
      remaining: row.stock === null ? null : Math.max(0, row.stock - row.issued),
      claimUrl: this.claimUrl(row.account_id, row.id),
      archived: row.archived_at !== null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}

function presentCoupon(row: CouponRow): CouponView {
  return {
    id: Number(row.id),
    templateId: row.template_id,
    templateName: row.template_name,
    kind: row.kind,
    title: couponTitle(row),
    minSpendFen: row.min_spend_fen,
    code: row.code,
    openid: row.openid,
    memberNo: row.member_no,
    status: row.state,
    validFrom: row.valid_from.toISOString(),
    validTo: lastInstant(row.valid_to),
    issuedVia: row.issued_via,
    issuedAt: row.created_at.toISOString(),
    redeemedAt: row.redeemed_at?.toISOString() ?? null,
    redeemedBy: row.redeemed_by ? { id: row.redeemed_by, name: row.redeemer ?? '' } : null,
    orderAmountFen: row.order_amount_fen,
    voidedAt: row.voided_at?.toISOString() ?? null,
    voidReason: row.void_reason,
  };
}

function presentFanCoupon(row: CouponRow): FanCoupon {
  return {
    id: Number(row.id),
    title: couponTitle(row),
    name: row.template_name,
    kind: row.kind,
    minSpendFen: row.min_spend_fen,
    description: row.description,
    color: row.color,
    code: row.code,
    status: row.state,
    validFrom: row.valid_from.toISOString(),
    validTo: lastInstant(row.valid_to),
    issuedAt: row.created_at.toISOString(),
    redeemedAt: row.redeemed_at?.toISOString() ?? null,
  };
}

/** The last moment a coupon is valid (stored as the exclusive end): a fixed window ends at 23:59:59.999 of its last day. */
function lastInstant(end: Date): string {
  return new Date(end.getTime() - 1).toISOString();
}
