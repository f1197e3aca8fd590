import type { FastifyInstance } from 'fastify';
import type { StoreInput } from '@zhanggui/shared';
import { z } from 'zod';
import { accountOf } from '../../platform/http/auth.ts';
import { languageOf } from '../../platform/http/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { StoresService } from './stores.service.ts';

type StoreParams = { Params: { accountId: string; storeId: string } };

/** Stores (门店) for the store locator. */
export async function storesRoutes(app: FastifyInstance, { stores, audit }: { stores: StoresService; audit: AuditService }): Promise<void> {
  app.get('/api/accounts/:accountId/stores', { config: { access: { permission: 'rules.view' } } }, async (request) => stores.list(accountOf(request)));

  app.post('/api/accounts/:accountId/stores', { config: { access: { permission: 'rules.edit' } } }, async (request, reply) => {
    const store = await stores.save(accountOf(request), null, request.body as StoreInput);
    await audit.fromRequest(request, 'store.create', String(store.id), { name: store.name });
    return reply.code(201).send(store);
  });

  app.put<StoreParams>('/api/accounts/:accountId/stores/:storeId', { config: { access: { permission: 'rules.edit' } } }, async (request) => {
    const store = await stores.save(accountOf(request), Number(request.params.storeId) || 0, request.body as StoreInput);
    await audit.fromRequest(request, 'store.update', String(store.id), { name: store.name });
    return store;
  });

  app.delete<StoreParams>('/api/accounts/:accountId/stores/:storeId', { config: { access: { permission: 'rules.edit' } } }, async (request, reply) => {
    await stores.remove(accountOf(request), Number(request.params.storeId) || 0);
    await audit.fromRequest(request, 'store.delete', request.params.storeId);
    return reply.code(204).send();
  });

  app.post('/api/accounts/:accountId/stores/import', { config: { access: { permission: 'rules.edit' } } }, async (request) => {
    const { csv } = z.object({ csv: z.string().min(1).max(5 * 1024 * 1024) }).parse(request.body);
    const result = await stores.importCsv(accountOf(request), csv, languageOf(request));
    await audit.fromRequest(request, 'store.import', null, { imported: result.imported, errors: result.errors.length });
    return result;
  });
}
