import { fetchAccessToken, fetchStableToken } from './client.ts';
import type { AccessTokenProvider, HttpOptions } from './http.ts';
import { WechatHttp } from './http.ts';

export interface MemoryTokenProviderOptions extends HttpOptions {
  appId: string;
  secret: string;
  /** Use /cgi-bin/stable_token (default) or the older /cgi-bin/token. */
  useStableToken?: boolean;
  /** Refresh this long before WeChat's expiry (ms, default 5 minutes). */
  refreshMarginMs?: number;
}

/**
 * An in-process token cache for a single process using the SDK on its own: single-flight refresh,
 * compare-then-expire on rejection. Servers with several processes need a shared broker instead.
 */
export class MemoryTokenProvider implements AccessTokenProvider {
  private current: { token: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;
  private forceNext = false;
  private readonly http: WechatHttp;

  constructor(private readonly options: MemoryTokenProviderOptions) {
    this.http = new WechatHttp(options, null);
  }

  async getToken(): Promise<string> {
    const margin = this.options.refreshMarginMs ?? 5 * 60_000;
    if (this.current && this.current.expiresAt - margin > Date.now()) return this.current.token;
    this.pending ??= this.refresh().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  async invalidate(token: string): Promise<void> {
    if (this.current?.token === token) {
      this.current = null;
      this.forceNext = true;
    }
  }

  private async refresh(): Promise<string> {
    const credentials = { appId: this.options.appId, secret: this.options.secret };
    const force = this.forceNext;
    this.forceNext = false;
    const response =
      this.options.useStableToken === false
        ? await fetchAccessToken(this.http, credentials)
        : await fetchStableToken(this.http, { ...credentials, forceRefresh: force });
    this.current = { token: response.access_token, expiresAt: Date.now() + response.expires_in * 1000 };
    return response.access_token;
  }
}
