import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useSession } from './session/session.tsx';
import { preferredAccount, useAccount } from './session/account-context.tsx';
import { canUse, landingFeature, tillOnly, type Feature } from './session/features.ts';
import { AppShell } from './layout/AppShell.tsx';
import { FullPageSpinner } from './components/Spinners.tsx';
import { ForbiddenPage, NoAccountsPage, NotFoundPage, SessionFailedPage, TillOnlyPage } from './components/StatusPages.tsx';

// Each screen is its own chunk: the login page does not download the inbox, the inbox not the wizard.
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
const LoginPage = page(() => import('./pages/login/LoginPage.tsx'), 'LoginPage');
const HomePage = page(() => import('./pages/home/HomePage.tsx'), 'HomePage');
const InboxPage = page(() => import('./pages/inbox/InboxPage.tsx'), 'InboxPage');
const FansPage = page(() => import('./pages/fans/FansPage.tsx'), 'FansPage');
const TagsPage = page(() => import('./pages/tags/TagsPage.tsx'), 'TagsPage');
const SettingsPage = page(() => import('./pages/settings/SettingsPage.tsx'), 'SettingsPage');
const ConnectAccountPage = page(() => import('./pages/accounts/ConnectAccountPage.tsx'), 'ConnectAccountPage');
const OperatorsPage = page(() => import('./pages/operators/OperatorsPage.tsx'), 'OperatorsPage');
const RulesPage = page(() => import('./pages/rules/RulesPage.tsx'), 'RulesPage');
const FlowsPage = page(() => import('./pages/flows/FlowsPage.tsx'), 'FlowsPage');
const FlowEditorPage = page(() => import('./pages/flows/FlowEditorPage.tsx'), 'FlowEditorPage');
const KnowledgePage = page(() => import('./pages/knowledge/KnowledgePage.tsx'), 'KnowledgePage');
const ProductsPage = page(() => import('./pages/products/ProductsPage.tsx'), 'ProductsPage');
const StoresPage = page(() => import('./pages/stores/StoresPage.tsx'), 'StoresPage');
const MenusPage = page(() => import('./pages/menus/MenusPage.tsx'), 'MenusPage');
const ChannelsPage = page(() => import('./pages/channels/ChannelsPage.tsx'), 'ChannelsPage');
const MaterialsPage = page(() => import('./pages/materials/MaterialsPage.tsx'), 'MaterialsPage');
const BroadcastsPage = page(() => import('./pages/broadcasts/BroadcastsPage.tsx'), 'BroadcastsPage');
const ProgramPage = page(() => import('./pages/loyalty/program/ProgramPage.tsx'), 'ProgramPage');
const LoyaltyMembersPage = page(() => import('./pages/loyalty/members/LoyaltyMembersPage.tsx'), 'LoyaltyMembersPage');
const CouponsPage = page(() => import('./pages/loyalty/coupons/CouponsPage.tsx'), 'CouponsPage');
const StaffPage = page(() => import('./pages/loyalty/staff/StaffPage.tsx'), 'StaffPage');

export function AppRoutes() {
  const { state, retry } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <FullPageSpinner />;
  if (state.status === 'failed') return <SessionFailedPage error={state.error} onRetry={retry} />;

  if (state.status === 'anonymous') {
    const next = location.pathname === '/login' ? null : `${location.pathname}${location.search}`;
    return (
      <Suspense fallback={<FullPageSpinner />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="*" element={<Navigate to={next ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />} />
        </Routes>
      </Suspense>
    );
  }

  const { session } = state;
  const isAdmin = session.operator.isAdmin;
  return (
    <Routes>
      <Route path="/login" element={<AfterLogin />} />
      <Route element={<AppShell />}>
        <Route index element={<RootRedirect />} />
        <Route path="accounts/new" element={isAdmin ? <ConnectAccountPage /> : <ForbiddenPage />} />
        <Route path="operators" element={isAdmin ? <OperatorsPage /> : <ForbiddenPage />} />
        <Route path="accounts/:accountId">
          <Route index element={<AccountLanding />} />
          <Route path="home" element={<Guard feature="home"><HomePage /></Guard>} />
          <Route path="inbox" element={<Guard feature="inbox"><InboxPage /></Guard>} />
          <Route path="inbox/:fanId" element={<Guard feature="inbox"><InboxPage /></Guard>} />
          <Route path="fans" element={<Guard feature="fans"><FansPage /></Guard>} />
          <Route path="tags" element={<Guard feature="tags"><TagsPage /></Guard>} />
          <Route path="rules" element={<Guard feature="rules"><RulesPage /></Guard>} />
          <Route path="flows" element={<Guard feature="flows"><FlowsPage /></Guard>} />
          <Route path="flows/:flowId" element={<Guard feature="flows"><FlowEditorPage /></Guard>} />
          <Route path="knowledge" element={<Guard feature="knowledge"><KnowledgePage /></Guard>} />
          <Route path="products" element={<Guard feature="products"><ProductsPage /></Guard>} />
          <Route path="stores" element={<Guard feature="stores"><StoresPage /></Guard>} />
          <Route path="menus" element={<Guard feature="menus"><MenusPage /></Guard>} />
          <Route path="channels" element={<Guard feature="channels"><ChannelsPage /></Guard>} />
          <Route path="materials" element={<Guard feature="materials"><MaterialsPage /></Guard>} />
          <Route path="broadcasts" element={<Guard feature="broadcasts"><BroadcastsPage /></Guard>} />
          <Route path="card" element={<Guard feature="card"><ProgramPage /></Guard>} />
          <Route path="members" element={<Guard feature="members"><LoyaltyMembersPage /></Guard>} />
          <Route path="coupons" element={<Guard feature="coupons"><CouponsPage /></Guard>} />
          <Route path="coupons/:tab" element={<Guard feature="coupons"><CouponsPage /></Guard>} />
          <Route path="staff" element={<Guard feature="staff"><StaffPage /></Guard>} />
          <Route path="settings" element={<Guard feature="settings"><SettingsPage /></Guard>} />
          <Route path="settings/:tab" element={<Guard feature="settings"><SettingsPage /></Guard>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route path="no-accounts" element={<NoAccountsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** After signing in: back where the operator was going, or the start page. */
function AfterLogin() {
  const next = new URLSearchParams(useLocation().search).get('next');
  const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  return <Navigate to={safeNext} replace />;
}

function RootRedirect() {
  const { state } = useSession();
  if (state.status !== 'signed-in') return null;
  const account = preferredAccount(state.session.accounts);
  if (account) return <Navigate to={`/accounts/${account.id}`} replace />;
  return <Navigate to={state.session.operator.isAdmin ? '/accounts/new' : '/no-accounts'} replace />;
}

function AccountLanding() {
  const { account, can } = useAccount();
  if (tillOnly(can)) return <TillOnlyPage />;
  return <Navigate to={`/accounts/${account.id}/${landingFeature(can)}`} replace />;
}

function Guard({ feature, children }: { feature: Feature; children: ReactNode }) {
  const { can } = useAccount();
  return canUse(feature, can) ? children : <ForbiddenPage />;
}
