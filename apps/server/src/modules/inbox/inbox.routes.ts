import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { accountOf, sessionOf } from '../../platform/http/auth.ts';
import { AppError, languageOf } from '../../platform/http/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CannedRepliesService } from './canned-replies.service.ts';
import type { ConversationQuery, InboxService } from './inbox.service.ts';
import type { RealtimeHub } from './realtime-hub.ts';

interface Deps {
  inbox: InboxService;
  realtime: RealtimeHub;
  canned: CannedRepliesService;
  audit: AuditService;
}

type FanParams = { Params: { accountId: string; fanId: string } };

const conversationQuery = z.object({
  status: z.enum(['open', 'closed', 'all']).optional(),
  assignee: z.union([z.enum(['me', 'unassigned']), z.coerce.number().int().positive()]).optional(),
  starred: z.enum(['1', 'true']).optional(),
  unanswered: z.enum(['1', 'true']).optional(),
  q: z.string().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

const fanIdOf = (request: FastifyRequest<FanParams>) => {
  const id = Number(request.params.fanId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('CONVERSATION_NOT_FOUND');
  return id;
};

/** The live inbox (实时信息). */
export async function inboxRoutes(app: FastifyInstance, { inbox, realtime, canned, audit }: Deps): Promise<void> {
  app.get('/api/accounts/:accountId/conversations', { config: { access: { permission: 'inbox.view' } } }, async (request) => {
    const query = conversationQuery.parse(request.query);
    const filters: ConversationQuery = { ...query, starred: Boolean(query.starred), unanswered: Boolean(query.unanswered) };
    return inbox.listConversations(accountOf(request), sessionOf(request).operator.id, filters, languageOf(request));
  });

  app.get<FanParams>('/api/accounts/:accountId/conversations/:fanId', { config: { access: { permission: 'inbox.view' } } }, async (request) =>
    inbox.conversation(accountOf(request), fanIdOf(request), languageOf(request)),
  );

  app.get<FanParams & { Querystring: { before?: string; limit?: string } }>(
    '/api/accounts/:accountId/conversations/:fanId/messages',
    { config: { access: { permission: 'inbox.view' } } },
    async (request) => {
      const before = request.query.before && /^\d+$/.test(request.query.before) ? Number(request.query.before) : null;
      return inbox.messages(accountOf(request), fanIdOf(request), before, Number(request.query.limit) || 50);
    },
  );

  app.post<FanParams>('/api/accounts/:accountId/conversations/:fanId/messages', { config: { access: { permission: 'inbox.reply' } } }, async (request) => {
    const input = z.object({ type: z.literal('text'), content: z.string() }).parse(request.body);
    const message = await inbox.sendText(accountOf(request), sessionOf(request).operator.id, fanIdOf(request), input.content, languageOf(request));
    await audit.fromRequest(request, 'conversation.reply', String(fanIdOf(request)), { messageId: message.id, status: message.status });
    return message;
  });

  app.post<FanParams>('/api/accounts/:accountId/conversations/:fanId/images', { config: { access: { permission: 'inbox.reply' } } }, async (request) => {
    const file = await request.file({ limits: { fileSize: 2 * 1024 * 1024, files: 1 } });
    if (!file) throw new AppError('UPLOAD_INVALID', { field: 'file' });
    const data = await file.toBuffer().catch(() => {
      throw new AppError('UPLOAD_INVALID', { accepted: 'jpg/png up to 2 MB' });
    });
    const message = await inbox.sendImage(accountOf(request), sessionOf(request).operator.id, fanIdOf(request), { data, filename: file.filename, mimetype: file.mimetype }, languageOf(request));
    await audit.fromRequest(request, 'conversation.reply', String(fanIdOf(request)), { messageId: message.id, type: 'image', status: message.status });
    return message;
  });

  // Read receipts change what agents see, so a read-only analyst does not set them.
  app.post<FanParams>('/api/accounts/:accountId/conversations/:fanId/read', { config: { access: { permission: 'inbox.reply' } } }, async (request) =>
    inbox.markRead(accountOf(request), fanIdOf(request), languageOf(request)),
  );

  app.patch<FanParams>('/api/accounts/:accountId/conversations/:fanId', { config: { access: { permission: 'inbox.reply' } } }, async (request) => {
    const patch = z
      .object({ status: z.enum(['open', 'closed']).optional(), starred: z.boolean().optional(), assigneeId: z.number().int().positive().nullable().optional() })
      .strict()
      .parse(request.body);
    const conversation = await inbox.update(accountOf(request), fanIdOf(request), patch, languageOf(request));
    await audit.fromRequest(request, 'conversation.update', String(fanIdOf(request)), patch);
    return conversation;
  });

  app.get<{ Params: { accountId: string; messageId: string } }>(
    '/api/accounts/:accountId/messages/:messageId/media',
    { config: { access: { permission: 'inbox.view' } } },
    async (request, reply) => {
      const media = await inbox.media(accountOf(request), Number(request.params.messageId) || 0);
      return reply.type(media.contentType).header('cache-control', 'private, max-age=86400').send(media.data);
    },
  );

  app.get<{ Querystring: { q?: string; cursor?: string } }>('/api/accounts/:accountId/messages/search', { config: { access: { permission: 'inbox.view' } } }, async (request) =>
    inbox.search(accountOf(request), String(request.query.q ?? '').slice(0, 100), request.query.cursor, languageOf(request)),
  );

  // Server-Sent Events: every new message and conversation change of this account, within a second.
  app.get('/api/accounts/:accountId/inbox/stream', { config: { access: { permission: 'inbox.view' } } }, async (request, reply) => {
    const accountId = accountOf(request);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    raw.write('retry: 3000\n: connected\n\n');
    const unsubscribe = realtime.subscribe(accountId, {
      lang: languageOf(request),
      send: (event) => raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`),
    });
    const heartbeat = setInterval(() => raw.write(': ping\n\n'), 15_000);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  app.get('/api/accounts/:accountId/canned-replies', { config: { access: { permission: 'inbox.view' } } }, async (request) => canned.list(accountOf(request)));

  app.post('/api/accounts/:accountId/canned-replies', { config: { access: { permission: 'canned.edit' } } }, async (request, reply) => {
    const created = await canned.create(accountOf(request), request.body);
    await audit.fromRequest(request, 'canned.create', String(created.id));
    return reply.code(201).send(created);
  });

  app.put<{ Params: { accountId: string; replyId: string } }>('/api/accounts/:accountId/canned-replies/:replyId', { config: { access: { permission: 'canned.edit' } } }, async (request) => {
    const updated = await canned.update(accountOf(request), Number(request.params.replyId) || 0, request.body);
    await audit.fromRequest(request, 'canned.update', String(updated.id));
    return updated;
  });

  app.delete<{ Params: { accountId: string; replyId: string } }>('/api/accounts/:accountId/canned-replies/:replyId', { config: { access: { permission: 'canned.edit' } } }, async (request, reply) => {
    await canned.remove(accountOf(request), Number(request.params.replyId) || 0);
    await audit.fromRequest(request, 'canned.delete', request.params.replyId);
    return reply.code(204).send();
  });
}
