import { useState, type FormEvent } from 'react';
import type { SessionView } from '@zhanggui/shared';
import { errorMessage } from '../api-error.ts';
import { ErrorState, Loading } from '../components/PageState.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { text } from '../text.ts';
import { staffApi } from './staff-api.ts';
import { StaffTill } from './StaffTill.tsx';
import { useStaffSession } from './use-staff-session.ts';
import '../styles/staff.css';

/** 门店核销: the till for shop staff, signed in with an operator account that may redeem coupons. */
export function StaffPage() {
  useDocumentTitle(text.titles.staff);
  const { state, signedIn, signOut, retry } = useStaffSession();

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={retry} />;
  if (state.status === 'anonymous') return <StaffLogin onSignedIn={signedIn} />;
  return <StaffTill session={state.session} onSignOut={signOut} />;
}

function StaffLogin({ onSignedIn }: { onSignedIn: (session: SessionView) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await staffApi.login({ username: username.trim(), password }));
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <main className="page staff-login">
      <h1 className="staff-login-title">{text.staff.signIn}</h1>
      <form onSubmit={submit}>
        <div className="cells">
          <div className="cell form-cell">
            <label className="form-label" htmlFor="staff-username">
              {text.staff.username}
            </label>
            <div className="form-control">
              <input id="staff-username" className="input" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoCapitalize="off" required data-testid="staff-username" />
            </div>
          </div>
          <div className="cell form-cell">
            <label className="form-label" htmlFor="staff-password">
              {text.staff.password}
            </label>
            <div className="form-control">
              <input id="staff-password" className="input" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required data-testid="staff-password" />
            </div>
          </div>
        </div>
        {error && (
          <p className="staff-error" role="alert" data-testid="staff-error">
            {error}
          </p>
        )}
        <div className="button-area">
          <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="staff-login">
            {busy ? text.staff.signingIn : text.staff.signInAction}
          </button>
        </div>
      </form>
    </main>
  );
}
