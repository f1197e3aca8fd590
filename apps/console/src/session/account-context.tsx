// The account the operator is working in (from the URL), its role and permissions, and what it may see.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { AccountSummary, Permission } from '@zhanggui/shared';

const LAST_ACCOUNT_KEY = 'zhanggui.lastAccount';

export interface AccountContextValue {
  account: AccountSummary;
  can: (permission: Permission) => boolean;
}

const AccountContext = createContext<AccountContextValue | null>(null);

/** Provides the current account; with none (an operator without accounts yet) `useAccount` throws. */
export function AccountProvider({ account, children }: { account: AccountSummary | null; children: ReactNode }) {
  const value = useMemo<AccountContextValue | null>(
    () => (account ? { account, can: (permission) => account.permissions.includes(permission) } : null),
    [account],
  );
  return <AccountContext.Provider value={value}>{children}</AccountContext.Provider>;
}

export function useAccount(): AccountContextValue {
  const value = useContext(AccountContext);
  if (!value) throw new Error('useAccount outside AccountProvider');
  return value;
}

export function rememberAccount(accountId: number): void {
  localStorage.setItem(LAST_ACCOUNT_KEY, String(accountId));
}

/** The account to open: the last one used if the operator still has it, else the first. */
export function preferredAccount(accounts: AccountSummary[]): AccountSummary | undefined {
  const last = Number(localStorage.getItem(LAST_ACCOUNT_KEY));
  return accounts.find((account) => account.id === last) ?? accounts[0];
}
