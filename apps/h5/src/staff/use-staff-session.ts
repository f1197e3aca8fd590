import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AccountSummary, SessionView } from '@zhanggui/shared';
import { ApiError } from '../api-error.ts';
import { onSignedOut, setCsrfToken, staffApi } from './staff-api.ts';

export type StaffSessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'failed'; error: unknown }
  | { status: 'signedIn'; session: SessionView };

/** Who is at the till: GET /api/auth/me on load, then sign-in and sign-out. */
export function useStaffSession() {
  const [state, setState] = useState<StaffSessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    staffApi.me(controller.signal).then(
      (session) => {
        if (controller.signal.aborted) return;
        setCsrfToken(session.csrfToken);
        setState({ status: 'signedIn', session });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState(error instanceof ApiError && error.status === 401 ? { status: 'anonymous' } : { status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(() => {
    onSignedOut(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    });
    return () => onSignedOut(null);
  }, []);

  const signedIn = useCallback((session: SessionView) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signedIn', session });
  }, []);

  const signOut = useCallback(async () => {
    await staffApi.logout().catch(() => undefined);
    setCsrfToken(null);
    setState({ status: 'anonymous' });
  }, []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, signedIn, signOut, retry };
}

const STORAGE_KEY = 'zhanggui.h5.tillAccountId';

/** The accounts this operator may redeem for, and the one chosen (remembered on this phone). */
export function useTillAccount(session: SessionView) {
  const accounts = useMemo(() => session.accounts.filter((account) => account.permissions.includes('coupons.redeem')), [session]);
  const [chosenId, setChosenId] = useState<number | null>(readStoredId);
  const account: AccountSummary | null = accounts.find((candidate) => candidate.id === chosenId) ?? accounts[0] ?? null;

  const choose = useCallback((accountId: number) => {
    setChosenId(accountId);
    try {
      window.localStorage.setItem(STORAGE_KEY, String(accountId));
    } catch {
      // Storage is off (private mode): the choice lasts for this visit only.
    }
  }, []);
  return { accounts, account, choose };
}

function readStoredId(): number | null {
  try {
    const stored = Number(window.localStorage.getItem(STORAGE_KEY));
    return Number.isInteger(stored) && stored > 0 ? stored : null;
  } catch {
    return null;
  }
}
