import { useState, type Dispatch, type SetStateAction } from 'react';
import type { CheckinResult, FanHome, FanMember, FanProgram } from '@zhanggui/shared';
import { fanApi } from '../../api.ts';
import { errorMessage } from '../../api-error.ts';
import { Cell, CellGroup, LinkCell } from '../../components/Cells.tsx';
import { useToast } from '../../components/Toast.tsx';
import { text } from '../../text.ts';
import { LevelBenefits } from './LevelBenefits.tsx';
import { MemberCard } from './MemberCard.tsx';
import { MemberCodeSheet } from './MemberCodeSheet.tsx';
import { ProgramNotice } from './ProgramNotice.tsx';

interface MemberHomeProps {
  accountId: number;
  home: FanHome & { program: FanProgram; member: FanMember };
  onChange: Dispatch<SetStateAction<FanHome | undefined>>;
  /** Reload from the server (after points change the level may have too). */
  onStale: () => void;
}

export function MemberHome({ accountId, home, onChange, onStale }: MemberHomeProps) {
  const { program, member } = home;
  const [codeOpen, setCodeOpen] = useState(false);

  const onCheckedIn = (result: CheckinResult) => {
    onChange((current) =>
      current?.member
        ? { ...current, member: { ...current.member, points: result.balance, streak: result.streak, checkedInToday: true } }
        : current,
    );
    if (result.points > 0) onStale();
  };

  return (
    <main className="page">
      <div className="card-area">
        <MemberCard program={program} member={member} onShowCode={() => setCodeOpen(true)} />
      </div>
      <CellGroup>
        <CheckinCell accountId={accountId} member={member} checkinPoints={program.points.checkin} onCheckedIn={onCheckedIn} />
      </CellGroup>
      <CellGroup>
        <LinkCell to={`/${accountId}/points`} label={text.member.pointsHistory} value={member.points} testId="link-points" />
        <LinkCell
          to={`/${accountId}/coupons`}
          label={text.member.myCoupons}
          value={home.coupons.active > 0 ? <span className="badge" data-testid="coupon-badge">{home.coupons.active}</span> : undefined}
          testId="link-coupons"
        />
        <LinkCell to={`/${accountId}/offers`} label={text.member.offers} testId="link-offers" />
        <LinkCell to={`/${accountId}/profile`} label={text.member.profile} testId="link-profile" />
      </CellGroup>
      <LevelBenefits program={program} member={member} />
      <ProgramNotice notice={program.notice} />
      <MemberCodeSheet accountId={accountId} memberNo={member.memberNo} open={codeOpen} onClose={() => setCodeOpen(false)} />
    </main>
  );
}

interface CheckinCellProps {
  accountId: number;
  member: FanMember;
  checkinPoints: number;
  onCheckedIn: (result: CheckinResult) => void;
}

/** 每日签到: the streak, and a button that stays usable after today's check-in (the server answers alreadyToday). */
function CheckinCell({ accountId, member, checkinPoints, onCheckedIn }: CheckinCellProps) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  const checkin = async () => {
    setBusy(true);
    try {
      const result = await fanApi.checkin(accountId);
      if (result.alreadyToday) toast.show(text.member.checkinAgain);
      else toast.show(text.member.checkinDone(result.points, result.streak), 'success');
      onCheckedIn(result);
    } catch (error) {
      toast.show(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const description = member.checkedInToday || member.streak > 0 ? text.member.checkinStreak(member.streak) : text.member.checkinPoints(checkinPoints);
  return (
    <Cell
      label={text.member.checkin}
      description={<span data-testid="checkin-streak">{description}</span>}
      action={
        <button
          type="button"
          className={`btn btn-mini ${member.checkedInToday ? 'btn-default' : 'btn-primary'}`}
          onClick={checkin}
          disabled={busy}
          data-testid="checkin"
          data-checked-in={member.checkedInToday ? 'true' : 'false'}
        >
          {member.checkedInToday ? text.member.checkedIn : text.member.checkinAction}
        </button>
      }
    />
  );
}
