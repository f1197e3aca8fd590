import { useEffect } from 'react';
import type { CouponTemplateInput } from '@zhanggui/shared';
import { couponTemplatesApi } from '../../../api/loyalty.api.ts';
import { useCollection } from '../../../data/use-collection.ts';
import { forgetCouponOptions } from '../../../data/use-coupon-options.ts';

const POLL_MS = 10_000;

/**
 * The coupon templates with live stock: read again every 10 s while the page is visible (fans claim and
 * staff redeem meanwhile), and at once when the operator comes back to the tab.
 */
export function useCouponTemplates(accountId: number) {
  const templates = useCollection(accountId, couponTemplatesApi);
  const { setData } = templates;

  useEffect(() => {
    let stopped = false;
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
      void couponTemplatesApi.list(accountId).then((items) => !stopped && setData(items), () => {});
    };
    const timer = window.setInterval(refresh, POLL_MS);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [accountId, setData]);

  /** Saves, and lets reply editors elsewhere see the change. */
  const save = async (id: number | null, input: CouponTemplateInput) => {
    const saved = await templates.save(id, input);
    forgetCouponOptions(accountId);
    return saved;
  };

  return { ...templates, save };
}
