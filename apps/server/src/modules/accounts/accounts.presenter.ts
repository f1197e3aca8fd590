import type { AccountView } from '@zhanggui/shared';
import type { Membership } from '../operators/operators.service.ts';
import type { AccountView as AccountRecord } from './accounts.service.ts';

/** The console's view of an account: never secrets; with the caller's role and what it allows. */
export function presentAccount(account: AccountRecord, membership: Pick<Membership, 'role' | 'permissions'>, publicUrl: string): AccountView {
  return {
    id: account.id,
    name: account.name,
    appId: account.appId,
    originalId: account.originalId,
    messageMode: account.messageMode,
    accountType: account.accountType,
    verified: account.verified,
    callbackUrl: `${publicUrl}/wx/${account.id}`,
    hasAesKey: account.hasAesKey,
    settings: account.settings,
    role: membership.role,
    permissions: [...membership.permissions],
    canUseCustomerService: canUseCustomerService(account),
    createdAt: account.createdAt.toISOString(),
  };
}

/** Customer-service messages need a verified account, subscription or service (wechat-protocol.md §5.3). */
export function canUseCustomerService(account: Pick<AccountRecord, 'verified'>): boolean {
  return account.verified;
}
