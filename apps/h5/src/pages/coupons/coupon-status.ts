import type { CouponKind, CouponStatus, Fen } from '@zhanggui/shared';
import { formatFen } from '../../format.ts';
import { text } from '../../text.ts';

/** The three tabs of 我的优惠券 and the statuses each holds. */
export type CouponTab = 'usable' | 'used' | 'invalid';

export const TAB_STATUSES: Record<CouponTab, readonly CouponStatus[]> = {
  usable: ['active', 'pending'],
  used: ['redeemed'],
  invalid: ['expired', 'void'],
};

export function statusLabel(status: CouponStatus): string {
  return text.coupons.status[status];
}

/** Still worth showing at the till (the QR code is live). */
export function isUsable(status: CouponStatus): boolean {
  return status === 'active' || status === 'pending';
}

/** "满 ¥100.00 可用" / "无门槛"; gifts have no minimum spend line. */
export function minSpendLabel(kind: CouponKind, minSpendFen: Fen): string | null {
  if (kind === 'gift') return null;
  return minSpendFen > 0 ? text.coupons.minSpend(formatFen(minSpendFen)) : text.coupons.noMinSpend;
}
