import { Tag } from 'antd';
import type { CouponView } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import { COUPON_STATUS_COLOURS, groupedCode } from '../loyalty-format.ts';

/** A member's coupons in short: what, the code, until when, and where each stands. */
export function CouponList({ coupons, onOpen }: { coupons: CouponView[]; onOpen: (coupon: CouponView) => void }) {
  const { t } = useI18n();
  return (
    <ul className="zg-coupon-list" data-testid="loyalty-member-coupons">
      {coupons.map((coupon) => (
        <li key={coupon.id}>
          <button type="button" className="zg-link-button zg-coupon-list-item" onClick={() => onOpen(coupon)} data-testid={`loyalty-member-coupon-${coupon.id}`}>
            <span className="zg-entry">
              <strong>{coupon.title}</strong>
              <span className="zg-entry-body">
                {coupon.templateName} · <span className="zg-mono">{groupedCode(coupon.code)}</span>
              </span>
            </span>
            <span className="zg-coupon-list-side">
              <Tag color={COUPON_STATUS_COLOURS[coupon.status]}>{t(`loyalty.coupon.status.${coupon.status}`)}</Tag>
              <small className="zg-muted">{t('loyalty.coupon.until', { date: coupon.validTo.slice(0, 10) })}</small>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
