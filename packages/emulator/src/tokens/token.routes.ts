import type { FastifyInstance } from 'fastify';
import type { AccountState } from '../accounts/account-state.ts';
import { accessToken } from '../core/ids.ts';
import { WxError } from '../core/wx-error.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import { admit, ok, registerApi, registerOpenApi } from '../http/api-route.ts';

const MONTHLY_QUOTA_CLEARS = 10;

/**
 * Checks appid/secret the way the token APIs do (§4.1): 41002/41004 missing, 40013 unknown appid, then the
 * call is admitted (counted, faults, quota), then 40125 wrong secret and 40164 IP not whitelisted.
 */
export async function authenticateApp(core: EmulatorCore, path: string, appid: unknown, secret: unknown, ip: string): Promise<AccountState> {
  if (typeof appid !== 'string' || appid === '') throw new WxError(41002);
  if (typeof secret !== 'string' || secret === '') throw new WxError(41004);
  const account = core.accounts.find(appid);
  if (!account) throw new WxError(40013);
  await admit(core, account, path, ip);
  if (secret !== account.config.secret) throw new WxError(40125);
  const whitelist = account.config.ipWhitelist;
  if (whitelist.length > 0 && !whitelist.includes(ip) && !whitelist.includes(ip.replace(/^::ffff:/, ''))) {
    throw new WxError(40164, `invalid ip ${ip} ipv6 ::ffff:${ip}, not in whitelist`);
  }
  return account;
}

export function registerTokenRoutes(app: FastifyInstance, core: EmulatorCore): void {
  registerOpenApi(app, {
    method: 'GET',
    path: '/cgi-bin/token',
    handler: async ({ query, ip }) => {
      if (query.grant_type !== 'client_credential') throw new WxError(40002);
      const account = await authenticateApp(core, '/cgi-bin/token', query.appid, query.secret, ip);
      const record = core.accounts.tokens.issue(account.appId, core.clock.now());
      core.changed();
      // Success has no errcode at all (§0).
      return { access_token: record.token, expires_in: 7200 };
    },
  });

  registerOpenApi(app, {
    method: 'POST',
    path: '/cgi-bin/stable_token',
    handler: async ({ body, ip }) => {
      if (body.grant_type !== 'client_credential') throw new WxError(40002);
      const account = await authenticateApp(core, '/cgi-bin/stable_token', body.appid, body.secret, ip);
      const now = core.clock.now();
      const force = body.force_refresh === true;
      const record = core.accounts.tokens.stable(account.appId, now, force, () =>
        account.usage.admit('stable_token:force_refresh', account.quotaFor('stable_token:force_refresh'), now),
      );
      core.changed();
      return { access_token: record.token, expires_in: Math.floor((record.expiresAt - now) / 1000) };
    },
  });

  for (const path of ['/cgi-bin/getcallbackip', '/cgi-bin/get_api_domain_ip']) {
    registerApi(app, core, { method: 'GET', path, handler: () => ({ ip_list: ['127.0.0.1'] }) });
  }

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/openapi/quota/get',
    handler: ({ account, body }) => {
      const path = typeof body.cgi_path === 'string' ? body.cgi_path : '';
      if (!path.startsWith('/')) throw new WxError(47003, 'argument invalid! cgi_path');
      const limit = account.quotaFor(path) ?? 0;
      const used = account.usage.usedToday(path, core.clock.now());
      return ok({ quota: { daily_limit: limit, used, remain: Math.max(0, limit - used) } });
    },
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/clear_quota',
    handler: ({ account, body }) => {
      if (body.appid !== account.appId) throw new WxError(40013);
      // 10 clears a month, console clears included (§4.1); tracked as a sub-quota per month.
      const month = new Date(core.clock.now() + 8 * 3600_000).toISOString().slice(0, 7);
      const used = account.quotaClears.get(month) ?? 0;
      if (used >= MONTHLY_QUOTA_CLEARS) throw new WxError(48006);
      account.quotaClears.set(month, used + 1);
      account.usage.clearToday();
      return ok();
    },
  });

  registerApi(app, core, {
    method: 'GET',
    path: '/cgi-bin/ticket/getticket',
    capability: 'jssdk',
    handler: ({ account, query }) => {
      const type = query.type ?? 'jsapi';
      if (type !== 'jsapi' && type !== 'wx_card') throw new WxError(40097, 'invalid args');
      const now = core.clock.now();
      let ticket = account.tickets.get(type);
      if (!ticket || now >= ticket.expiresAt) {
        ticket = { ticket: accessToken().slice(3), expiresAt: now + 7200_000 };
        account.tickets.set(type, ticket);
      }
      return ok({ ticket: ticket.ticket, expires_in: Math.floor((ticket.expiresAt - now) / 1000) });
    },
  });
}
