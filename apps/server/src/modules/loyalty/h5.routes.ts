import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FanHome, FanMember, FanProgram } from '@zhanggui/shared';
import { exchangeOAuthCode, oauthAuthorizeUrl, WechatHttp, type WechatEndpoints } from '@zhanggui/wechat';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, ZodError } from 'zod';
import { readCookie } from '../../platform/http/auth.ts';
import { STATIC_TYPES } from '../../platform/http/console-static.ts';
import { AppError } from '../../platform/http/errors.ts';
import { escapeMarkup } from '../../platform/http/escape.ts';
import { saidIn } from '../../platform/http/validation-messages.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import { localDate } from '../stats/stats.service.ts';
import { qrSvg } from '../qrcodes/qr-images.ts';
import { barcodeSvg } from './barcode.ts';
import type { CouponsService } from './coupons.service.ts';
import { FAN_SESSION_SECONDS, fanCookieName, OAUTH_COOKIE, safeNext, type FanSessions } from './fan-session.ts';
import { profileInput } from './loyalty.schema.ts';
import type { MembersService, Program } from './members.service.ts';

export const H5_DIST = fileURLToPath(new URL('../../../../h5/dist', import.meta.url));

const TYPES = STATIC_TYPES;

// Fan pages show operator-written text (card names, coupon descriptions) and nothing runs but our bundle.
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

interface Deps {
  accounts: AccountsService;
  members: MembersService;
  coupons: CouponsService;
  sessions: FanSessions;
  endpoints: WechatEndpoints;
  publicUrl: string;
  secureCookies: boolean;
  dist?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    fanOpenid: string | null;
  }
}

type AccountParams = { Params: { accountId: string } };
const idOf = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : 0);
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * The fan pages (apps/h5) and their API. A fan is who WeChat's web authorization says they are: every
 * account page goes through snsapi_base first and comes back with a signed, account-bound session cookie;
 * the API answers only to that cookie, and state-changing calls also need a header other sites cannot send.
 */
