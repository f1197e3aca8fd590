import type { NewsInput } from '@zhanggui/shared';
import type { FastifyInstance } from 'fastify';
import { accountOf, sessionOf } from '../../platform/http/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { NewsDraftsService } from './news.service.ts';

type NewsParams = { Params: { accountId: string; newsId: string } };

const VIEW = { config: { access: { permission: 'rules.view' as const } } };
const EDIT = { config: { access: { permission: 'materials.edit' as const } } };
const idOf = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : 0);
const titles = (view: { articles: Array<{ title: string }> }) => ({ titles: view.articles.map((a) => a.title) });

/** News drafts (图文): CRUD, each change saved to WeChat's draft box, and publishing. */
export async function newsRoutes(app: FastifyInstance, { news, audit }: { news: NewsDraftsService; audit: AuditService }): Promise<void> {
  app.get('/api/accounts/:accountId/news', VIEW, async (request) => news.list(accountOf(request)));

  app.post('/api/accounts/:accountId/news', EDIT, async (request, reply) => {
    const draft = await news.create(accountOf(request), sessionOf(request).operator.id, request.body as NewsInput);
    await audit.fromRequest(request, 'news.create', String(draft.id), titles(draft));
    return reply.code(201).send(draft);
  });

  app.get<NewsParams>('/api/accounts/:accountId/news/:newsId', VIEW, async (request) => news.get(accountOf(request), idOf(request.params.newsId)));

  app.put<NewsParams>('/api/accounts/:accountId/news/:newsId', EDIT, async (request) => {
    const draft = await news.update(accountOf(request), idOf(request.params.newsId), request.body as NewsInput);
    await audit.fromRequest(request, 'news.update', String(draft.id), titles(draft));
    return draft;
  });

  app.delete<NewsParams>('/api/accounts/:accountId/news/:newsId', EDIT, async (request, reply) => {
    const draft = await news.remove(accountOf(request), idOf(request.params.newsId));
    await audit.fromRequest(request, 'news.delete', String(draft.id), titles(draft));
    return reply.code(204).send();
  });

  app.post<NewsParams>('/api/accounts/:accountId/news/:newsId/publish', EDIT, async (request) => {
    const draft = await news.publish(accountOf(request), idOf(request.params.newsId));
    await audit.fromRequest(request, 'news.publish', String(draft.id), { ...titles(draft), publishId: draft.publishId });
    return draft;
  });
}
