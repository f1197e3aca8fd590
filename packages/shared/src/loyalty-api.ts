// Membership cards, points, check-in and coupons (issue 7) — the JSON shapes of three APIs:
//
// Console (operator session + x-csrf-token; read: fans.view, write: loyalty.edit, export: fans.export):
//   GET/PUT  /api/accounts/:id/loyalty/program                      → ProgramView   (PUT body ProgramInput)
//   PUT      /api/accounts/:id/loyalty/program/logo  multipart "file" (jpg/png ≤ 1 MB) → ProgramView; DELETE removes it
//   GET      /api/accounts/:id/loyalty/members?q=&levelId=&cursor=  → Page<LoyaltyMemberView>   (q: member no, name, phone, openid)
//   GET      /api/accounts/:id/loyalty/members/export.csv
//   POST     /api/accounts/:id/loyalty/members  { openid }          → LoyaltyMemberView (issue a card by hand; same card if issued)
//   GET      /api/accounts/:id/loyalty/members/:memberId            → LoyaltyMemberDetail
//   GET      /api/accounts/:id/loyalty/members/:memberId/points?cursor= → Page<PointsEntry>
//   POST     /api/accounts/:id/loyalty/members/:memberId/points  PointsAdjustInput → PointsEntry   (POINTS_INSUFFICIENT)
//   GET/POST /api/accounts/:id/loyalty/coupon-templates             → CouponTemplateView[] / CouponTemplateView
//   GET/PUT/DELETE /api/accounts/:id/loyalty/coupon-templates/:templateId  (DELETE archives: issued coupons stay valid)
//   POST     /api/accounts/:id/loyalty/coupon-templates/:templateId/issue  { openids: string[] (≤ 1000) } → IssueResult
//   GET      /api/accounts/:id/loyalty/coupons?templateId=&status=&q=&cursor= → Page<CouponView>  (q: code or openid)
//   GET      /api/accounts/:id/loyalty/coupons/:couponId            → CouponView & { events: CouponEvent[] }
//   POST     /api/accounts/:id/loyalty/coupons/:couponId/void  { reason } → CouponView   (COUPON_ALREADY_REDEEMED …)
//   GET      /api/accounts/:id/loyalty/report?days=30               → LoyaltyReport
//   GET      /api/accounts/:id/loyalty/staff                        → StaffView[]       (members.manage)
//   POST     /api/accounts/:id/loyalty/staff  StaffInput            → StaffView         (members.manage; creates a till login)
//   DELETE   /api/accounts/:id/loyalty/staff/:operatorId            (members.manage; removes the staff role on this account)
//
// Staff (operator session with coupons.redeem — the "staff" role, or any owner/admin):
//   POST /api/accounts/:id/loyalty/redeem/lookup  { code }          → CouponView   (COUPON_NOT_FOUND)
//   POST /api/accounts/:id/loyalty/redeem  RedeemInput              → CouponView   (exactly once: COUPON_ALREADY_REDEEMED,
//        COUPON_EXPIRED, COUPON_VOID, COUPON_NOT_YET_VALID, COUPON_MIN_SPEND; each refusal is in the coupon's trail)
//   GET  /api/accounts/:id/loyalty/redeem/recent                    → CouponView[]  (this operator's last 50)
//   POST /api/accounts/:id/loyalty/member-lookup  { memberNo }      → LoyaltyMemberView   (MEMBER_NOT_FOUND)
//   POST /api/accounts/:id/loyalty/members/:memberId/orders  OrderPointsInput → PointsEntry  (points per order amount)
//
// Fan pages (apps/h5, served under /h5): the fan is identified by OAuth (snsapi_base) and a signed cookie.
//   GET /h5/:accountId/...                 any page; without a fan session the server redirects through WeChat's
//                                          authorize page and back (/h5/:accountId/oauth/callback) first
//   GET  /h5/api/:accountId/me             → FanHome          (401 FAN_AUTH_REQUIRED { loginUrl } when the session is gone)
//   POST /h5/api/:accountId/card           → FanHome          (claims the card; the same card when already a member)
//   PUT  /h5/api/:accountId/profile  ProfileInput → FanHome   (PROFILE_INVALID with details.fields)
//   POST /h5/api/:accountId/checkin        → CheckinResult    (once per local day; the second time alreadyToday: true)
//   GET  /h5/api/:accountId/points?cursor= → Page<PointsEntry>
//   GET  /h5/api/:accountId/coupons        → FanCoupon[]      (newest first; every status)
//   GET  /h5/api/:accountId/coupons/:couponId → FanCoupon
//   GET  /h5/api/:accountId/offers         → FanOffer[]       (coupons for points, and free ones to claim)
//   POST /h5/api/:accountId/offers/:templateId → FanCoupon    (spends points when it has a price; COUPON_OUT_OF_STOCK,
//                                          COUPON_LIMIT_REACHED, POINTS_INSUFFICIENT, MEMBER_REQUIRED)
//   GET  /h5/api/:accountId/card/code.svg?format=qr|barcode   the member number as a QR code or Code 128 barcode
//   GET  /h5/api/:accountId/coupons/:couponId/code.svg        the coupon code as a QR code
// Every unsafe fan request carries the header `x-zg-fan: 1` (a page on another site cannot send it).

