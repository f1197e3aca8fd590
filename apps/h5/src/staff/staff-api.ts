// The till's client for the operator API (/api/…): the operator's session cookie, and the CSRF token
// from login or GET /api/auth/me on every state-changing request.
import type { CouponView, LoginInput, LoyaltyMemberView, OrderPointsInput, PointsEntry, RedeemInput, SessionView } from '@zhanggui/shared';
import { ApiError, callJson } from '../api-error.ts';

const state = {
  csrfToken: null as string | null,
  onSignedOut: null as (() => void) | null,
};

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

/** Called when a request comes back 401 AUTH_REQUIRED: the session ended (expired, or signed out elsewhere). */
export function onSignedOut(handler: (() => void) | null): void {
  state.onSignedOut = handler;
}

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  try {
    return await callJson<T>(method, `/api${path}`, state.csrfToken ? { 'x-csrf-token': state.csrfToken } : {}, body, signal);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'AUTH_REQUIRED' && !path.startsWith('/auth/')) state.onSignedOut?.();
    throw error;
  }
}

const loyalty = (accountId: number) => `/accounts/${accountId}/loyalty`;

export const staffApi = {
  /** 401 AUTH_REQUIRED when not signed in. */
  me: (signal?: AbortSignal) => request<SessionView>('GET', '/auth/me', undefined, signal),
  login: (input: LoginInput) => request<SessionView>('POST', '/auth/login', input),
  logout: () => request<void>('POST', '/auth/logout'),
  /** COUPON_NOT_FOUND. */
  lookupCoupon: (accountId: number, code: string) => request<CouponView>('POST', `${loyalty(accountId)}/redeem/lookup`, { code }),
  /** Exactly once: COUPON_ALREADY_REDEEMED, COUPON_EXPIRED, COUPON_VOID, COUPON_NOT_YET_VALID, COUPON_MIN_SPEND. */
  redeem: (accountId: number, input: RedeemInput) => request<CouponView>('POST', `${loyalty(accountId)}/redeem`, input),
  /** This operator's last 50 redemptions. */
  recent: (accountId: number, signal?: AbortSignal) => request<CouponView[]>('GET', `${loyalty(accountId)}/redeem/recent`, undefined, signal),
  /** MEMBER_NOT_FOUND. */
  lookupMember: (accountId: number, memberNo: string) => request<LoyaltyMemberView>('POST', `${loyalty(accountId)}/member-lookup`, { memberNo }),
  /** Points for an order; the same receipt ref twice gives points once (ORDER_ALREADY_RECORDED). */
  recordOrder: (accountId: number, memberId: number, input: OrderPointsInput) =>
    request<PointsEntry>('POST', `${loyalty(accountId)}/members/${memberId}/orders`, input),
};
