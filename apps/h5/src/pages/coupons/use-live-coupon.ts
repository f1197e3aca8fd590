import { useEffect, useRef } from 'react';
import type { FanCoupon } from '@zhanggui/shared';
import { fanApi } from '../../api.ts';
import { usePageVisible } from '../../hooks/use-page-visible.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { isUsable } from './coupon-status.ts';

/** How often an open coupon asks whether the till has redeemed it. */
const POLL_MS = 1500;

/**
 * One coupon, kept current while it can still be used: the fan holds the QR code up to the till and
 * sees 已使用 the moment the staff redeem it. Polling stops when the page is hidden and when the coupon
 * is no longer usable.
 */
export function useLiveCoupon(accountId: number, couponId: number) {
  const coupon = useResource((signal) => fanApi.coupon(accountId, couponId, signal), [accountId, couponId]);
  const visible = usePageVisible();
  const live = coupon.data !== undefined && isUsable(coupon.data.status);
  const hiddenSince = useRef(false);
  const { setData } = coupon;

  useEffect(() => {
    if (!visible) hiddenSince.current = true;
    if (!live || !visible) return;
    const controller = new AbortController();
    let timer = 0;
    const poll = async () => {
      try {
        const fresh = await fanApi.coupon(accountId, couponId, controller.signal);
        if (controller.signal.aborted) return;
        setData((current) => (current && sameState(current, fresh) ? current : fresh));
      } catch {
        // Keep showing the last answer; the next poll tries again.
      }
      if (!controller.signal.aborted) timer = window.setTimeout(poll, POLL_MS);
    };
    // Back from the background: ask at once (the coupon may have been redeemed meanwhile).
    timer = window.setTimeout(poll, hiddenSince.current ? 0 : POLL_MS);
    hiddenSince.current = false;
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [live, visible, accountId, couponId, setData]);

  return coupon;
}

function sameState(a: FanCoupon, b: FanCoupon): boolean {
  return a.status === b.status && a.redeemedAt === b.redeemedAt && a.validFrom === b.validFrom && a.validTo === b.validTo;
}
