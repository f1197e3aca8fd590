import type { CouponTemplateView } from '@zhanggui/shared';
import { couponTemplatesApi } from '../api/loyalty.api.ts';
import { useResource } from '../hooks/use-resource.ts';

/** What a reply that issues a coupon needs to know of its template. */
export interface CouponOption {
  id: number;
  name: string;
  title: string;
  color: string;
  /** Enabled and not archived: the reply would issue it. */
  issuing: boolean;
}

// Every coupon reply in an editor (and the phone preview beside it) asks for the same list: one request
// serves them all for a short while.
const CACHE_MS = 30_000;
const cache = new Map<number, { at: number; list: Promise<CouponOption[]> }>();

function optionOf(template: CouponTemplateView): CouponOption {
  return { id: template.id, name: template.name, title: template.title, color: template.color, issuing: template.enabled && !template.archived };
}

function loadOptions(accountId: number): Promise<CouponOption[]> {
  const cached = cache.get(accountId);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.list;
  // Roles that cannot read coupons still edit replies: they see ids instead of names.
  const list = couponTemplatesApi.list(accountId).then((templates) => templates.map(optionOf), () => []);
  cache.set(accountId, { at: Date.now(), list });
  return list;
}

/** After templates change on the coupons page, pickers elsewhere read them again. */
export function forgetCouponOptions(accountId: number): void {
  cache.delete(accountId);
}

/** The account's coupon templates as choices for "issue a coupon" replies (archived ones too, to name them). */
export function useCouponOptions(accountId: number): CouponOption[] {
  const options = useResource(() => loadOptions(accountId), [accountId]);
  return options.data ?? [];
}
