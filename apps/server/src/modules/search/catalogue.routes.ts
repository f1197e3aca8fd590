import type { FastifyInstance } from 'fastify';
import type { KnowledgeInput, ProductInput } from '@zhanggui/shared';
import { accountOf } from '../../platform/http/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CatalogueService } from './catalogue.service.ts';

type ItemParams = { Params: { accountId: string; id: string } };

/** The knowledge base (知识库) and product catalogue (商品) behind search replies. */
export async function catalogueRoutes(app: FastifyInstance, { catalogue, audit }: { catalogue: CatalogueService; audit: AuditService }): Promise<void> {
  for (const kind of ['knowledge', 'products'] as const) {
    const table = kind === 'knowledge' ? 'knowledge_entries' : 'products';
    const list = (accountId: number) => (kind === 'knowledge' ? catalogue.knowledge(accountId) : catalogue.products(accountId));
    const save = (accountId: number, id: number | null, body: unknown) =>
      kind === 'knowledge' ? catalogue.saveKnowledge(accountId, id, body as KnowledgeInput) : catalogue.saveProduct(accountId, id, body as ProductInput);

    app.get(`/api/accounts/:accountId/${kind}`, { config: { access: { permission: 'rules.view' } } }, async (request) => list(accountOf(request)));

    app.post(`/api/accounts/:accountId/${kind}`, { config: { access: { permission: 'rules.edit' } } }, async (request, reply) => {
      const item = await save(accountOf(request), null, request.body);
      await audit.fromRequest(request, `${kind}.create`, String(item.id));
      return reply.code(201).send(item);
    });

    app.put<ItemParams>(`/api/accounts/:accountId/${kind}/:id`, { config: { access: { permission: 'rules.edit' } } }, async (request) => {
      const item = await save(accountOf(request), Number(request.params.id) || 0, request.body);
      await audit.fromRequest(request, `${kind}.update`, String(item.id));
      return item;
    });

    app.delete<ItemParams>(`/api/accounts/:accountId/${kind}/:id`, { config: { access: { permission: 'rules.edit' } } }, async (request, reply) => {
      await catalogue.remove(table, accountOf(request), Number(request.params.id) || 0);
      await audit.fromRequest(request, `${kind}.delete`, request.params.id);
      return reply.code(204).send();
    });
  }
}