export async function h5Routes(app: FastifyInstance, deps: Deps): Promise<void> {
  const { accounts, members, coupons, sessions } = deps;
  const dist = deps.dist ?? H5_DIST;
  const http = new WechatHttp({ endpoints: deps.endpoints }, null);
  const cookie = (name: string, value: string, maxAge: number, path: string) =>
    `${name}=${value}; Path=${path}; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${deps.secureCookies ? '; Secure' : ''}`;

  app.decorateRequest('fanOpenid', null);

  /** Sends the browser through WeChat's authorize page, to come back to `next`. */
  const startOAuth = async (reply: FastifyReply, accountId: number, next: string) => {
    const account = await accounts.find(accountId);
    if (!account) return reply.code(404).headers(PAGE_HEADERS).type(TYPES['.html']!).send(messagePage('页面不存在', '没有这个公众号。'));
    const { state, cookie: value } = sessions.oauthState(accountId, next);
    const url = oauthAuthorizeUrl(deps.endpoints.openBase, { appId: account.appId, redirectUri: `${deps.publicUrl}/h5/${accountId}/oauth/callback`, scope: 'snsapi_base', state });
    return reply.header('set-cookie', cookie(OAUTH_COOKIE, value, 600, '/h5')).header('cache-control', 'no-store').redirect(url, 302);
  };

  app.get<AccountParams>('/h5/:accountId/oauth', async (request, reply) => {
    const accountId = idOf(request.params.accountId);
    return startOAuth(reply, accountId, safeNext(accountId, (request.query as { next?: unknown }).next));
  });

  app.get<AccountParams>('/h5/:accountId/oauth/callback', async (request, reply) => {
    const accountId = idOf(request.params.accountId);
    const { code, state } = request.query as { code?: string; state?: string };
    const next = sessions.verifyOauthState(readCookie(request.headers.cookie, OAUTH_COOKIE), accountId, state);
    const retry = `/h5/${accountId}/oauth`;
    const fail = (why: string) => reply.code(400).headers(PAGE_HEADERS).type(TYPES['.html']!).send(messagePage('授权失败', why, retry));
    if (!next) return fail('授权已过期或不是从本页面发起的，请重新打开。');
    if (!code) return fail('没有获得微信授权。');
    const secrets = await accounts.secrets(accountId).catch(() => null);
    if (!secrets) return fail('没有这个公众号。');
    let openid: string;
    try {
      openid = (await exchangeOAuthCode(http, { appId: secrets.appId, secret: secrets.appSecret, code })).openid;
    } catch (error) {
      request.log.warn({ err: error }, 'oauth code exchange failed');
      return fail('微信授权失败（授权码无效或已使用），请重新打开页面。');
    }
    return reply
      .header('set-cookie', [cookie(fanCookieName(accountId), sessions.session(accountId, openid), FAN_SESSION_SECONDS, '/h5'), cookie(OAUTH_COOKIE, '', 0, '/h5')])
      .header('cache-control', 'no-store')
      .redirect(next, 302);
  });

  // ---- the fan API ----
  await app.register(async (api) => {
    api.addHook('preHandler', async (request: FastifyRequest) => {
      const accountId = idOf((request.params as { accountId?: string }).accountId ?? '');
      const openid = sessions.verifySession(readCookie(request.headers.cookie, fanCookieName(accountId)), accountId);
      if (!openid) throw new AppError('FAN_AUTH_REQUIRED', { loginUrl: `/h5/${accountId}/oauth?next=${encodeURIComponent(`/h5/${accountId}/member`)}` });
      if (!SAFE_METHODS.has(request.method) && request.headers['x-zg-fan'] !== '1') throw new AppError('FAN_REQUEST_INVALID');
      request.fanOpenid = openid;
    });
    api.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });

    const who = (request: FastifyRequest<AccountParams>) => ({ accountId: idOf(request.params.accountId), openid: request.fanOpenid! });
    const home = async (accountId: number, openid: string): Promise<FanHome> => {
      const [program, member, counts, fan] = await Promise.all([
        members.activeProgram(accountId),
        members.memberByOpenid(accountId, openid),
        coupons.counts(accountId, openid),
        members.subscribed(accountId, openid),
      ]);
      const account = await accounts.get(accountId);
      return {
        program: program ? fanProgram(program, account.name) : null,
        member: member && program ? fanMember(program, member, localDate(new Date(), account.timezone), members) : null,
        coupons: counts,
        subscribed: fan,
      };
    };

    api.get<AccountParams>('/h5/api/:accountId/me', async (request) => {
      const { accountId, openid } = who(request);
      return home(accountId, openid);
    });

    api.post<AccountParams>('/h5/api/:accountId/card', async (request) => {
      const { accountId, openid } = who(request);
      await members.issueCard(accountId, openid, 'page');
      return home(accountId, openid);
    });

    api.put<AccountParams>('/h5/api/:accountId/profile', async (request) => {
      const { accountId, openid } = who(request);
      const account = await accounts.get(accountId);
      let profile;
      try {
        profile = profileInput(localDate(new Date(), account.timezone)).parse(request.body ?? {});
      } catch (error) {
        if (!(error instanceof ZodError)) throw error;
        const fields: Record<string, string> = {};
        for (const issue of error.issues) fields[String(issue.path[0] ?? '')] ??= saidIn(issue.message, 'zh').startsWith('Invalid') ? '格式不正确' : saidIn(issue.message, 'zh');
        throw new AppError('PROFILE_INVALID', { fields });
      }
      await members.updateProfile(accountId, openid, profile);
      return home(accountId, openid);
    });

    api.post<AccountParams>('/h5/api/:accountId/checkin', async (request) => {
      const { accountId, openid } = who(request);
      const member = await members.memberByOpenid(accountId, openid);
      if (!member) throw new AppError('MEMBER_REQUIRED');
      return members.checkin(accountId, member.id);
    });

    api.get<AccountParams>('/h5/api/:accountId/points', async (request) => {
      const { accountId, openid } = who(request);
      const { cursor } = z.object({ cursor: z.string().max(40).optional() }).parse(request.query);
      const member = await members.memberByOpenid(accountId, openid);
      if (!member) return { items: [], nextCursor: null };
      const page = await members.ledger(accountId, member.id, cursor);
      // Fans see why, not which operator.
      return { items: page.items.map((entry) => ({ ...entry, operator: null })), nextCursor: page.nextCursor };
    });

    api.get<AccountParams>('/h5/api/:accountId/coupons', async (request) => {
      const { accountId, openid } = who(request);
      return coupons.ofFan(accountId, openid);
    });

    api.get<AccountParams & { Params: { couponId: string } }>('/h5/api/:accountId/coupons/:couponId', async (request) => {
      const { accountId, openid } = who(request);
      return coupons.fanCoupon(accountId, openid, idOf(request.params.couponId));
    });

    api.get<AccountParams & { Params: { couponId: string } }>('/h5/api/:accountId/coupons/:couponId/code.svg', async (request, reply) => {
      const { accountId, openid } = who(request);
      const coupon = await coupons.fanCoupon(accountId, openid, idOf(request.params.couponId));
      return reply.type('image/svg+xml; charset=utf-8').send(await qrSvg(coupon.code));
    });

    api.get<AccountParams>('/h5/api/:accountId/card/code.svg', async (request, reply) => {
      const { accountId, openid } = who(request);
      const { format } = z.object({ format: z.enum(['qr', 'barcode']).default('qr') }).parse(request.query);
      const member = await members.memberByOpenid(accountId, openid);
      if (!member) throw new AppError('MEMBER_REQUIRED');
      return reply.type('image/svg+xml; charset=utf-8').send(format === 'qr' ? await qrSvg(member.member_no) : barcodeSvg(member.member_no));
    });

    api.get<AccountParams>('/h5/api/:accountId/offers', async (request) => {
      const { accountId, openid } = who(request);
      return coupons.offers(accountId, openid);
    });

    api.post<AccountParams & { Params: { templateId: string } }>('/h5/api/:accountId/offers/:templateId', async (request) => {
      const { accountId, openid } = who(request);
      const coupon = await coupons.take(accountId, openid, idOf(request.params.templateId));
      return coupons.fanCoupon(accountId, openid, coupon.id);
    });
  });

  // The card logo is shown on fan pages and in the console: public, like any image on a card.
  app.get<AccountParams>('/h5/api/:accountId/logo', async (request, reply) => {
    const logo = await members.logo(idOf(request.params.accountId));
    if (!logo) throw new AppError('NOT_FOUND');
    return reply.type(logo.type).header('cache-control', 'public, max-age=86400').header('x-content-type-options', 'nosniff').send(logo.data);
  });

  // ---- the pages ----
  const index = join(dist, 'index.html');
  const sendIndex = (reply: FastifyReply) => {
    if (!existsSync(index)) return reply.code(503).type('text/plain; charset=utf-8').send('The fan pages are not built yet: run `npm run build` (npm start does it for you).');
    return reply.headers(PAGE_HEADERS).header('cache-control', 'no-cache').type(TYPES['.html']!).send(readFileSync(index));
  };

  app.get('/h5/assets/*', async (request, reply) => {
    const path = decodeURIComponent(request.url.split('?')[0]!.slice('/h5'.length));
    const file = normalize(join(dist, path));
    if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) throw new AppError('NOT_FOUND');
    return reply.headers(PAGE_HEADERS).header('cache-control', 'public, max-age=31536000, immutable').type(TYPES[extname(file)] ?? 'application/octet-stream').send(readFileSync(file));
  });

  app.get('/h5/favicon.svg', async (_request, reply) => {
    const file = join(dist, 'favicon.svg');
    if (!existsSync(file)) throw new AppError('NOT_FOUND');
    return reply.header('cache-control', 'public, max-age=86400').type(TYPES['.svg']!).send(readFileSync(file));
  });

  // The till page signs in with an operator login, not through WeChat.
  app.get('/h5/staff', async (_request, reply) => sendIndex(reply));
  app.get('/h5/staff/*', async (_request, reply) => sendIndex(reply));

  const page = async (request: FastifyRequest<AccountParams>, reply: FastifyReply) => {
    const accountId = idOf(request.params.accountId);
    if (!accountId) throw new AppError('NOT_FOUND');
    const openid = sessions.verifySession(readCookie(request.headers.cookie, fanCookieName(accountId)), accountId);
    if (!openid) return startOAuth(reply, accountId, safeNext(accountId, request.url));
    return sendIndex(reply);
  };
  app.get<AccountParams>('/h5/:accountId', page);
  app.get<AccountParams>('/h5/:accountId/*', page);
}

