import { EmulatorError } from '../core/emulator-error.ts';
import { WxError } from '../core/wx-error.ts';
import { openidTag } from '../fans/openid.ts';
import type { QrCode } from '../qrcodes/qrcode.store.ts';
import { TokenRegistry } from '../tokens/token.registry.ts';
import { normalizeAccount, type AccountInput, type AccountPatch } from './account.ts';
import { AccountState } from './account-state.ts';

/** All emulated accounts, their tokens, and lookups that cross accounts (tokens, openids, QR tickets). */
export class AccountRegistry {
  readonly tokens = new TokenRegistry();
  private readonly byAppId = new Map<string, AccountState>();
  private readonly byOpenidTag = new Map<string, string>();

  create(input: AccountInput): AccountState {
    if (this.byAppId.has(input?.appId)) throw new EmulatorError('ACCOUNT_EXISTS', `account ${input.appId} already exists`, 409);
    const account = new AccountState(normalizeAccount(input));
    this.byAppId.set(account.appId, account);
    this.byOpenidTag.set(account.fans.codec.tag.toString('hex'), account.appId);
    return account;
  }

  update(appId: string, patch: AccountPatch): AccountState {
    const account = this.get(appId);
    account.config = normalizeAccount({ ...patch, appId }, account.config);
    return account;
  }

  remove(appId: string): void {
    const account = this.get(appId);
    this.byAppId.delete(appId);
    this.byOpenidTag.delete(account.fans.codec.tag.toString('hex'));
    this.tokens.forget(appId);
  }

  clear(): void {
    this.byAppId.clear();
    this.byOpenidTag.clear();
    this.tokens.forget();
  }

  get(appId: string): AccountState {
    const account = this.byAppId.get(appId);
    if (!account) throw new EmulatorError('ACCOUNT_NOT_FOUND', `no emulated account ${appId}`, 404);
    return account;
  }

  find(appId: unknown): AccountState | undefined {
    return typeof appId === 'string' ? this.byAppId.get(appId) : undefined;
  }

  list(): AccountState[] {
    return [...this.byAppId.values()];
  }

  /** The account an access_token belongs to; 40014 / 40001 / 42001 otherwise. */
  resolveToken(token: string, now: number): AccountState {
    const appId = this.tokens.resolve(token, now, (id) => this.byAppId.has(id));
    return this.byAppId.get(appId)!;
  }

  /**
   * The index of one of the account's fans. Unknown openids answer 40003; another emulated account's
   * openid answers `foreignErrcode` (49003 where the docs list it, e.g. tags; 40003 elsewhere).
   */
  fanIndex(account: AccountState, openid: unknown, foreignErrcode = 40003): number {
    const index = account.fans.indexOf(openid);
    if (index >= 0) return index;
    const owner = this.byOpenidTag.get(openidTag(openid) ?? '');
    throw new WxError(owner && owner !== account.appId ? foreignErrcode : 40003);
  }

  /** A QR code by ticket or URL, across accounts. */
  findQr(ticketOrUrl: string, now: number): { account: AccountState; code: QrCode } | 'expired' | null {
    let expired = false;
    for (const account of this.byAppId.values()) {
      const found = account.qrcodes.find(ticketOrUrl, now);
      if (found === 'expired') expired = true;
      else if (found) return { account, code: found };
    }
    return expired ? 'expired' : null;
  }
}