/** A price in fen (分): 1999 = ¥19.99. */
export type Fen = number;

export interface MemberLevel {
  /** Absent for a new level. */
  id?: number;
  name: string;
  /** Lifetime points earned (spending does not lower it) to reach this level; the first level is 0. */
  threshold: number;
  /** Percentage paid: 95 = 9.5折; null: no discount. */
  payPercent: number | null;
  benefits: string;
}

export interface StreakBonus {
  /** On the Nth consecutive day of check-in … */
  days: number;
  /** … this many extra points. */
  points: number;
}

export interface PointsRules {
  /** Points for the daily check-in. */
  checkin: number;
  streak: StreakBonus[];
  /** Points per whole yuan of an order recorded at the till (0: none). */
  perYuan: number;
  /** Points given with a new card. */
  welcome: number;
}

export interface ProgramInput {
  enabled: boolean;
  /** The card's title, e.g. "星享会员卡". */
  cardName: string;
  /** The card colour, #RRGGBB. */
  color: string;
  /** Member number = prefix (0–6 of A–Z/0–9) + digits (6–12) zero-padded sequence, e.g. VIP00001234. */
  memberNoPrefix: string;
  memberNoDigits: number;
  /** Terms shown under the card (使用须知). */
  notice: string;
  /** Sorted by threshold on save; at least one, the first at 0. */
  levels: MemberLevel[];
  points: PointsRules;
  /** A fan sending exactly this text gets the card (empty: off). Default "会员卡". */
  cardKeyword: string;
  /** A fan sending exactly this text checks in (empty: off). Default "签到". */
  checkinKeyword: string;
}

export interface ProgramView extends ProgramInput {
  levels: Array<MemberLevel & { id: number; members: number }>;
  /** /h5/api/… URL of the uploaded logo, or null. */
  logoUrl: string | null;
  memberCount: number;
  /** Where the member centre lives (put it in a menu "view" button). */
  centreUrl: string;
  updatedAt: string | null;
}

export type Gender = 'male' | 'female';

export interface ProfileInput {
  name: string | null;
  /** Mainland mobile: 11 digits starting with 1 (1[3-9]xxxxxxxxx). */
  phone: string | null;
  gender: Gender | null;
  /** YYYY-MM-DD, not in the future. */
  birthday: string | null;
  /** e.g. "广东省 深圳市". */
  region: string | null;
}

export type CardIssuedVia = 'scan' | 'keyword' | 'menu' | 'page' | 'manual';

export interface LoyaltyMemberView extends ProfileInput {
  id: number;
  openid: string;
  /** The fan's nickname or remark, if we know one. */
  fanName: string | null;
  memberNo: string;
  level: { id: number; name: string; payPercent: number | null } | null;
  points: number;
  pointsEarned: number;
  issuedVia: CardIssuedVia;
  issuedAt: string;
  lastCheckinOn: string | null;
  streak: number;
}

export interface LoyaltyMemberDetail extends LoyaltyMemberView {
  coupons: CouponView[];
  /** Points still needed for the next level, or null at the top. */
  nextLevel: { name: string; needed: number } | null;
}

export type PointsReason = 'welcome' | 'checkin' | 'streak' | 'order' | 'campaign' | 'exchange' | 'adjust' | 'refund';

export interface PointsEntry {
  id: number;
  delta: number;
  /** The balance right after this entry. */
  balance: number;
  reason: PointsReason;
  /** Why, in words: "连续签到 7 天", "兑换 满100减20", the operator's reason. */
  note: string;
  operator: { id: number; name: string } | null;
  createdAt: string;
}

export interface PointsAdjustInput {
  /** Non-zero; negative takes points away (never below zero). */
  delta: number;
  /** Required, 1–200 characters. */
  reason: string;
}

export interface OrderPointsInput {
  amountFen: Fen;
  /** The till's receipt number: the same ref twice gives points once. */
  ref?: string;
}

export type CouponKind = 'percent' | 'amount' | 'gift';

export type CouponValidity =
  /** Valid between two dates (YYYY-MM-DD, inclusive, account time zone). */
  | { type: 'fixed'; from: string; to: string }
  /** Valid for N days from the moment of issue. */
  | { type: 'relative'; days: number };

