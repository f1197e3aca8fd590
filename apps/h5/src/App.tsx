import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation, useParams } from 'react-router-dom';
import { BASE } from './api.ts';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { Loading, NotFound } from './components/PageState.tsx';
import { ToastProvider } from './components/Toast.tsx';
import { idFromPath } from './hooks/use-account-id.ts';
import { MemberPage } from './pages/member/MemberPage.tsx';
import { PointsPage } from './pages/points/PointsPage.tsx';
import { CouponsPage } from './pages/coupons/CouponsPage.tsx';
import { CouponPage } from './pages/coupons/CouponPage.tsx';
import { OffersPage } from './pages/offers/OffersPage.tsx';
import { ClaimPage } from './pages/offers/ClaimPage.tsx';
import { ProfilePage } from './pages/profile/ProfilePage.tsx';

// The till is for staff only (camera, sign-in): fans never download it.
const StaffPage = lazy(() => import('./staff/StaffPage.tsx').then((module) => ({ default: module.StaffPage })));

/** The router's basename is Vite's base without the trailing slash: "/h5". */
const basename = BASE.replace(/\/$/, '');

export function App() {
  return (
    <ToastProvider>
      <BrowserRouter basename={basename}>
        <RoutedPages />
      </BrowserRouter>
    </ToastProvider>
  );
}

function RoutedPages() {
  const location = useLocation();
  return (
    <ErrorBoundary resetKey={location.pathname}>
      <Routes>
        <Route
          path="staff"
          element={
            <Suspense fallback={<Loading />}>
              <StaffPage />
            </Suspense>
          }
        />
        <Route path=":accountId" element={<AccountPages />}>
          <Route index element={<Navigate to="member" replace />} />
          <Route path="member" element={<MemberPage />} />
          <Route path="points" element={<PointsPage />} />
          <Route path="coupons" element={<CouponsPage />} />
          <Route path="coupons/:couponId" element={<CouponPage />} />
          <Route path="offers" element={<OffersPage />} />
          <Route path="claim/:templateId" element={<ClaimPage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Routes>
    </ErrorBoundary>
  );
}

/** Pages under /h5/:accountId/…: only a numeric account id is one. */
function AccountPages() {
  const { accountId } = useParams();
  return idFromPath(accountId) === null ? <NotFound /> : <Outlet />;
}
