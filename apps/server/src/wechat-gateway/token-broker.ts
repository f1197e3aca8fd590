import { createHash } from 'node:crypto';
import {
  fetchAccessToken,
  fetchStableToken,
  WechatApiError,
  WechatClient,
  WechatHttp,
  type AccessTokenProvider,
  type WechatEndpoints,
} from '@zhanggui/wechat';
import type { Database } from '../platform/db/database.ts';
import { AppError } from '../platform/http/errors.ts';
import type { SecretBox } from '../platform/security/secret-box.ts';
import type { AccountsService } from '../modules/accounts/accounts.service.ts';

/** Refresh this long before WeChat's expiry. Under 5 minutes, so stable_token has already renewed (§4.1). */
const REFRESH_MARGIN_MS = 60_000;
const LEASE_SECONDS = 30;
/** After a failed refresh, callers get the same error for this long instead of calling WeChat again. */
const ERROR_BACKOFF_MS = 5_000;
const WAIT_LIMIT_MS = 15_000;

export interface TokenHealth {
  accountId: number;
  hasToken: boolean;
  expiresAt: Date | null;
  refreshedAt: Date | null;
  refreshCount: number;
  leaseOwner: string | null;
  lastError: { code: string; message: string; at: Date } | null;
}

interface TokenRow {
  access_token_sealed: string | null;
  token_hash: string | null;
  rejected_hash: string | null;
  expires_at: Date | null;
  lease_owner: string | null;
  lease_until: Date | null;
  refreshed_at: Date | null;
  refresh_count: number;
  last_error_code: string | null;
  last_error: string | null;
  last_error_at: Date | null;
}

/**
 * One access token per account, shared by every node through the database. Exactly one node at a time
 * holds the refresh lease; the others wait for its result, because a refresh on one node silently breaks
 * the token the others hold. Uses stable_token by default; on 40001/40014/42001 the rejected token is
 * expired only if it is still the current one (compare-then-expire).
 */
export class TokenBroker {
  private readonly cache = new Map<number, { token: string; expiresAt: number }>();
  private readonly inProcess = new Map<number, Promise<string>>();
  private readonly clients = new Map<number, WechatClient>();
  private readonly http: WechatHttp;

  constructor(
    private readonly db: Database,
    private readonly accounts: AccountsService,
    private readonly box: SecretBox,
    private readonly endpoints: WechatEndpoints,
    private readonly owner: string,
    private readonly options: { useStableToken: boolean } = { useStableToken: true },
  ) {
    this.http = new WechatHttp({ endpoints }, null);
  }

  /** A REST client for the account, with this broker as its token provider. */
  clientFor(accountId: number): WechatClient {
    let client = this.clients.get(accountId);
    if (!client) {
      client = new WechatClient({ endpoints: this.endpoints }, this.provider(accountId));
      this.clients.set(accountId, client);
    }
    return client;
  }

  provider(accountId: number): AccessTokenProvider {
    return { getToken: () => this.getToken(accountId), invalidate: (token) => this.invalidate(accountId, token) };
  }

  async getToken(accountId: number): Promise<string> {
    const cached = this.cache.get(accountId);
    if (cached && cached.expiresAt - REFRESH_MARGIN_MS > Date.now()) return cached.token;
    // One waiter per account per process; the database decides between processes.
    let pending = this.inProcess.get(accountId);
    if (!pending) {
      pending = this.obtain(accountId).finally(() => this.inProcess.delete(accountId));
      this.inProcess.set(accountId, pending);
    }
    return pending;
  }

  /** Compare-then-expire: forget `token` only if it is still the current one. */
  async invalidate(accountId: number, token: string): Promise<void> {
    const hash = sha256(token);
    if (this.cache.get(accountId)?.token === token) this.cache.delete(accountId);
    await this.db.query(
      `update account_tokens set expires_at = now() - interval '1 second', rejected_hash = $2
        where account_id = $1 and token_hash = $2`,
      [accountId, hash],
    );
  }

