import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { accountOf, sessionOf } from '../../platform/http/auth.ts';
import { AppError, languageOf } from '../../platform/http/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { InboxService } from '../inbox/inbox.service.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { TagsService } from '../tags/tags.service.ts';
import { FANS_BATCH } from './jobs/fans-batch.job.ts';
import { FAN_SYNC } from './jobs/fan-sync.job.ts';
import { fanBatchInput, fanFilterQuery, remarkInput } from './fans.schema.ts';
import type { FansService } from './fans.service.ts';

interface Deps {
  fans: FansService;
  tags: TagsService;
  inbox: InboxService;
  jobs: JobsService;
  audit: AuditService;
}

type FanParams = { Params: { accountId: string; fanId: string } };

const fanIdOf = (request: FastifyRequest<FanParams>) => {
  const id = Number(request.params.fanId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('FAN_NOT_FOUND');
  return id;
};

/** The fans CRM (用户管理), tags and fan sync. */
export async function fansRoutes(app: FastifyInstance, { fans, tags, inbox, jobs, audit }: Deps): Promise<void> {
  app.get<{ Querystring: Record<string, string> }>('/api/accounts/:accountId/fans', { config: { access: { permission: 'fans.view' } } }, async (request) => {
    const { cursor, limit, lang: _lang, ...filters } = request.query;
    return fans.list(accountOf(request), fanFilterQuery.parse(filters), cursor, Number(limit) || 50, languageOf(request));
  });

  app.get<{ Querystring: Record<string, string> }>('/api/accounts/:accountId/fans/count', { config: { access: { permission: 'fans.view' } } }, async (request) => ({
    count: await fans.count(accountOf(request), fanFilterQuery.parse(request.query)),
  }));

  app.get<{ Querystring: Record<string, string> }>('/api/accounts/:accountId/fans/export.csv', { config: { access: { permission: 'fans.export' } } }, async (request, reply) => {
    const filter = fanFilterQuery.parse(request.query);
    await audit.fromRequest(request, 'fans.export', null, filter);
    const stamp = new Date().toISOString().slice(0, 10);
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="fans-${stamp}.csv"`);
    return reply.send(Readable.from(fans.exportCsv(accountOf(request), filter)));
  });

  app.get<FanParams>('/api/accounts/:accountId/fans/:fanId', { config: { access: { permission: 'fans.view' } } }, async (request) => fans.get(accountOf(request), fanIdOf(request), languageOf(request)));

  app.get<FanParams & { Querystring: { before?: string } }>('/api/accounts/:accountId/fans/:fanId/timeline', { config: { access: { permission: 'fans.view' } } }, async (request) => {
    const before = request.query.before && /^\d+$/.test(request.query.before) ? Number(request.query.before) : null;
    return inbox.messages(accountOf(request), fanIdOf(request), before, 50);
  });

  app.patch<FanParams>('/api/accounts/:accountId/fans/:fanId', { config: { access: { permission: 'fans.edit' } } }, async (request) => {
    const { remark } = remarkInput.parse(request.body);
    const fan = await fans.updateRemark(accountOf(request), fanIdOf(request), remark);
    await audit.fromRequest(request, 'fan.remark', fan.openid, { remark });
    return fan;
  });

  app.post('/api/accounts/:accountId/fans/batch', { config: { access: { permission: 'fans.edit' } } }, async (request, reply) => {
    const input = fanBatchInput.parse(request.body);
    const accountId = accountOf(request);
    if (input.filter) {
      const job = await jobs.enqueue({ accountId, kind: FANS_BATCH, payload: { action: input.action, tagId: input.tagId, filter: input.filter }, createdBy: sessionOf(request).operator.id });
      await audit.fromRequest(request, `fans.${input.action}`, null, { filter: input.filter, tagId: input.tagId, jobId: job.id });
      return reply.code(202).send(job);
    }
    const ids = input.fanIds!;
    const affected =
      input.action === 'tag' || input.action === 'untag'
        ? await tags.setTag(accountId, input.tagId!, ids, input.action === 'tag')
        : await tags.setBlacklisted(accountId, ids, input.action === 'blacklist');
    await audit.fromRequest(request, `fans.${input.action}`, null, { fanIds: ids, tagId: input.tagId });
    return { affected };
  });

  app.post('/api/accounts/:accountId/fans/sync', { config: { access: { permission: 'fans.sync' } } }, async (request, reply) => {
    const { mode } = z.object({ mode: z.enum(['full', 'incremental']).default('full') }).parse(request.body ?? {});
    const job = await jobs.enqueue({ accountId: accountOf(request), kind: FAN_SYNC, payload: { mode }, createdBy: sessionOf(request).operator.id });
    await audit.fromRequest(request, 'fans.sync', null, { mode, jobId: job.id });
    return reply.code(202).send(job);
  });

  app.get<{ Querystring: { kind?: string } }>('/api/accounts/:accountId/jobs', { config: { access: { permission: 'fans.view' } } }, async (request) =>
    jobs.list(accountOf(request), request.query.kind?.slice(0, 40)),
  );

  app.get<{ Params: { accountId: string; jobId: string } }>('/api/accounts/:accountId/jobs/:jobId', { config: { access: { permission: 'fans.view' } } }, async (request) =>
    jobs.get(accountOf(request), Number(request.params.jobId) || 0),
  );

  app.post<{ Params: { accountId: string; jobId: string } }>('/api/accounts/:accountId/jobs/:jobId/cancel', { config: { access: { permission: 'fans.sync' } } }, async (request) => {
    const job = await jobs.cancel(accountOf(request), Number(request.params.jobId) || 0);
    await audit.fromRequest(request, 'job.cancel', String(job.id));
    return job;
  });

  app.get('/api/accounts/:accountId/tags', { config: { access: { permission: 'fans.view' } } }, async (request) => tags.list(accountOf(request)));

  app.post('/api/accounts/:accountId/tags', { config: { access: { permission: 'fans.edit' } } }, async (request, reply) => {
    const tag = await tags.create(accountOf(request), (request.body as { name?: unknown } | undefined)?.name);
    await audit.fromRequest(request, 'tag.create', tag.name);
    return reply.code(201).send(tag);
  });

  app.patch<{ Params: { accountId: string; tagId: string } }>('/api/accounts/:accountId/tags/:tagId', { config: { access: { permission: 'fans.edit' } } }, async (request) => {
    const name = (request.body as { name?: unknown } | undefined)?.name;
    await tags.rename(accountOf(request), Number(request.params.tagId) || 0, name);
    await audit.fromRequest(request, 'tag.rename', request.params.tagId, { name });
    return (await tags.list(accountOf(request))).find((t) => t.id === Number(request.params.tagId));
  });

  app.delete<{ Params: { accountId: string; tagId: string } }>('/api/accounts/:accountId/tags/:tagId', { config: { access: { permission: 'fans.edit' } } }, async (request, reply) => {
    await tags.remove(accountOf(request), Number(request.params.tagId) || 0);
    await audit.fromRequest(request, 'tag.delete', request.params.tagId);
    return reply.code(204).send();
  });
}
