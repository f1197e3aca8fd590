import { Link, useSearchParams } from 'react-router-dom';
import type { FanCoupon } from '@zhanggui/shared';
import { fanApi } from '../../api.ts';
import { Empty, ErrorState, Loading } from '../../components/PageState.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { useAccountId } from '../../hooks/use-account-id.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { text } from '../../text.ts';
import { TAB_STATUSES, isUsable, minSpendLabel, statusLabel, type CouponTab } from './coupon-status.ts';
import { Ticket } from './Ticket.tsx';
import { Validity } from './Validity.tsx';

const TABS: CouponTab[] = ['usable', 'used', 'invalid'];

/** 我的优惠券: the fan's coupons in three tabs; the tab lives in the URL so 返回 comes back to it. */
export function CouponsPage() {
  const accountId = useAccountId();
  useDocumentTitle(text.titles.coupons);
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((key) => key === params.get('tab')) ?? 'usable';
  const coupons = useResource((signal) => fanApi.coupons(accountId, signal), [accountId]);

  if (!coupons.data) return coupons.error ? <ErrorState error={coupons.error} onRetry={coupons.reload} /> : <Loading />;
  const all = coupons.data;
  const inTab = (key: CouponTab) => all.filter((coupon) => TAB_STATUSES[key].includes(coupon.status));
  const shown = inTab(tab);

  return (
    <main className="page page-tabs">
      <Tabs
        label={text.titles.coupons}
        items={TABS.map((key) => ({ key, label: text.coupons.tabs[key], count: key === 'usable' ? inTab(key).length : undefined }))}
        active={tab}
        onChange={(key) => setParams(key === 'usable' ? {} : { tab: key }, { replace: true })}
      />
      <div role="tabpanel" aria-label={text.coupons.tabs[tab]}>
        {shown.length === 0 ? (
          <Empty label={text.coupons.empty}>
            {tab === 'usable' && (
              <Link className="btn-link" to={`/${accountId}/offers`}>
                {text.coupons.goOffers}
              </Link>
            )}
          </Empty>
        ) : (
          <ul className="tickets">
            {shown.map((coupon) => (
              <li key={coupon.id}>
                <CouponTicket accountId={accountId} coupon={coupon} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </main>
  );
}

function CouponTicket({ accountId, coupon }: { accountId: number; coupon: FanCoupon }) {
  const usable = isUsable(coupon.status);
  return (
    <Link className="ticket-link" to={`/${accountId}/coupons/${coupon.id}`} data-testid={`coupon-${coupon.id}`}>
      <Ticket color={coupon.color} title={coupon.title} subtitle={minSpendLabel(coupon.kind, coupon.minSpendFen)} stamp={usable ? null : statusLabel(coupon.status)}>
        <span className="ticket-name">{coupon.name}</span>
        <span className="ticket-meta"><Validity from={coupon.validFrom} to={coupon.validTo} /></span>
        {coupon.status === 'pending' && <span className="tag">{statusLabel('pending')}</span>}
        {/* The stamp is drawn for the eye; this line says it for screen readers. */}
        {!usable && <span className="visually-hidden">{statusLabel(coupon.status)}</span>}
      </Ticket>
    </Link>
  );
}