function fanProgram(program: Program, accountName: string): FanProgram {
  return {
    cardName: program.cardName,
    color: program.color,
    logoUrl: program.logoUrl,
    notice: program.notice,
    levels: program.levels.map((l) => ({ id: l.id, name: l.name, threshold: l.threshold, payPercent: l.payPercent, benefits: l.benefits })),
    points: program.points,
    accountName,
  };
}

function fanMember(program: Program, member: NonNullable<Awaited<ReturnType<MembersService['memberByOpenid']>>>, today: string, service: MembersService): FanMember {
  const level = program.levels.find((l) => l.id === member.level_id) ?? null;
  return {
    memberNo: member.member_no,
    level: level ? { id: level.id, name: level.name, payPercent: level.payPercent, benefits: level.benefits } : null,
    nextLevel: service.nextLevel(program.levels, member.points_earned),
    points: member.points,
    pointsEarned: member.points_earned,
    issuedAt: member.issued_at.toISOString(),
    // A streak broken by a missed day shows as 0 until the next check-in.
    streak: member.last_checkin_on === today || member.last_checkin_on === previousDay(today) ? member.streak : 0,
    checkedInToday: member.last_checkin_on === today,
    name: member.name,
    phone: member.phone,
    gender: member.gender,
    birthday: member.birthday,
    region: member.region,
  };
}

function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** A small WeChat-style page for OAuth failures (before the app has a session). */
function messagePage(title: string, text: string, retry?: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeMarkup(title)}</title>
<style>body{margin:0;background:#ededed;font-family:-apple-system,system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;text-align:center;color:#111}main{padding:72px 24px}h1{font-size:20px;font-weight:500}p{color:#666;font-size:15px}a{display:inline-block;margin-top:24px;background:#07c160;color:#fff;border-radius:8px;padding:10px 32px;text-decoration:none}</style></head>
<body><main><h1>${escapeMarkup(title)}</h1><p>${escapeMarkup(text)}</p>${retry ? `<a href="${escapeMarkup(retry)}">重新打开</a>` : ''}</main></body></html>`;
}
