import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { accountOf } from '../../platform/http/auth.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { AccountRegistry } from '../../wechat-gateway/account-registry.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { FlowsService } from '../flows/flows.service.ts';
import type { RepliesService } from './replies.service.ts';
import type { RuleInput } from './replies.schema.ts';
import { testRule } from './rule-tester.ts';

interface Deps {
  replies: RepliesService;
  audit: AuditService;
  accounts: AccountsService;
  registry: AccountRegistry;
  flows: FlowsService;
}

type RuleParams = { Params: { accountId: string; ruleId: string } };

/** Automatic-reply rules, the rule tester and reply settings. */
export async function repliesRoutes(app: FastifyInstance, { replies, audit, accounts, registry, flows }: Deps): Promise<void> {
  app.get('/api/accounts/:accountId/rules', { config: { access: { permission: 'rules.view' } } }, async (request) => {
    const account = await accounts.get(accountOf(request));
    return replies.list(account.id, account.timezone);
  });

  // A dry run on the same compiled rules the webhook uses: nothing is sent or stored.
  app.post('/api/accounts/:accountId/rules/test', { config: { access: { permission: 'rules.view' } } }, async (request) => {
    const runtime = await registry.get(accountOf(request));
    if (!runtime) throw new AppError('ACCOUNT_NOT_FOUND');
    return testRule(runtime, flows, request.body);
  });

  app.get('/api/accounts/:accountId/reply-settings', { config: { access: { permission: 'rules.view' } } }, async (request) => {
    const account = await accounts.get(accountOf(request));
    return { replyToLocationEvents: account.settings.replyToLocationEvents };
  });

  app.put('/api/accounts/:accountId/reply-settings', { config: { access: { permission: 'rules.edit' } } }, async (request) => {
    const input = z.object({ replyToLocationEvents: z.boolean() }).strict().parse(request.body);
    const account = await accounts.update(accountOf(request), { settings: input });
    await audit.fromRequest(request, 'reply_settings.update', null, input);
    return { replyToLocationEvents: account.settings.replyToLocationEvents };
  });

  app.post('/api/accounts/:accountId/rules', { config: { access: { permission: 'rules.edit' } } }, async (request, reply) => {
    const rule = await replies.create(accountOf(request), request.body as RuleInput);
    await audit.fromRequest(request, 'rule.create', String(rule.id), { name: rule.name });
    return reply.code(201).send(rule);
  });

  app.put<RuleParams>('/api/accounts/:accountId/rules/:ruleId', { config: { access: { permission: 'rules.edit' } } }, async (request) => {
    const rule = await replies.update(accountOf(request), Number(request.params.ruleId) || 0, request.body as RuleInput);
    await audit.fromRequest(request, 'rule.update', String(rule.id), { name: rule.name });
    return rule;
  });

  app.delete<RuleParams>('/api/accounts/:accountId/rules/:ruleId', { config: { access: { permission: 'rules.edit' } } }, async (request, reply) => {
    await replies.remove(accountOf(request), Number(request.params.ruleId) || 0);
    await audit.fromRequest(request, 'rule.delete', request.params.ruleId);
    return reply.code(204).send();
  });
}
