import type {
  CouponEvent,
  CouponStatus,
  CouponTemplateInput,
  CouponTemplateView,
  CouponView,
  IssueResult,
  LoyaltyMemberDetail,
  LoyaltyMemberView,
  LoyaltyReport,
  Page,
  PointsAdjustInput,
  PointsEntry,
  ProgramInput,
  ProgramView,
  StaffInput,
  StaffView,
} from '@zhanggui/shared';
import { api, apiUrl, listOf } from './client.ts';

const base = (accountId: number) => `/accounts/${accountId}/loyalty`;

/** What the members list is narrowed by (the CSV export takes the same). */
export interface MemberQuery {
  q?: string;
  levelId?: number;
}

export interface CouponQuery {
  templateId?: number;
  status?: CouponStatus;
  q?: string;
}

export type CouponDetail = CouponView & { events: CouponEvent[] };

const memberQuery = (query: MemberQuery) => ({ q: query.q?.trim() || undefined, levelId: query.levelId });

/** The card programme: settings, levels, points rules, and the card's logo. */
export const programApi = {
  get: (accountId: number, signal?: AbortSignal) => api.get<ProgramView>(`${base(accountId)}/program`, undefined, signal),
  save: (accountId: number, input: ProgramInput) => api.put<ProgramView>(`${base(accountId)}/program`, input),
  /** JPG or PNG of at most 1 MB (400 LOGO_INVALID otherwise). */
  uploadLogo: (accountId: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<ProgramView>(`${base(accountId)}/program/logo`, form, 'PUT');
  },
  removeLogo: (accountId: number) => api.delete<ProgramView>(`${base(accountId)}/program/logo`),
};

/** Card holders, their points ledger, and cards issued by hand. */
export const loyaltyMembersApi = {
  list: (accountId: number, query: MemberQuery, cursor: string | null, signal?: AbortSignal) =>
    api.get<Page<LoyaltyMemberView>>(`${base(accountId)}/members`, { ...memberQuery(query), cursor }, signal),
  /** A plain link: the browser downloads it with the session cookie. */
  exportUrl: (accountId: number, query: MemberQuery) => apiUrl(`${base(accountId)}/members/export.csv`, memberQuery(query)),
  /** Issues the fan's card; the same card when they already hold one. */
  issue: (accountId: number, openid: string) => api.post<LoyaltyMemberView>(`${base(accountId)}/members`, { openid }),
  get: (accountId: number, memberId: number, signal?: AbortSignal) => api.get<LoyaltyMemberDetail>(`${base(accountId)}/members/${memberId}`, undefined, signal),
  points: (accountId: number, memberId: number, cursor: string | null, signal?: AbortSignal) =>
    api.get<Page<PointsEntry>>(`${base(accountId)}/members/${memberId}/points`, { cursor }, signal),
  /** 409 POINTS_INSUFFICIENT when taking away more than the balance. */
  adjustPoints: (accountId: number, memberId: number, input: PointsAdjustInput) => api.post<PointsEntry>(`${base(accountId)}/members/${memberId}/points`, input),
};

/** Coupon templates in the shape useCollection takes; DELETE archives (coupons already issued stay valid). */
export const couponTemplatesApi = {
  list: (accountId: number, signal?: AbortSignal) =>
    api.get<CouponTemplateView[] | { items: CouponTemplateView[] }>(`${base(accountId)}/coupon-templates`, undefined, signal).then(listOf),
  get: (accountId: number, templateId: number) => api.get<CouponTemplateView>(`${base(accountId)}/coupon-templates/${templateId}`),
  create: (accountId: number, input: CouponTemplateInput) => api.post<CouponTemplateView>(`${base(accountId)}/coupon-templates`, input),
  update: (accountId: number, templateId: number, input: CouponTemplateInput) => api.put<CouponTemplateView>(`${base(accountId)}/coupon-templates/${templateId}`, input),
  remove: (accountId: number, templateId: number) => api.delete<void>(`${base(accountId)}/coupon-templates/${templateId}`),
  /** Up to 1000 openids; each one refused (stock, per-fan limit, unknown fan) comes back with its reason. */
  issue: (accountId: number, templateId: number, openids: string[]) => api.post<IssueResult>(`${base(accountId)}/coupon-templates/${templateId}/issue`, { openids }),
};

/** Issued coupons and their trail. */
export const couponsApi = {
  list: (accountId: number, query: CouponQuery, cursor: string | null, signal?: AbortSignal) =>
    api.get<Page<CouponView>>(`${base(accountId)}/coupons`, { templateId: query.templateId, status: query.status, q: query.q?.trim() || undefined, cursor }, signal),
  get: (accountId: number, couponId: number, signal?: AbortSignal) => api.get<CouponDetail>(`${base(accountId)}/coupons/${couponId}`, undefined, signal),
  /** 409 COUPON_ALREADY_REDEEMED (and the like) when it can no longer be voided. */
  void: (accountId: number, couponId: number, reason: string) => api.post<CouponView>(`${base(accountId)}/coupons/${couponId}/void`, { reason }),
};

export const loyaltyReportApi = {
  get: (accountId: number, days: number, signal?: AbortSignal) => api.get<LoyaltyReport>(`${base(accountId)}/report`, { days }, signal),
};

/** Till logins (核销员) of the account; members.manage. */
export const staffApi = {
  list: (accountId: number, signal?: AbortSignal) => api.get<StaffView[] | { items: StaffView[] }>(`${base(accountId)}/staff`, undefined, signal).then(listOf),
  add: (accountId: number, input: StaffInput) => api.post<StaffView>(`${base(accountId)}/staff`, input),
  remove: (accountId: number, operatorId: number) => api.delete<void>(`${base(accountId)}/staff/${operatorId}`),
};