  async health(accountId: number): Promise<TokenHealth> {
    const [row] = await this.db.query<TokenRow>('select * from account_tokens where account_id = $1', [accountId]);
    return {
      accountId,
      hasToken: Boolean(row?.access_token_sealed && row.expires_at && row.expires_at.getTime() > Date.now()),
      expiresAt: row?.expires_at ?? null,
      refreshedAt: row?.refreshed_at ?? null,
      refreshCount: row?.refresh_count ?? 0,
      leaseOwner: row?.lease_until && row.lease_until.getTime() > Date.now() ? row.lease_owner : null,
      lastError: row?.last_error_at ? { code: row.last_error_code ?? '', message: row.last_error ?? '', at: row.last_error_at } : null,
    };
  }

  private async obtain(accountId: number): Promise<string> {
    await this.db.query('insert into account_tokens (account_id) values ($1) on conflict do nothing', [accountId]);
    const deadline = Date.now() + WAIT_LIMIT_MS;
    for (let wait = 20; ; wait = Math.min(wait * 2, 250)) {
      const [row] = await this.db.query<TokenRow>('select * from account_tokens where account_id = $1', [accountId]);
      if (row?.access_token_sealed && row.expires_at && row.expires_at.getTime() - REFRESH_MARGIN_MS > Date.now()) {
        return this.remember(accountId, row.access_token_sealed, row.expires_at);
      }
      if (row?.last_error_at && Date.now() - row.last_error_at.getTime() < ERROR_BACKOFF_MS) {
        throw new WechatApiError(Number(row.last_error_code) || -1, row.last_error ?? 'token refresh failed recently', '/cgi-bin/stable_token');
      }
      const [leased] = await this.db.query<{ rejected_hash: string | null }>(
        `update account_tokens set lease_owner = $2, lease_until = now() + make_interval(secs => $3::float8)
          where account_id = $1
            and (lease_until is null or lease_until < now())
            and (expires_at is null or expires_at < now() + make_interval(secs => $4::float8))
        returning rejected_hash`,
        [accountId, this.owner, LEASE_SECONDS, REFRESH_MARGIN_MS / 1000],
      );
      if (leased) return this.refresh(accountId, leased.rejected_hash);
      if (Date.now() > deadline) throw new AppError('WECHAT_TOKEN_UNAVAILABLE', { accountId, reason: 'another node holds the refresh lease' });
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Runs under the lease: fetch from WeChat, store for everyone, release. */
  private async refresh(accountId: number, rejectedHash: string | null): Promise<string> {
    try {
      const secrets = await this.accounts.secrets(accountId);
      const credentials = { appId: secrets.appId, secret: secrets.appSecret };
      let response = this.options.useStableToken
        ? await fetchStableToken(this.http, credentials)
        : await fetchAccessToken(this.http, credentials);
      if (this.options.useStableToken && rejectedHash && sha256(response.access_token) === rejectedHash) {
        // WeChat handed back the token it just refused: force a new one (20 a day, so only here).
        response = await fetchStableToken(this.http, { ...credentials, forceRefresh: true });
      }
      const expiresAt = new Date(Date.now() + response.expires_in * 1000);
      const sealed = this.box.seal(response.access_token, tokenContext(accountId));
      await this.db.query(
        `update account_tokens
            set access_token_sealed = $2, token_hash = $3, expires_at = $4, rejected_hash = null,
                lease_owner = null, lease_until = null, refreshed_at = now(), refresh_count = refresh_count + 1,
                last_error_code = null, last_error = null, last_error_at = null
          where account_id = $1`,
        [accountId, sealed, sha256(response.access_token), expiresAt],
      );
      this.cache.set(accountId, { token: response.access_token, expiresAt: expiresAt.getTime() });
      return response.access_token;
    } catch (error) {
      const code = error instanceof WechatApiError ? String(error.errcode) : 'NETWORK';
      await this.db.query(
        `update account_tokens set lease_owner = null, lease_until = null,
                last_error_code = $2, last_error = $3, last_error_at = now()
          where account_id = $1 and lease_owner = $4`,
        [accountId, code, (error as Error).message.slice(0, 500), this.owner],
      );
      throw error;
    }
  }

  private remember(accountId: number, sealed: string, expiresAt: Date): string {
    const token = this.box.open(sealed, tokenContext(accountId));
    this.cache.set(accountId, { token, expiresAt: expiresAt.getTime() });
    return token;
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function tokenContext(accountId: number): string {
  return `account-token:${accountId}`;
}
