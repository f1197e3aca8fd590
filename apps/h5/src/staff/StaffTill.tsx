import { useState } from 'react';
import type { SessionView } from '@zhanggui/shared';
import { Message } from '../components/PageState.tsx';
import { Tabs } from '../components/Tabs.tsx';
import { text } from '../text.ts';
import { MemberPointsPanel } from './MemberPointsPanel.tsx';
import { RecentPanel } from './RecentPanel.tsx';
import { RedeemPanel } from './RedeemPanel.tsx';
import { useTillAccount } from './use-staff-session.ts';

type TillTab = 'redeem' | 'points' | 'recent';
const TABS: TillTab[] = ['redeem', 'points', 'recent'];

/** The signed-in till: which account (shop) it works for, and the three tabs. */
export function StaffTill({ session, onSignOut }: { session: SessionView; onSignOut: () => void }) {
  const { accounts, account, choose } = useTillAccount(session);
  const [tab, setTab] = useState<TillTab>('redeem');

  const header = (
    <header className="till-header">
      {accounts.length > 1 && account ? (
        <label className="till-account">
          <span className="visually-hidden">{text.staff.account}</span>
          <select value={account.id} onChange={(e) => choose(Number(e.target.value))} data-testid="staff-account">
            {accounts.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span className="till-account-name">{account?.name ?? session.operator.displayName}</span>
      )}
      <span className="till-operator">{session.operator.displayName}</span>
      <button type="button" className="btn-link" onClick={onSignOut} data-testid="staff-logout">
        {text.staff.signOut}
      </button>
    </header>
  );

  if (!account) {
    return (
      <main className="page">
        {header}
        <Message icon="info" title={text.staff.noAccounts} />
      </main>
    );
  }
  return (
    <main className="page page-tabs">
      {header}
      <Tabs label={text.titles.staff} items={TABS.map((key) => ({ key, label: text.staff.tabs[key] }))} active={tab} onChange={setTab} />
      {/* Keyed by account: switching shops starts each panel afresh. */}
      <div role="tabpanel" aria-label={text.staff.tabs[tab]} key={`${account.id}-${tab}`}>
        {tab === 'redeem' && <RedeemPanel accountId={account.id} />}
        {tab === 'points' && <MemberPointsPanel accountId={account.id} />}
        {tab === 'recent' && <RecentPanel accountId={account.id} />}
      </div>
    </main>
  );
}
