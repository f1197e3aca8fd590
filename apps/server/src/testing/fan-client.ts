import type { LightMyRequestResponse } from 'fastify';
import type { Loop } from './emulator-loop.ts';

/** A fan's browser on the fan pages: signed in through WeChat's web authorization, as in WeChat. */
export interface FanClient {
  openid: string;
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

const cookieOf = (response: Response, name: string) =>
  (response.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);

/**
 * Opens a fan page over real HTTP: the platform redirects to the emulator's authorize page, which (told
 * which fan holds the phone) redirects back with a code; the platform exchanges it and sets the session.
 */
export async function fanSignIn(loop: Loop, accountId: number, openid: string, page = `/h5/${accountId}/member`): Promise<FanClient & { landing: string }> {
  const first = await fetch(`${loop.url}${page}`, { redirect: 'manual' });
  if (first.status !== 302) throw new Error(`expected a redirect to WeChat, got ${first.status}`);
  const oauth = cookieOf(first, 'zg_oauth');
  const authorize = first.headers.get('location')!;
  const [withoutFragment] = authorize.split('#');
  const consent = await fetch(`${withoutFragment}&openid=${encodeURIComponent(openid)}`, { redirect: 'manual' });
  if (consent.status !== 302) throw new Error(`the authorize page answered ${consent.status}: ${await consent.text()}`);
  const back = await fetch(consent.headers.get('location')!, { redirect: 'manual', headers: { cookie: oauth ?? '' } });
  const session = cookieOf(back, `zg_fan_${accountId}`);
  if (back.status !== 302 || !session) throw new Error(`the callback answered ${back.status}: ${await back.text()}`);
  const http = loop.platform.http;
  const headers = (unsafe: boolean) => ({ cookie: session, ...(unsafe ? { 'x-zg-fan': '1' } : {}) });
  return {
    openid,
    cookie: session,
    landing: back.headers.get('location')!,
    get: (url) => http.inject({ method: 'GET', url, headers: headers(false) }),
    post: (url, body) => http.inject({ method: 'POST', url, headers: headers(true), ...(body === undefined ? {} : { payload: body as object }) }),
    put: (url, body) => http.inject({ method: 'PUT', url, headers: headers(true), payload: (body ?? {}) as object }),
  };
}
