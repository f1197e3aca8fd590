import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a fan page session lasts; snsapi_base is silent, so renewing it costs the fan nothing. */
export const FAN_SESSION_SECONDS = 12 * 3600;
/** How long the round trip through WeChat's authorize page may take. */
const OAUTH_STATE_SECONDS = 600;

export const fanCookieName = (accountId: number) => `zg_fan_${accountId}`;
export const OAUTH_COOKIE = 'zg_oauth';

/**
 * Signed values for the fan pages: the fan session (account + openid + expiry) and the OAuth state that
 * binds the authorize round trip to the browser that started it. HMAC-SHA256 with a key derived from the
 * master key; nothing is stored server-side.
 */
export class FanSessions {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'zhanggui fan pages v1', 32));
  }

  /** The cookie value for a fan of an account. */
  session(accountId: number, openid: string, now = Date.now()): string {
    return this.sign({ k: 'fan', a: accountId, o: openid, e: Math.floor(now / 1000) + FAN_SESSION_SECONDS });
  }

  /** The fan's openid if the cookie is genuine, for this account and not expired. */
  verifySession(value: string | undefined, accountId: number, now = Date.now()): string | null {
    const data = this.verify(value, now);
    return data && data.k === 'fan' && data.a === accountId && typeof data.o === 'string' ? data.o : null;
  }

  /** A new OAuth state (the `state` parameter, [A-Za-z0-9]) and the cookie that must come back with it. */
  oauthState(accountId: number, next: string, now = Date.now()): { state: string; cookie: string } {
    const state = randomBytes(16).toString('hex');
    return { state, cookie: this.sign({ k: 'oauth', a: accountId, s: state, n: next, e: Math.floor(now / 1000) + OAUTH_STATE_SECONDS }) };
  }

  /** The page to return to, if the cookie and the returned state belong together. */
  verifyOauthState(cookie: string | undefined, accountId: number, state: string | undefined, now = Date.now()): string | null {
    const data = this.verify(cookie, now);
    if (!data || data.k !== 'oauth' || data.a !== accountId || typeof data.s !== 'string' || typeof data.n !== 'string' || !state) return null;
    const a = Buffer.from(data.s);
    const b = Buffer.from(state);
    return a.length === b.length && timingSafeEqual(a, b) ? data.n : null;
  }

  private sign(data: Record<string, unknown>): string {
    const payload = Buffer.from(JSON.stringify(data)).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  private verify(value: string | undefined, now: number): Record<string, unknown> | null {
    if (!value) return null;
    const dot = value.indexOf('.');
    if (dot < 1) return null;
    const payload = value.slice(0, dot);
    const given = Buffer.from(value.slice(dot + 1));
    const expected = Buffer.from(this.mac(payload));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      return typeof data.e === 'number' && data.e * 1000 > now ? data : null;
    } catch {
      return null;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

/** Only our own fan pages of this account may be returned to after OAuth (no open redirect). */
export function safeNext(accountId: number, next: unknown): string {
  const fallback = `/h5/${accountId}/member`;
  if (typeof next !== 'string' || next.length > 500) return fallback;
  if (!next.startsWith(`/h5/${accountId}/`) || next.startsWith(`/h5/${accountId}/oauth`) || /[\\\s]|\/\/|\.\./.test(next)) return fallback;
  return next;
}
