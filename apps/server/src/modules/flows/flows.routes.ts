import type { FastifyInstance } from 'fastify';
import type { FlowInput } from '@zhanggui/shared';
import { accountOf } from '../../platform/http/auth.ts';
import { languageOf } from '../../platform/http/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { FlowsService } from './flows.service.ts';

type FlowParams = { Params: { accountId: string; flowId: string } };

/** Conversation flows (会话流程). */
export async function flowsRoutes(app: FastifyInstance, { flows, audit }: { flows: FlowsService; audit: AuditService }): Promise<void> {
  app.get('/api/accounts/:accountId/flows', { config: { access: { permission: 'rules.view' } } }, async (request) => flows.list(accountOf(request)));

  app.get<FlowParams>('/api/accounts/:accountId/flows/:flowId', { config: { access: { permission: 'rules.view' } } }, async (request) =>
    flows.get(accountOf(request), Number(request.params.flowId) || 0),
  );

  app.post('/api/accounts/:accountId/flows', { config: { access: { permission: 'rules.edit' } } }, async (request, reply) => {
    const flow = await flows.create(accountOf(request), request.body as FlowInput);
    await audit.fromRequest(request, 'flow.create', String(flow.id), { name: flow.name });
    return reply.code(201).send(flow);
  });

  app.put<FlowParams>('/api/accounts/:accountId/flows/:flowId', { config: { access: { permission: 'rules.edit' } } }, async (request) => {
    const flow = await flows.update(accountOf(request), Number(request.params.flowId) || 0, request.body as FlowInput);
    await audit.fromRequest(request, 'flow.update', String(flow.id), { name: flow.name });
    return flow;
  });

  app.delete<FlowParams>('/api/accounts/:accountId/flows/:flowId', { config: { access: { permission: 'rules.edit' } } }, async (request, reply) => {
    await flows.remove(accountOf(request), Number(request.params.flowId) || 0);
    await audit.fromRequest(request, 'flow.delete', request.params.flowId);
    return reply.code(204).send();
  });

  app.get<FlowParams & { Querystring: { cursor?: string } }>('/api/accounts/:accountId/flows/:flowId/submissions', { config: { access: { permission: 'rules.view' } } }, async (request) => {
    const cursor = request.query.cursor && /^\d+$/.test(request.query.cursor) ? Number(request.query.cursor) : null;
    return flows.submissions(accountOf(request), Number(request.params.flowId) || 0, cursor, languageOf(request));
  });
}
