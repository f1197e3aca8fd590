import type { CouponView } from '@zhanggui/shared';
import { Validity } from '../pages/coupons/Validity.tsx';
import { formatFen, formatShortDateTime, groupsOfFour } from '../format.ts';
import { text } from '../text.ts';

/** What the till needs to know about a coupon before redeeming it. */
export function CouponSummary({ coupon }: { coupon: CouponView }) {
  const usable = coupon.status === 'active';
  return (
    <div className="till-coupon">
      <p className="till-coupon-title">{coupon.title}</p>
      <p className="till-coupon-name">{coupon.templateName}</p>
      <dl className="till-facts">
        <dt>{text.staff.couponStatus}</dt>
        <dd className={usable ? 'till-status-ok' : 'till-status-bad'} data-testid="staff-coupon-status">
          {text.coupons.status[coupon.status]}
          {coupon.status === 'redeemed' && coupon.redeemedAt && ` · ${formatShortDateTime(coupon.redeemedAt)}`}
          {coupon.status === 'redeemed' && coupon.redeemedBy && ` · ${coupon.redeemedBy.name}`}
        </dd>
        <dt>{text.coupons.code}</dt>
        <dd className="mono">{groupsOfFour(coupon.code)}</dd>
        <dt>{text.staff.memberNo}</dt>
        <dd>{coupon.memberNo ?? text.staff.noMember}</dd>
        <dt>{text.staff.validity}</dt>
        <dd>
          <Validity from={coupon.validFrom} to={coupon.validTo} />
        </dd>
        {coupon.kind !== 'gift' && (
          <>
            <dt>{text.staff.minSpend}</dt>
            <dd>{coupon.minSpendFen > 0 ? formatFen(coupon.minSpendFen) : text.coupons.noMinSpend}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
