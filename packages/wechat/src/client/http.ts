import { TOKEN_ERRCODES, WechatApiError } from '../errcodes.ts';

/** Hands out the account's access token and hears when WeChat rejects one. */
export interface AccessTokenProvider {
  getToken(): Promise<string>;
  /**
   * WeChat rejected `token` (40001/40014/42001). Implementations expire it only if it is still the current
   * one (compare-then-expire), so a token another process already replaced is left alone.
   */
  invalidate(token: string): Promise<void>;
}

export interface WechatEndpoints {
  /** REST API base: https://api.weixin.qq.com, a proxy, or the emulator. */
  apiBase: string;
  /** Where showqrcode lives: https://mp.weixin.qq.com. */
  mpBase: string;
  /** Where the OAuth authorize page lives: https://open.weixin.qq.com. */
  openBase: string;
}

export const OFFICIAL_ENDPOINTS: WechatEndpoints = {
  apiBase: 'https://api.weixin.qq.com',
  mpBase: 'https://mp.weixin.qq.com',
  openBase: 'https://open.weixin.qq.com',
};

/** Every endpoint on one base URL (the emulator serves them all). */
export function endpointsAt(base: string): WechatEndpoints {
  const trimmed = base.replace(/\/+$/, '');
  return { apiBase: trimmed, mpBase: trimmed, openBase: trimmed };
}

export interface HttpOptions {
  endpoints: WechatEndpoints;
  fetch?: typeof fetch;
  /** Per-request timeout in ms (default 10 s). */
  timeoutMs?: number;
}

export interface CallOptions {
  method: 'GET' | 'POST';
  query?: Record<string, string | number | undefined>;
  /** JSON body, sent as raw UTF-8 (some APIs refuse \uXXXX escapes with 40033). */
  json?: unknown;
  form?: FormData;
  /** Safe to repeat after a network error or -1 (reads, and writes WeChat dedupes). */
  idempotent?: boolean;
  /** Whether the call needs access_token (false for token calls and OAuth). */
  auth?: boolean;
  /** Expect a file (media/get): returns { contentType, data, filename } unless WeChat answers JSON. */
  binary?: boolean;
}

export interface BinaryResult {
  contentType: string;
  filename?: string;
  data: Buffer;
}

/** Low-level caller: access_token in the query, errcode mapping, one refresh-and-retry on token errors. */
export class WechatHttp {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(
    readonly options: HttpOptions,
    private readonly tokens: AccessTokenProvider | null,
  ) {
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  get endpoints(): WechatEndpoints {
    return this.options.endpoints;
  }

  async call<T>(path: string, options: CallOptions): Promise<T> {
    const auth = options.auth ?? true;
    let tokenRetried = false;
    let transientRetries = options.idempotent ? 2 : 0;
    for (;;) {
      const token = auth ? await this.requireTokens().getToken() : undefined;
      let result: unknown;
      try {
        result = await this.send(path, options, token);
      } catch (error) {
        if (error instanceof WechatApiError) {
          // The token was refused: expire it (if nobody else has) and try once more with a fresh one.
          if (auth && token && !tokenRetried && TOKEN_ERRCODES.has(error.errcode)) {
            tokenRetried = true;
            await this.requireTokens().invalidate(token);
            continue;
          }
          if (error.errcode === -1 && transientRetries-- > 0) {
            await delay(200);
            continue;
          }
          throw error;
        }
        if (transientRetries-- > 0) {
          await delay(200);
          continue;
        }
        throw error;
      }
      return result as T;
    }
  }

  private requireTokens(): AccessTokenProvider {
    if (!this.tokens) throw new Error('this client has no access token provider');
    return this.tokens;
  }

  private async send(path: string, options: CallOptions, token: string | undefined): Promise<unknown> {
    const url = new URL(joinPath(this.options.endpoints.apiBase, path));
    if (token) url.searchParams.set('access_token', token);
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));

    const init: RequestInit = { method: options.method, signal: AbortSignal.timeout(this.timeoutMs) };
    if (options.json !== undefined) {
      init.body = JSON.stringify(options.json);
      init.headers = { 'content-type': 'application/json; charset=utf-8' };
    } else if (options.form) {
      init.body = options.form;
    }
    const response = await this.fetchImpl(url, init);
    const contentType = response.headers.get('content-type') ?? '';
    if (options.binary && !contentType.includes('json') && !contentType.startsWith('text/plain')) {
      if (!response.ok) throw new WechatApiError(-1, `HTTP ${response.status}`, path);
      const disposition = response.headers.get('content-disposition') ?? '';
      const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1];
      return { contentType, filename, data: Buffer.from(await response.arrayBuffer()) } satisfies BinaryResult;
    }
    const raw = await response.text();
    if (!response.ok) throw new WechatApiError(-1, `HTTP ${response.status}`, path);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      throw new WechatApiError(47001, `response is not JSON: ${raw.slice(0, 80)}`, path);
    }
    // Success is errcode 0 or no errcode at all (token, media/upload, qrcode/create…).
    const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
    if (errcode !== 0) throw new WechatApiError(errcode, String(body.errmsg ?? ''), path, body);
    return body;
  }
}

function joinPath(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
