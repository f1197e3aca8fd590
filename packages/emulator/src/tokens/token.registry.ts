import { ACCESS_TOKEN_SHAPE, accessToken } from '../core/ids.ts';
import { WxError } from '../core/wx-error.ts';

export const TOKEN_LIFETIME_MS = 7200_000;
/** After a new /cgi-bin/token, the previous one keeps working for 5 minutes (§4.1). */
export const TOKEN_OVERLAP_MS = 300_000;
/** stable_token renews in the last 5 minutes, so expires_in is always ≥ 300 (§4.1). */
export const STABLE_RENEW_BEFORE_MS = 300_000;
/** force_refresh calls closer than this to the previous one do not refresh (§4.1). */
export const FORCE_REFRESH_SPACING_MS = 30_000;
// Dead tokens are remembered for a day so they answer 42001 (expired) rather than 40001 (unknown).
const REMEMBER_MS = 86_400_000;

export type TokenKind = 'token' | 'stable';

export interface TokenRecord {
  token: string;
  appId: string;
  kind: TokenKind;
  issuedAt: number;
  expiresAt: number;
  /** When a newer token replaced it (after the overlap); Infinity while it is the latest. */
  invalidAt: number;
}

/**
 * Access tokens of every account. `/cgi-bin/token` and `/cgi-bin/stable_token` are kept separate, as the
 * docs say (§4.1 notes one community report of them invalidating each other; we follow the docs).
 */
export class TokenRegistry {
  private readonly byToken = new Map<string, TokenRecord>();
  private readonly current = new Map<string, TokenRecord>();
  private readonly lastForce = new Map<string, number>();

  /** `/cgi-bin/token`: always a new token; the previous one stops working 5 minutes later. */
  issue(appId: string, now: number): TokenRecord {
    this.prune(now);
    const previous = this.current.get(key(appId, 'token'));
    if (previous) previous.invalidAt = Math.min(previous.invalidAt, now + TOKEN_OVERLAP_MS);
    return this.mint(appId, 'token', now);
  }

  /**
   * `/cgi-bin/stable_token`. Normal mode returns the current token until 5 minutes before it expires.
   * `force_refresh` replaces it at once, unless the last forced refresh was under 30 s ago; `admitForce`
   * takes one of the 20 daily forced refreshes (false → 45009).
   */
  stable(appId: string, now: number, force: boolean, admitForce: () => boolean): TokenRecord {
    const current = this.current.get(key(appId, 'stable'));
    const usable = current && now < current.expiresAt && now < current.invalidAt;
    if (force) {
      const last = this.lastForce.get(appId);
      if (usable && last !== undefined && now - last < FORCE_REFRESH_SPACING_MS) return current;
      if (!admitForce()) throw new WxError(45009);
      this.lastForce.set(appId, now);
      if (current) current.invalidAt = Math.min(current.invalidAt, now);
      return this.mint(appId, 'stable', now);
    }
    if (usable && now < current.expiresAt - STABLE_RENEW_BEFORE_MS) return current;
    // Renewal: the old token keeps working until its own expiry, so both work in the last 5 minutes.
    this.prune(now);
    return this.mint(appId, 'stable', now);
  }

  /** The account behind a token, or the WeChat error a call with it gets (40014 / 40001 / 42001). */
  resolve(token: string, now: number, accountExists: (appId: string) => boolean): string {
    const record = this.byToken.get(token);
    if (!record || !accountExists(record.appId)) {
      throw new WxError(ACCESS_TOKEN_SHAPE.test(token) ? 40001 : 40014);
    }
    if (now >= record.expiresAt) throw new WxError(42001);
    if (now >= record.invalidAt) throw new WxError(40001);
    return record.appId;
  }

  /** Fault helper: every token of the account expires now (next calls answer 42001). */
  expireAll(appId: string, now: number): void {
    for (const record of this.byToken.values()) if (record.appId === appId) record.expiresAt = Math.min(record.expiresAt, now);
  }

  forget(appId?: string): void {
    for (const [token, record] of this.byToken) if (!appId || record.appId === appId) this.byToken.delete(token);
    for (const k of [...this.current.keys()]) if (!appId || k.startsWith(`${appId}:`)) this.current.delete(k);
    if (appId) this.lastForce.delete(appId);
    else this.lastForce.clear();
  }

  export(): TokenRecord[] {
    return [...this.byToken.values()].map((r) => ({ ...r, invalidAt: Number.isFinite(r.invalidAt) ? r.invalidAt : -1 }));
  }

  import(records: TokenRecord[]): void {
    for (const raw of records) {
      const record = { ...raw, invalidAt: raw.invalidAt < 0 ? Number.POSITIVE_INFINITY : raw.invalidAt };
      this.byToken.set(record.token, record);
      const k = key(record.appId, record.kind);
      const cur = this.current.get(k);
      if (!cur || cur.issuedAt <= record.issuedAt) this.current.set(k, record);
    }
  }

  private mint(appId: string, kind: TokenKind, now: number): TokenRecord {
    const record: TokenRecord = { token: accessToken(), appId, kind, issuedAt: now, expiresAt: now + TOKEN_LIFETIME_MS, invalidAt: Number.POSITIVE_INFINITY };
    this.byToken.set(record.token, record);
    this.current.set(key(appId, kind), record);
    return record;
  }

  private prune(now: number): void {
    for (const [token, record] of this.byToken) {
      if (Math.min(record.expiresAt, record.invalidAt) + REMEMBER_MS < now) this.byToken.delete(token);
    }
  }
}

function key(appId: string, kind: TokenKind): string {
  return `${appId}:${kind}`;
}
