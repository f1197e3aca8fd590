import type { FastifyInstance } from 'fastify';
import { accountOf } from '../../platform/http/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { RepliesService } from './replies.service.ts';
import type { RuleInput } from './replies.schema.ts';

type RuleParams = { Params: { accountId: string; ruleId: string } };

/** Automatic-reply rules (the full editor comes with the replies module's own issue). */
export async function repliesRoutes(app: FastifyInstance, { replies, audit }: { replies: RepliesService; audit: AuditService }): Promise<void> {
  app.get('/api/accounts/:accountId/rules', { config: { access: { permission: 'rules.view' } } }, async (request) => replies.list(accountOf(request)));

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
