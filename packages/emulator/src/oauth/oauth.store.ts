import { randomString } from '../core/ids.ts';
import { WxError } from '../core/wx-error.ts';

/** OAuth codes are single use and expire after 5 minutes unused (§4.12; newer docs: 10 min). */
export const CODE_LIFETIME_MS = 5 * 60_000;
export const SNS_TOKEN_LIFETIME_MS = 7200_000;
export const REFRESH_TOKEN_LIFETIME_MS = 30 * 86_400_000;

interface Grant {
  appId: string;
  openid: string;
  scope: string;
}

/** Web-authorization state across accounts: codes, per-user access tokens and refresh tokens. */
export class OAuthStore {
  private readonly codes = new Map<string, Grant & { expiresAt: number; used: boolean }>();
  private readonly tokens = new Map<string, Grant & { expiresAt: number }>();
  private readonly refreshTokens = new Map<string, Grant & { expiresAt: number }>();

  issueCode(grant: Grant, now: number): string {
    for (const [code, value] of this.codes) if (value.expiresAt + CODE_LIFETIME_MS < now) this.codes.delete(code);
    const code = randomString(32);
    this.codes.set(code, { ...grant, expiresAt: now + CODE_LIFETIME_MS, used: false });
    return code;
  }

  /** Exchanges a code: 40029 unknown (or another appid's), 40163 used, 42003 expired. */
  redeem(appId: string, code: unknown, now: number): { accessToken: string; refreshToken: string } & Grant {
    const grant = typeof code === 'string' ? this.codes.get(code) : undefined;
    if (!grant || grant.appId !== appId) throw new WxError(40029);
    if (grant.used) throw new WxError(40163);
    if (now >= grant.expiresAt) throw new WxError(42003);
    grant.used = true;
    return { ...this.mint(grant, now), appId: grant.appId, openid: grant.openid, scope: grant.scope };
  }

  refresh(appId: string, refreshToken: unknown, now: number): { accessToken: string; refreshToken: string } & Grant {
    const grant = typeof refreshToken === 'string' ? this.refreshTokens.get(refreshToken) : undefined;
    if (!grant || grant.appId !== appId) throw new WxError(40030);
    if (now >= grant.expiresAt) throw new WxError(42002);
    const accessToken = `86_${randomString(100)}`;
    this.tokens.set(accessToken, { appId, openid: grant.openid, scope: grant.scope, expiresAt: now + SNS_TOKEN_LIFETIME_MS });
    return { accessToken, refreshToken: refreshToken as string, appId, openid: grant.openid, scope: grant.scope };
  }

  /** A user access token (sns): 40001 unknown, 42001 expired. */
  resolve(token: unknown, now: number): Grant {
    const grant = typeof token === 'string' ? this.tokens.get(token) : undefined;
    if (!grant) throw new WxError(40001);
    if (now >= grant.expiresAt) throw new WxError(42001);
    return grant;
  }

  clear(): void {
    this.codes.clear();
    this.tokens.clear();
    this.refreshTokens.clear();
  }

  private mint(grant: Grant, now: number): { accessToken: string; refreshToken: string } {
    const accessToken = `86_${randomString(100)}`;
    const refreshToken = `86_${randomString(100)}`;
    this.tokens.set(accessToken, { appId: grant.appId, openid: grant.openid, scope: grant.scope, expiresAt: now + SNS_TOKEN_LIFETIME_MS });
    this.refreshTokens.set(refreshToken, { appId: grant.appId, openid: grant.openid, scope: grant.scope, expiresAt: now + REFRESH_TOKEN_LIFETIME_MS });
    return { accessToken, refreshToken };
  }
}
