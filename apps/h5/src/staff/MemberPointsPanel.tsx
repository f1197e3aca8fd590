import { useState, type FormEvent } from 'react';
import type { LoyaltyMemberView, PointsEntry } from '@zhanggui/shared';
import { errorMessage } from '../api-error.ts';
import { SuccessIcon } from '../components/icons.tsx';
import { groupsOfFour, normalizeCode, parseYuan } from '../format.ts';
import { text } from '../text.ts';
import { ScanButton } from './ScanButton.tsx';
import { staffApi } from './staff-api.ts';

/** 会员积分: find the member by number (or the card's code), then give points for the order. */
export function MemberPointsPanel({ accountId }: { accountId: number }) {
  const [memberNo, setMemberNo] = useState('');
  const [member, setMember] = useState<LoyaltyMemberView | null>(null);
  const [amount, setAmount] = useState('');
  const [ref, setRef] = useState('');
  const [given, setGiven] = useState<PointsEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const lookup = async (value: string) => {
    const normalized = normalizeCode(value);
    if (!normalized) return;
    setMemberNo(normalized);
    setBusy(true);
    setError(null);
    setMember(null);
    setGiven(null);
    try {
      setMember(await staffApi.lookupMember(accountId, normalized));
      setAmount('');
      setRef('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const record = async (event: FormEvent) => {
    event.preventDefault();
    if (!member) return;
    const amountFen = parseYuan(amount);
    if (amountFen === null || amountFen <= 0) {
      setError(text.staff.amountInvalid);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const entry = await staffApi.recordOrder(accountId, member.id, { amountFen, ref: ref.trim() || undefined });
      setGiven(entry);
      setMember({ ...member, points: entry.balance });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const startOver = () => {
    setMemberNo('');
    setMember(null);
    setGiven(null);
    setError(null);
  };

  if (given && member) {
    return (
      <section className="till-success" data-testid="staff-points-result" role="status">
        <div className="till-success-icon">
          <SuccessIcon size={72} />
        </div>
        <h2 className="till-success-title">{text.staff.pointsGiven(given.delta)}</h2>
        <p className="till-coupon-name">
          {groupsOfFour(member.memberNo)} · {text.staff.balanceNow(given.balance)}
        </p>
        <button type="button" className="btn btn-primary btn-block" onClick={startOver} autoFocus data-testid="staff-next">
          {text.staff.next}
        </button>
      </section>
    );
  }

  return (
    <div className="till-panel">
      <form
        className="till-form"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void lookup(memberNo);
        }}
      >
        <label className="till-label" htmlFor="staff-member-no">
          {text.staff.memberNo}
        </label>
        <div className="till-input-row">
          <input
            id="staff-member-no"
            className="till-input mono"
            value={memberNo}
            onChange={(e) => {
              setMemberNo(normalizeCode(e.target.value));
              setMember(null);
            }}
            placeholder={text.staff.memberNoPlaceholder}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            data-testid="staff-member-no"
          />
          <ScanButton onScanned={(value) => void lookup(value)} testId="staff-member-scan" />
        </div>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || !memberNo} data-testid="staff-member-lookup">
          {busy && !member ? text.staff.looking : text.staff.lookup}
        </button>
      </form>
      {error && (
        <p className="staff-error" role="alert" data-testid="staff-error">
          {error}
        </p>
      )}
      {member && (
        <form className="till-result" onSubmit={record} data-testid="staff-member">
          <dl className="till-facts">
            <dt>{text.staff.memberNo}</dt>
            <dd className="mono">{groupsOfFour(member.memberNo)}</dd>
            <dt>{text.staff.memberName}</dt>
            <dd>{member.name ?? member.fanName ?? '—'}</dd>
            <dt>{text.staff.level}</dt>
            <dd>{member.level?.name ?? '—'}</dd>
            <dt>{text.staff.points}</dt>
            <dd data-testid="staff-member-points">{member.points}</dd>
          </dl>
          <label className="till-label" htmlFor="staff-amount">
            {text.staff.spend}
          </label>
          <input
            id="staff-amount"
            className="till-input"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            placeholder={text.staff.spendPlaceholder}
            autoComplete="off"
            required
            data-testid="staff-amount"
          />
          <label className="till-label" htmlFor="staff-ref">
            {text.staff.receipt}
          </label>
          <input
            id="staff-ref"
            className="till-input"
            value={ref}
            onChange={(e) => setRef(e.target.value)}
            placeholder={text.staff.receiptPlaceholder}
            autoComplete="off"
            maxLength={64}
            data-testid="staff-ref"
          />
          <button type="submit" className="btn btn-primary btn-block btn-large" disabled={busy || !amount.trim()} data-testid="staff-order">
            {busy ? text.staff.recording : text.staff.recordOrder}
          </button>
        </form>
      )}
    </div>
  );
}
