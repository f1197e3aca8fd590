import { ROLE_PERMISSIONS, ROLES } from '@zhanggui/shared';
import type { ConnectionTestResult } from '@zhanggui/shared';
import { fetchStableToken, WechatApiError, WechatClient, WechatHttp, type WechatEndpoints } from '@zhanggui/wechat';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { accountOf, sessionOf } from '../../platform/http/auth.ts';
import { AppError, languageOf } from '../../platform/http/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { OperatorsService } from '../operators/operators.service.ts';
import type { StatsService } from '../stats/stats.service.ts';
import { appIdSchema, appSecretSchema } from './accounts.schema.ts';
import { presentAccount } from './accounts.presenter.ts';
import type { AccountsService } from './accounts.service.ts';

interface Deps {
  accounts: AccountsService;
  operators: OperatorsService;
  audit: AuditService;
  stats: StatsService;
  publicUrl: string;
  wechat: WechatEndpoints;
}

/** Connecting and configuring accounts; the home page's overview. */
export async function accountsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const { accounts, operators, audit, stats, publicUrl } = deps;
  const http = new WechatHttp({ endpoints: deps.wechat, timeoutMs: 8000 }, null);

  app.get('/api/accounts', { config: { access: { signedIn: true } } }, async (request) =>
    (await operators.accountsOf(sessionOf(request).operator.id)).map((a) => ({ ...a, permissions: [...ROLE_PERMISSIONS[a.role]] })),
  );

  app.post('/api/accounts', { config: { access: { adminOnly: true } } }, async (request, reply) => {
    const operator = sessionOf(request).operator;
    const account = await accounts.create(request.body as never);
    await operators.setRole(account.id, operator.id, 'owner');
    await audit.record({ accountId: account.id, operatorId: operator.id, action: 'account.create', target: account.appId, ip: request.ip });
    return reply.code(201).send(presentAccount(account, { role: 'owner', permissions: ROLE_PERMISSIONS.owner }, publicUrl));
  });

  // The wizard's "test connection" before anything is saved.
  app.post('/api/accounts/test-credentials', { config: { access: { adminOnly: true } } }, async (request) => {
    const input = z.object({ appId: appIdSchema, appSecret: appSecretSchema }).parse(request.body);
    return testConnection(http, deps.wechat, input.appId, input.appSecret, languageOf(request));
  });

  app.get('/api/accounts/:accountId', { config: { access: { permission: 'account.view' } } }, async (request) =>
    presentAccount(await accounts.get(accountOf(request)), request.membership!, publicUrl),
  );

  app.patch('/api/accounts/:accountId', { config: { access: { permission: 'account.manage' } } }, async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const updated = await accounts.update(accountOf(request), body as never);
    // Secrets are never written to the audit trail, only which fields changed.
    await audit.fromRequest(request, 'account.update', updated.appId, { fields: Object.keys(body) });
    return presentAccount(updated, request.membership!, publicUrl);
  });

  app.post('/api/accounts/:accountId/test-connection', { config: { access: { permission: 'account.manage' } } }, async (request) => {
    const secrets = await accounts.secrets(accountOf(request));
    const result = await testConnection(http, deps.wechat, secrets.appId, secrets.appSecret, languageOf(request));
    await audit.fromRequest(request, 'account.test_connection', secrets.appId, { ok: result.ok });
    return result;
  });

  app.get('/api/accounts/:accountId/overview', { config: { access: { permission: 'account.view' } } }, async (request) => {
    const account = await accounts.get(accountOf(request));
    return stats.overview(account.id, account.timezone);
  });

  app.get('/api/accounts/:accountId/members', { config: { access: { permission: 'account.view' } } }, async (request) => operators.members(accountOf(request)));

  app.post('/api/accounts/:accountId/members', { config: { access: { permission: 'members.manage' } } }, async (request, reply) => {
    const input = z.object({ username: z.string().trim().toLowerCase().min(1), role: z.enum(ROLES) }).parse(request.body);
    const operator = await operators.findByUsername(input.username);
    if (!operator) throw new AppError('OPERATOR_NOT_FOUND', { username: input.username });
    await guardOwnerGrant(request, input.role);
    await operators.setRole(accountOf(request), operator.id, input.role);
    await audit.fromRequest(request, 'member.add', operator.username, { role: input.role });
    return reply.code(201).send({ operator: { id: operator.id, username: operator.username, displayName: operator.displayName, isAdmin: operator.isAdmin }, role: input.role });
  });

  app.put<{ Params: { operatorId: string } }>('/api/accounts/:accountId/members/:operatorId', { config: { access: { permission: 'members.manage' } } }, async (request) => {
    const { role } = z.object({ role: z.enum(ROLES) }).parse(request.body);
    const operatorId = Number(request.params.operatorId);
    if (!(await operators.membership(operatorId, accountOf(request)))) throw new AppError('OPERATOR_NOT_FOUND', { operatorId });
    await guardOwnerGrant(request, role);
    await operators.setRole(accountOf(request), operatorId, role);
    await audit.fromRequest(request, 'member.role', String(operatorId), { role });
    return { operatorId, role };
  });

  app.delete<{ Params: { operatorId: string } }>('/api/accounts/:accountId/members/:operatorId', { config: { access: { permission: 'members.manage' } } }, async (request, reply) => {
    const operatorId = Number(request.params.operatorId);
    await operators.removeMember(accountOf(request), operatorId);
    await audit.fromRequest(request, 'member.remove', String(operatorId));
    return reply.code(204).send();
  });

  app.get<{ Querystring: { cursor?: string } }>('/api/accounts/:accountId/audit', { config: { access: { permission: 'audit.view' } } }, async (request) => {
    const cursor = request.query.cursor ? Number(request.query.cursor) : null;
    return audit.list(accountOf(request), Number.isInteger(cursor) ? cursor : null);
  });
}

/** Only owners make owners. */
async function guardOwnerGrant(request: FastifyRequest, role: string): Promise<void> {
  if (role === 'owner' && request.membership?.role !== 'owner') throw new AppError('FORBIDDEN');
}

/** Fetches a token with the credentials and lists WeChat's callback IPs; WeChat's refusal in plain words. */
async function testConnection(http: WechatHttp, endpoints: WechatEndpoints, appId: string, secret: string, lang: 'zh' | 'en'): Promise<ConnectionTestResult> {
  try {
    const token = await fetchStableToken(http, { appId, secret });
    const client = new WechatClient({ endpoints }, { getToken: async () => token.access_token, invalidate: async () => {} });
    const ips = await client.getCallbackIp().catch(() => ({ ip_list: [] as string[] }));
    return { ok: true, tokenExpiresAt: new Date(Date.now() + token.expires_in * 1000).toISOString(), callbackIps: ips.ip_list };
  } catch (error) {
    if (error instanceof WechatApiError) {
      // 40164 names the caller's IP in errmsg; keep it, it is what the operator must whitelist.
      const ip = /invalid ip ([0-9a-fA-F.:]+)/.exec(error.errmsg)?.[1];
      const message = lang === 'en' ? error.en : error.zh;
      return { ok: false, error: { code: error.code, message: ip ? `${message} (IP: ${ip})` : message, errcode: error.errcode } };
    }
    return { ok: false, error: { code: 'WECHAT_UNREACHABLE', message: lang === 'en' ? 'WeChat could not be reached' : '无法连接微信服务器' } };
  }
}

