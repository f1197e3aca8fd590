import { useParams } from 'react-router-dom';
import type { FanCoupon } from '@zhanggui/shared';
import { codeImageUrl } from '../../api.ts';
import { Cell, CellGroup } from '../../components/Cells.tsx';
import { ErrorState, Loading, NotFound } from '../../components/PageState.tsx';
import { formatDate, formatDateTime, groupsOfFour } from '../../format.ts';
import { idFromPath, useAccountId } from '../../hooks/use-account-id.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { text } from '../../text.ts';
import { cardColor, textColorOn } from '../member/card-colors.ts';
import { minSpendLabel, statusLabel } from './coupon-status.ts';
import { useLiveCoupon } from './use-live-coupon.ts';
import { Validity } from './Validity.tsx';

/** One coupon with its QR code and code for the till; turns to 已使用 as soon as the till redeems it. */
export function CouponPage() {
  const couponId = idFromPath(useParams().couponId);
  return couponId === null ? <NotFound /> : <CouponScreen couponId={couponId} />;
}

function CouponScreen({ couponId }: { couponId: number }) {
  const accountId = useAccountId();
  useDocumentTitle(text.titles.coupon);
  const coupon = useLiveCoupon(accountId, couponId);

  if (!coupon.data) return coupon.error ? <ErrorState error={coupon.error} onRetry={coupon.reload} /> : <Loading />;
  const data = coupon.data;
  const background = cardColor(data.color);
  const minSpend = minSpendLabel(data.kind, data.minSpendFen);

  return (
    <main className="page">
      <section className="coupon-sheet">
        <header className="coupon-head" style={{ background, color: textColorOn(background) }}>
          <h1 className="coupon-title">{data.title}</h1>
          <p className="coupon-name">{data.name}</p>
          <p className="coupon-validity"><Validity from={data.validFrom} to={data.validTo} /></p>
        </header>
        <CouponCode accountId={accountId} coupon={data} />
      </section>
      <CellGroup>
        {minSpend && <Cell label={text.coupons.minSpendTitle} value={minSpend} />}
        {data.description.trim() && (
          <div className="cell cell-block">
            <span className="cell-label">{text.coupons.description}</span>
            <p className="coupon-description">{data.description}</p>
          </div>
        )}
      </CellGroup>
    </main>
  );
}

function CouponCode({ accountId, coupon }: { accountId: number; coupon: FanCoupon }) {
  const spent = coupon.status !== 'active' && coupon.status !== 'pending';
  return (
    <div className={`coupon-code-area${spent ? ' coupon-code-spent' : ''}`}>
      <p className={`coupon-status coupon-status-${coupon.status}`} data-testid="coupon-status" role="status" aria-live="polite">
        {statusLabel(coupon.status)}
      </p>
      <div className="coupon-qr">
        <img src={codeImageUrl.coupon(accountId, coupon.id)} alt={text.coupons.qrAlt} width={200} height={200} />
        {spent && (
          <span className="coupon-qr-stamp" aria-hidden="true">
            {statusLabel(coupon.status)}
          </span>
        )}
      </div>
      <p className="coupon-code">
        <span className="visually-hidden">{text.coupons.code} </span>
        <span data-testid="coupon-code">{groupsOfFour(coupon.code)}</span>
      </p>
      {coupon.status === 'redeemed' && coupon.redeemedAt && (
        <p className="coupon-note" data-testid="coupon-redeemed-at">
          {text.coupons.redeemedAt(formatDateTime(coupon.redeemedAt))}
        </p>
      )}
      {coupon.status === 'active' && <p className="coupon-note">{text.coupons.showToStaff}</p>}
      {coupon.status === 'pending' && <p className="coupon-note">{text.coupons.notYetValid(formatDate(coupon.validFrom))}</p>}
    </div>
  );
}
