import type { CouponView } from '@zhanggui/shared';
import { Empty, ErrorState, Loading } from '../components/PageState.tsx';
import { formatFen, formatShortDateTime, groupsOfFour } from '../format.ts';
import { useResource } from '../hooks/use-resource.ts';
import { text } from '../text.ts';
import { staffApi } from './staff-api.ts';

/** 最近核销: this operator's last 50 redemptions, to answer "did that one go through?". */
export function RecentPanel({ accountId }: { accountId: number }) {
  const recent = useResource((signal) => staffApi.recent(accountId, signal), [accountId]);

  if (!recent.data) return recent.error ? <ErrorState error={recent.error} onRetry={recent.reload} /> : <Loading />;
  return (
    <div className="till-recent">
      <div className="link-area">
        <button type="button" className="btn-link" onClick={recent.reload} disabled={recent.loading}>
          {text.staff.refresh}
        </button>
      </div>
      {recent.data.length === 0 ? <Empty label={text.staff.recentEmpty} /> : <RecentList coupons={recent.data} />}
    </div>
  );
}

function RecentList({ coupons }: { coupons: CouponView[] }) {
  return (
    <ul className="cells cells-list" data-testid="staff-recent">
      {coupons.map((coupon) => (
        <li key={coupon.id} className="cell">
          <span className="cell-body">
            <span className="cell-label">{coupon.title}</span>
            <span className="cell-desc mono">{groupsOfFour(coupon.code)}</span>
            <span className="cell-desc">{coupon.memberNo ?? text.staff.noMember}</span>
          </span>
          <span className="recent-side">
            <span className="cell-desc">{coupon.redeemedAt ? formatShortDateTime(coupon.redeemedAt) : ''}</span>
            {coupon.orderAmountFen !== null && <span className="recent-amount">{formatFen(coupon.orderAmountFen)}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
