// The fan pages' client for /h5/api/:accountId/…: JSON in and out, the fan's session cookie, and the
// `x-zg-fan: 1` header on every state-changing request (a page on another site cannot send it).
import type { CheckinResult, FanCoupon, FanHome, FanOffer, Page, PointsEntry, ProfileInput } from '@zhanggui/shared';
import { ApiError, callJson } from './api-error.ts';

/** "/h5/" in production; every fan URL hangs under it. */
export const BASE = import.meta.env.BASE_URL;

const accountBase = (accountId: number) => `${BASE}api/${accountId}`;

/** A promise that never settles: the page is leaving (to WeChat's authorize page), keep showing the spinner. */
const leaving = <T>() => new Promise<T>(() => undefined);

async function request<T>(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  try {
    return await callJson<T>(method, url, { 'x-zg-fan': '1' }, body, signal);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'FAN_AUTH_REQUIRED') throw error;
    // The session cookie is gone: go through WeChat's authorize page again (it brings the fan back here).
    const loginUrl = (error.details as { loginUrl?: unknown } | undefined)?.loginUrl;
    if (typeof loginUrl === 'string' && loginUrl) window.location.href = loginUrl;
    else window.location.reload();
    return leaving<T>();
  }
}

export const fanApi = {
  home: (accountId: number, signal?: AbortSignal) => request<FanHome>('GET', `${accountBase(accountId)}/me`, undefined, signal),
  claimCard: (accountId: number) => request<FanHome>('POST', `${accountBase(accountId)}/card`),
  /** 400 PROFILE_INVALID with details.fields. */
  saveProfile: (accountId: number, input: ProfileInput) => request<FanHome>('PUT', `${accountBase(accountId)}/profile`, input),
  checkin: (accountId: number) => request<CheckinResult>('POST', `${accountBase(accountId)}/checkin`),
  points: (accountId: number, cursor: string | null, signal?: AbortSignal) =>
    request<Page<PointsEntry>>('GET', `${accountBase(accountId)}/points${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, undefined, signal),
  coupons: (accountId: number, signal?: AbortSignal) => request<FanCoupon[]>('GET', `${accountBase(accountId)}/coupons`, undefined, signal),
  coupon: (accountId: number, couponId: number, signal?: AbortSignal) =>
    request<FanCoupon>('GET', `${accountBase(accountId)}/coupons/${couponId}`, undefined, signal),
  offers: (accountId: number, signal?: AbortSignal) => request<FanOffer[]>('GET', `${accountBase(accountId)}/offers`, undefined, signal),
  /** Spends points when the offer has a price: POINTS_INSUFFICIENT, COUPON_OUT_OF_STOCK, COUPON_LIMIT_REACHED, MEMBER_REQUIRED. */
  takeOffer: (accountId: number, templateId: number) => request<FanCoupon>('POST', `${accountBase(accountId)}/offers/${templateId}`),
};

/** Image URLs the till scans (SVG drawn by the server). */
export const codeImageUrl = {
  member: (accountId: number, format: 'qr' | 'barcode') => `${accountBase(accountId)}/card/code.svg?format=${format}`,
  coupon: (accountId: number, couponId: number) => `${accountBase(accountId)}/coupons/${couponId}/code.svg`,
};
