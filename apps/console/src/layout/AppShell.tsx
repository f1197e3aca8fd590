import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { Grid, Layout } from 'antd';
import { Outlet, useLocation, useMatch } from 'react-router-dom';
import type { AccountSummary } from '@zhanggui/shared';
import { useSignedInSession } from '../session/session.tsx';
import { AccountProvider, preferredAccount, rememberAccount } from '../session/account-context.tsx';
import { InboxStreamProvider } from '../live/inbox-stream.tsx';
import { PageSpinner } from '../components/Spinners.tsx';
import { NotFoundPage } from '../components/StatusPages.tsx';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { Sidebar } from './Sidebar.tsx';
import { HeaderBar } from './HeaderBar.tsx';

/** Header + sidebar around every signed-in page. The account in the URL scopes everything below it. */
export function AppShell() {
  const session = useSignedInSession();
  const match = useMatch('/accounts/:accountId/*');
  const routeId = match && /^\d+$/.test(match.params.accountId ?? '') ? Number(match.params.accountId) : null;
  const routeAccount = routeId === null ? undefined : session.accounts.find((account) => account.id === routeId);
  const account = routeAccount ?? preferredAccount(session.accounts);
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // useBreakpoint is empty on the first render; treat unknown as desktop.
  const mobile = Grid.useBreakpoint().md === false;

  useEffect(() => {
    if (routeAccount) rememberAccount(routeAccount.id);
  }, [routeAccount]);

  const content = routeId !== null && !routeAccount ? <NotFoundPage /> : <Outlet />;
  return (
    <AccountScope account={account}>
      <Layout className="zg-shell">
        <Sidebar
          account={account}
          mobile={mobile}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          drawerOpen={drawerOpen}
          onDrawerClose={() => setDrawerOpen(false)}
        />
        <Layout className="zg-main">
          <HeaderBar
            account={account}
            collapsed={mobile ? !drawerOpen : collapsed}
            onToggleSidebar={() => (mobile ? setDrawerOpen((open) => !open) : setCollapsed((value) => !value))}
          />
          <Layout.Content className="zg-content">
            <ErrorBoundary resetKey={pathname}>
              <Suspense fallback={<PageSpinner />}>{content}</Suspense>
            </ErrorBoundary>
          </Layout.Content>
        </Layout>
      </Layout>
    </AccountScope>
  );
}

// The same element tree with or without an account: when an operator's first account appears (the wizard
// just created it), a different tree would remount the page below and lose its state.
function AccountScope({ account, children }: { account: AccountSummary | undefined; children: ReactNode }) {
  return (
    <AccountProvider account={account ?? null}>
      <InboxStreamProvider accountId={account?.id ?? 0} enabled={account?.permissions.includes('inbox.view') ?? false}>
        {children}
      </InboxStreamProvider>
    </AccountProvider>
  );
}
