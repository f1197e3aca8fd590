// Who is signed in. Restored from GET /api/auth/me on load; a 401 from any later call drops back to the
// login screen. Holds the CSRF token the API client sends with every state-changing request.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginInput, SessionView } from '@zhanggui/shared';
import { authApi } from '../api/auth.api.ts';
import { ApiError, onUnauthorized, setCsrfToken } from '../api/client.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'failed'; error: unknown }
  | { status: 'signed-in'; session: SessionView };

interface SessionContextValue {
  state: SessionState;
  login: (input: LoginInput) => Promise<void>;
  logout: () => Promise<void>;
  /** Reload the session, e.g. after connecting an account or a role change. */
  refresh: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const adopt = useCallback((session: SessionView) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', session });
  }, []);

  const restore = useCallback(async () => {
    try {
      adopt(await authApi.me());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        setState({ status: 'anonymous', expired: false });
      } else setState({ status: 'failed', error });
    }
  }, [adopt]);

  useEffect(() => {
    void restore();
    onUnauthorized(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous', expired: true });
    });
    return () => onUnauthorized(null);
  }, [restore]);

  const login = useCallback(async (input: LoginInput) => adopt(await authApi.login(input)), [adopt]);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous', expired: false });
    }
  }, []);

  const refresh = useCallback(async () => {
    adopt(await authApi.me());
  }, [adopt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    void restore();
  }, [restore]);

  const value = useMemo(() => ({ state, login, logout, refresh, retry }), [state, login, logout, refresh, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The session of a signed-in page (routes below the auth guard only). */
export function useSignedInSession(): SessionView {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedInSession without a session');
  return state.session;
}