export interface CouponTemplateInput {
  name: string;
  kind: CouponKind;
  /** kind percent: the percentage paid, 10–99 (85 = 8.5折). */
  payPercent?: number | null;
  /** kind amount: the amount off. */
  amountOffFen?: Fen | null;
  /** kind gift: what the fan gets, e.g. "拿铁一杯". */
  gift?: string | null;
  /** Minimum spend for percent and amount coupons (0: none). */
  minSpendFen: Fen;
  /** 使用说明. */
  description: string;
  color: string;
  /** Total that may be issued (null: unlimited). */
  stock: number | null;
  /** Coupons one fan may hold from this template in total, ≥ 1. */
  perFanLimit: number;
  validity: CouponValidity;
  /** Exchangeable for this many points (null: not for points). */
  pointsPrice: number | null;
  /** Fans may claim it for free on the offers page and through its claim link (for menus, news and broadcasts). */
  claimable: boolean;
  enabled: boolean;
}

export interface CouponTemplateView extends Required<CouponTemplateInput> {
  id: number;
  /** "满100减20", "8.5折", "赠 拿铁一杯". */
  title: string;
  issued: number;
  redeemed: number;
  voided: number;
  /** Issued and now past their end without being used. */
  expired: number;
  /** null: unlimited. */
  remaining: number | null;
  /** The fan page that claims this coupon (works when claimable). */
  claimUrl: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export type CouponStatus = 'active' | 'pending' | 'redeemed' | 'void' | 'expired';
export type CouponIssuedVia = 'scan' | 'keyword' | 'menu' | 'claim' | 'campaign' | 'exchange' | 'manual';

export interface CouponView {
  id: number;
  templateId: number;
  templateName: string;
  kind: CouponKind;
  title: string;
  minSpendFen: Fen;
  /** 16 characters of 0-9A-Z without look-alikes, shown in groups of four. */
  code: string;
  openid: string;
  memberNo: string | null;
  /** pending: not valid yet; expired: past validTo and never used. */
  status: CouponStatus;
  validFrom: string;
  validTo: string;
  issuedVia: CouponIssuedVia;
  issuedAt: string;
  redeemedAt: string | null;
  redeemedBy: { id: number; name: string } | null;
  orderAmountFen: Fen | null;
  voidedAt: string | null;
  voidReason: string | null;
}

export type CouponEventAction = 'issued' | 'redeemed' | 'refused' | 'voided';

export interface CouponEvent {
  id: number;
  action: CouponEventAction;
  /** For refused: the error code (COUPON_ALREADY_REDEEMED …). */
  code: string | null;
  operator: { id: number; name: string } | null;
  detail: Record<string, unknown>;
  at: string;
}

export interface IssueResult {
  issued: CouponView[];
  refused: Array<{ openid: string; code: string; message: string }>;
}

export interface RedeemInput {
  code: string;
  /** The order amount (needed to check a minimum spend). */
  orderAmountFen?: Fen | null;
}

export interface StaffInput {
  username: string;
  displayName: string;
  /** At least 10 characters; needed only when the username is new. */
  password?: string;
}

export interface StaffView {
  operatorId: number;
  username: string;
  displayName: string;
  redeemedToday: number;
  redeemedTotal: number;
  lastRedeemedAt: string | null;
}

export interface LoyaltyReport {
  days: Array<{ date: string; cards: number; checkins: number; issued: number; redeemed: number }>;
  templates: Array<{ id: number; name: string; issued: number; redeemed: number; rate: number }>;
  staff: Array<{ operatorId: number; name: string; redeemed: number }>;
  totals: { members: number; pointsOutstanding: number; couponsActive: number };
}

/** What the fan pages show of the programme (no internal ids beyond levels). */
export interface FanProgram {
  cardName: string;
  color: string;
  logoUrl: string | null;
  notice: string;
  levels: Array<{ id: number; name: string; threshold: number; payPercent: number | null; benefits: string }>;
  points: PointsRules;
  accountName: string;
}

export interface FanMember extends ProfileInput {
  memberNo: string;
  level: { id: number; name: string; payPercent: number | null; benefits: string } | null;
  nextLevel: { name: string; needed: number } | null;
  points: number;
  pointsEarned: number;
  issuedAt: string;
  streak: number;
  checkedInToday: boolean;
}

/** GET /h5/api/:accountId/me */
export interface FanHome {
  /** null: the account has no card programme (or it is switched off). */
  program: FanProgram | null;
  /** null: no card yet. */
  member: FanMember | null;
  coupons: { active: number; total: number };
  subscribed: boolean;
}

export interface CheckinResult {
  alreadyToday: boolean;
  /** Points given now (check-in + streak bonus); 0 when alreadyToday. */
  points: number;
  bonus: number;
  streak: number;
  balance: number;
}

export interface FanCoupon {
  id: number;
  title: string;
  name: string;
  kind: CouponKind;
  minSpendFen: Fen;
  description: string;
  color: string;
  code: string;
  status: CouponStatus;
  validFrom: string;
  validTo: string;
  issuedAt: string;
  redeemedAt: string | null;
}

export interface FanOffer {
  templateId: number;
  title: string;
  name: string;
  description: string;
  color: string;
  /** null: free to claim. */
  pointsPrice: number | null;
  remaining: number | null;
  /** How many more this fan may get. */
  left: number;
  validity: CouponValidity;
}
