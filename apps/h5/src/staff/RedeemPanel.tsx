import { useRef, useState, type FormEvent } from 'react';
import type { CouponView } from '@zhanggui/shared';
import { errorMessage } from '../api-error.ts';
import { SuccessIcon } from '../components/icons.tsx';
import { formatFen, formatShortDateTime, groupsOfFour, normalizeCode, parseYuan } from '../format.ts';
import { text } from '../text.ts';
import { CouponSummary } from './CouponSummary.tsx';
import { ScanButton } from './ScanButton.tsx';
import { staffApi } from './staff-api.ts';

type Step = { kind: 'entry' } | { kind: 'found'; coupon: CouponView } | { kind: 'done'; coupon: CouponView };

/** 核销: type or scan the code, look the coupon up, confirm; the server redeems it exactly once. */
export function RedeemPanel({ accountId }: { accountId: number }) {
  const [code, setCode] = useState('');
  const [amount, setAmount] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'entry' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  const lookup = async (value: string) => {
    const normalized = normalizeCode(value);
    if (!normalized) return;
    setCode(normalized);
    setBusy(true);
    setError(null);
    setStep({ kind: 'entry' });
    try {
      setStep({ kind: 'found', coupon: await staffApi.lookupCoupon(accountId, normalized) });
      setAmount('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const redeem = async (coupon: CouponView) => {
    const orderAmountFen = amount.trim() ? parseYuan(amount) : null;
    if (amount.trim() && orderAmountFen === null) {
      setError(text.staff.amountInvalid);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setStep({ kind: 'done', coupon: await staffApi.redeem(accountId, { code: coupon.code, orderAmountFen }) });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const startOver = () => {
    setCode('');
    setAmount('');
    setError(null);
    setStep({ kind: 'entry' });
    window.setTimeout(() => codeRef.current?.focus(), 0);
  };

  if (step.kind === 'done') return <RedeemedScreen coupon={step.coupon} onNext={startOver} />;
  return (
    <div className="till-panel">
      <form
        className="till-form"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void lookup(code);
        }}
      >
        <label className="till-label" htmlFor="staff-code">
          {text.staff.code}
        </label>
        <div className="till-input-row">
          <input
            id="staff-code"
            ref={codeRef}
            className="till-input mono"
            value={code}
            onChange={(e) => {
              setCode(normalizeCode(e.target.value));
              if (step.kind !== 'entry') setStep({ kind: 'entry' });
            }}
            placeholder={text.staff.codePlaceholder}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint="search"
            data-testid="staff-code"
          />
          <ScanButton onScanned={(value) => void lookup(value)} testId="staff-scan" />
        </div>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || !code} data-testid="staff-lookup">
          {busy && step.kind === 'entry' ? text.staff.looking : text.staff.lookup}
        </button>
      </form>
      {error && (
        <p className="staff-error" role="alert" data-testid="staff-error">
          {error}
        </p>
      )}
      {step.kind === 'found' && (
        <form
          className="till-result"
          data-testid="staff-result"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void redeem(step.coupon);
          }}
        >
          <CouponSummary coupon={step.coupon} />
          <label className="till-label" htmlFor="staff-order-amount">
            {text.staff.orderAmount}
          </label>
          <input
            id="staff-order-amount"
            className="till-input"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            placeholder={text.staff.orderAmountPlaceholder}
            autoComplete="off"
            data-testid="staff-order-amount"
          />
          <button type="submit" className="btn btn-primary btn-block btn-large" disabled={busy} data-testid="staff-redeem">
            {busy ? text.staff.redeeming : text.staff.redeem}
          </button>
        </form>
      )}
    </div>
  );
}

function RedeemedScreen({ coupon, onNext }: { coupon: CouponView; onNext: () => void }) {
  return (
    <section className="till-success" data-testid="staff-result" role="status">
      <div className="till-success-icon">
        <SuccessIcon size={72} />
      </div>
      <h2 className="till-success-title">{text.staff.redeemed}</h2>
      <p className="till-coupon-title">{coupon.title}</p>
      <p className="till-coupon-name">{coupon.templateName}</p>
      <dl className="till-facts">
        <dt>{text.coupons.code}</dt>
        <dd className="mono">{groupsOfFour(coupon.code)}</dd>
        <dt>{text.staff.memberNo}</dt>
        <dd>{coupon.memberNo ?? text.staff.noMember}</dd>
        {coupon.orderAmountFen !== null && (
          <>
            <dt>{text.staff.orderAmountDone}</dt>
            <dd>{formatFen(coupon.orderAmountFen)}</dd>
          </>
        )}
        {coupon.redeemedAt && (
          <>
            <dt>{text.staff.redeemedAt}</dt>
            <dd>{formatShortDateTime(coupon.redeemedAt)}</dd>
          </>
        )}
      </dl>
      <button type="button" className="btn btn-primary btn-block" onClick={onNext} autoFocus data-testid="staff-next">
        {text.staff.next}
      </button>
    </section>
  );
}
