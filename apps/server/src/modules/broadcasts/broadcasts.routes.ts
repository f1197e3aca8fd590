import type { BroadcastInput } from '@zhanggui/shared';
import type { FastifyInstance } from 'fastify';
import { accountOf, sessionOf } from '../../platform/http/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { BroadcastsService } from './broadcasts.service.ts';

type Params = { Params: { accountId: string; broadcastId: string } };
const idOf = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : 0);

/** Broadcasts: the quota ledger, audience estimates, create (scheduled or now), approve, cancel, reports. */
export async function broadcastsRoutes(app: FastifyInstance, { broadcasts, audit }: { broadcasts: BroadcastsService; audit: AuditService }): Promise<void> {
  app.get('/api/accounts/:accountId/broadcasts', { config: { access: { permission: 'rules.view' } } }, async (request) => broadcasts.list(accountOf(request)));

  app.get('/api/accounts/:accountId/broadcasts/quota', { config: { access: { permission: 'rules.view' } } }, async (request) => broadcasts.ledger(accountOf(request)));

  app.get<Params>('/api/accounts/:accountId/broadcasts/:broadcastId', { config: { access: { permission: 'rules.view' } } }, async (request) =>
    broadcasts.get(accountOf(request), idOf(request.params.broadcastId)),
  );

  app.post('/api/accounts/:accountId/broadcasts/estimate', { config: { access: { permission: 'broadcasts.send' } } }, async (request) =>
    broadcasts.estimate(accountOf(request), request.body),
  );

  app.post('/api/accounts/:accountId/broadcasts', { config: { access: { permission: 'broadcasts.send' } } }, async (request, reply) => {
    const canApprove = request.membership!.permissions.includes('broadcasts.approve');
    const broadcast = await broadcasts.create(accountOf(request), { id: sessionOf(request).operator.id, canApprove }, request.body as BroadcastInput);
    await audit.fromRequest(request, 'broadcast.create', String(broadcast.id), { title: broadcast.title, status: broadcast.status, mode: broadcast.mode });
    return reply.code(201).send(broadcast);
  });

  app.post<Params>('/api/accounts/:accountId/broadcasts/:broadcastId/approve', { config: { access: { permission: 'broadcasts.approve' } } }, async (request) => {
    const broadcast = await broadcasts.approve(accountOf(request), sessionOf(request).operator.id, idOf(request.params.broadcastId));
    await audit.fromRequest(request, 'broadcast.approve', String(broadcast.id));
    return broadcast;
  });

  app.post<Params>('/api/accounts/:accountId/broadcasts/:broadcastId/cancel', { config: { access: { permission: 'broadcasts.send' } } }, async (request) => {
    const broadcast = await broadcasts.cancel(accountOf(request), idOf(request.params.broadcastId));
    await audit.fromRequest(request, 'broadcast.cancel', String(broadcast.id));
    return broadcast;
  });
}
