import { useState } from 'react';
import type { FanHome } from '@zhanggui/shared';
import { fanApi } from '../../api.ts';
import { errorMessage } from '../../api-error.ts';
import { ErrorState, Loading, Message } from '../../components/PageState.tsx';
import { useToast } from '../../components/Toast.tsx';
import { useAccountId } from '../../hooks/use-account-id.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { text } from '../../text.ts';
import { MemberCard } from './MemberCard.tsx';
import { MemberHome } from './MemberHome.tsx';
import { ProgramNotice } from './ProgramNotice.tsx';

/** 会员中心: the card (or the offer to claim it), check-in, and the way to points, coupons and profile. */
export function MemberPage() {
  const accountId = useAccountId();
  useDocumentTitle(text.titles.member);
  const home = useResource((signal) => fanApi.home(accountId, signal), [accountId]);

  if (!home.data) return home.error ? <ErrorState error={home.error} onRetry={home.reload} /> : <Loading />;
  const { program, member } = home.data;
  if (!program) return <Message icon="info" title={text.member.noProgram} body={text.member.noProgramBody} />;
  if (!member) return <ClaimCard accountId={accountId} home={home.data} onClaimed={home.setData} />;
  return <MemberHome accountId={accountId} home={{ ...home.data, program, member }} onChange={home.setData} onStale={home.reload} />;
}

function ClaimCard({ accountId, home, onClaimed }: { accountId: number; home: FanHome; onClaimed: (home: FanHome) => void }) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const program = home.program;
  if (!program) return null;

  const claim = async () => {
    setBusy(true);
    try {
      const claimed = await fanApi.claimCard(accountId);
      toast.show(text.member.claimed, 'success');
      onClaimed(claimed);
    } catch (error) {
      toast.show(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page">
      <div className="card-area">
        <MemberCard program={program} member={null} />
      </div>
      {program.points.welcome > 0 && <p className="claim-note">{text.member.welcomePoints(program.points.welcome)}</p>}
      <div className="button-area">
        <button type="button" className="btn btn-primary btn-block" onClick={claim} disabled={busy} data-testid="claim-card">
          {busy ? text.member.claiming : text.member.claimCard}
        </button>
      </div>
      <ProgramNotice notice={program.notice} />
    </main>
  );
}
