import type { FastifyInstance } from 'fastify';
import type { AccountState } from '../accounts/account-state.ts';
import { WxError } from '../core/wx-error.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import { ok, registerOpenApi } from '../http/api-route.ts';
import { escapeHtml, page } from '../phone/html.ts';
import { authenticateApp } from '../tokens/token.routes.ts';
import { phoneFanCookie } from '../phone/phone.routes.ts';

const SCOPES = ['snsapi_base', 'snsapi_userinfo'];
const PICKER_LIMIT = 50;

/** A WeChat-style error page for the authorize step (§4.12 page error codes). */
function errorPage(code: number, message: string): string {
  return page('授权失败', `<div class="bar"><h1>授权失败</h1></div><p class="section">错误码 ${code}：${escapeHtml(message)}</p>`);
}

export function registerOAuthRoutes(app: FastifyInstance, core: EmulatorCore): void {
  // Step 1 (§4.12): pick the simulated fan (or pass &openid= in tests), then redirect with code and state.
  app.get('/connect/oauth2/authorize', async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const html = (code: number, message: string) => reply.code(400).type('text/html; charset=utf-8').send(errorPage(code, message));
    if (!q.appid) return html(10012, 'appid 不能为空');
    const account = core.accounts.find(q.appid);
    if (!account) return html(10012, 'appid 无效');
    if (!q.redirect_uri) return html(10011, 'redirect_uri 不能为空');
    if (!/^https?:\/\//i.test(q.redirect_uri)) return html(10003, 'redirect_uri 域名与后台配置不一致');
    if (!q.scope) return html(10010, 'scope 不能为空');
    if (!SCOPES.includes(q.scope) || !account.can('oauth')) return html(10005, '此公众号没有此 scope 的权限');
    if (q.response_type !== 'code') return html(10013, 'response_type 必须是 code');
    if (q.state !== undefined && Buffer.byteLength(q.state) > 128) return html(10013, 'state 超过 128 字节');

    // A page opened from a fan's phone (silent for snsapi_base, as in WeChat) or a test naming the fan.
    const fromPhone = q.scope === 'snsapi_base' ? cookieValue(request.headers.cookie, phoneFanCookie(account.appId)) : undefined;
    const openid = q.openid ?? fromPhone;
    if (openid) {
      const fan = account.fans.indexOf(openid);
      if (fan < 0) return html(10003, '没有这个粉丝');
      const code = core.oauth.issueCode({ appId: account.appId, openid, scope: q.scope }, core.clock.now());
      const target = `${q.redirect_uri}${q.redirect_uri.includes('?') ? '&' : '?'}code=${encodeURIComponent(code)}&state=${encodeURIComponent(q.state ?? '')}`;
      return reply.redirect(target, 302);
    }
    return reply.type('text/html; charset=utf-8').send(pickerPage(account, request.url));
  });

  registerOpenApi(app, {
    method: 'GET',
    path: '/sns/oauth2/access_token',
    handler: async ({ query, ip }) => {
      const account = await authenticateApp(core, '/sns/oauth2/access_token', query.appid, query.secret, ip);
      if (query.grant_type !== 'authorization_code') throw new WxError(40002);
      if (!account.can('oauth')) throw new WxError(48001);
      if (!query.code) throw new WxError(41008);
      const grant = core.oauth.redeem(account.appId, query.code, core.clock.now());
      return { access_token: grant.accessToken, expires_in: 7200, refresh_token: grant.refreshToken, openid: grant.openid, scope: grant.scope };
    },
  });

  registerOpenApi(app, {
    method: 'GET',
    path: '/sns/oauth2/refresh_token',
    handler: ({ query }) => {
      const account = core.accounts.find(query.appid);
      if (!account) throw new WxError(40013);
      if (query.grant_type !== 'refresh_token') throw new WxError(40002);
      const grant = core.oauth.refresh(account.appId, query.refresh_token, core.clock.now());
      return { access_token: grant.accessToken, expires_in: 7200, refresh_token: grant.refreshToken, openid: grant.openid, scope: grant.scope };
    },
  });

  registerOpenApi(app, {
    method: 'GET',
    path: '/sns/userinfo',
    handler: ({ query }) => {
      const grant = core.oauth.resolve(query.access_token, core.clock.now());
      if (query.openid !== grant.openid) throw new WxError(40003);
      if (grant.scope !== 'snsapi_userinfo') throw new WxError(48001);
      // Since 2021-10 sex and region are blanked (§4.12).
      return { openid: grant.openid, nickname: '微信用户', sex: 0, province: '', city: '', country: '', headimgurl: '', privilege: [] };
    },
  });

  registerOpenApi(app, {
    method: 'GET',
    path: '/sns/auth',
    handler: ({ query }) => {
      const grant = core.oauth.resolve(query.access_token, core.clock.now());
      if (query.openid !== grant.openid) throw new WxError(40003);
      return ok();
    },
  });
}

function pickerPage(account: AccountState, url: string): string {
  const shown = Math.min(account.fans.count, PICKER_LIMIT);
  const openids = account.fans.openids(Array.from({ length: shown }, (_, i) => i));
  const rows = openids
    .map((openid, i) => {
      const href = `${url}&openid=${encodeURIComponent(openid)}`;
      const state = account.fans.isSubscribed(i) ? '<span class="tag">已关注</span>' : '<span class="tag off">未关注</span>';
      return `<a class="item" href="${escapeHtml(href)}"><div class="avatar">${i}</div><div class="meta"><div class="t">粉丝 #${i}${state}</div><div class="s">${escapeHtml(openid)}</div></div></a>`;
    })
    .join('');
  const body = `<div class="bar"><h1>${escapeHtml(account.config.name)} 申请获得你的身份</h1></div>
<p class="section">模拟网页授权：选择你是哪位粉丝（共 ${account.fans.count} 位，显示前 ${shown} 位）。</p><div class="list">${rows || '<p class="section">还没有粉丝。</p>'}</div>`;
  return page('网页授权', body);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
