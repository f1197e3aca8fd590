import type { CallbackQuery } from '@zhanggui/wechat';
import type { FastifyInstance } from 'fastify';
import { AppError, sendError } from '../platform/http/errors.ts';
import type { InboundPipeline } from './inbound-pipeline.ts';

/** GET (URL verification) and POST (pushes) at /wx/:accountId, the callback URL pasted into WeChat. */
export async function webhookRoutes(app: FastifyInstance, options: { pipeline: InboundPipeline; bodyLimit: number }): Promise<void> {
  const { pipeline, bodyLimit } = options;
  // WeChat posts text/xml; take any body as a string here and let the safe parser judge it.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error, request, reply) => {
    const tooLarge = (error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE';
    return sendError(reply, request, tooLarge ? new AppError('WX_BODY_TOO_LARGE') : error);
  });

  app.get<{ Params: { accountId: string }; Querystring: CallbackQuery }>('/wx/:accountId', async (request, reply) => {
    const echostr = await pipeline.verify(request.params.accountId, stringsOnly(request.query));
    return reply.type('text/plain; charset=utf-8').send(echostr);
  });

  app.post<{ Params: { accountId: string }; Querystring: CallbackQuery; Body: string }>(
    '/wx/:accountId',
    { bodyLimit },
    async (request, reply) => {
      const body = typeof request.body === 'string' ? request.body : '';
      const answer = await pipeline.receive(request.params.accountId, stringsOnly(request.query), body);
      return reply.type(answer === 'success' ? 'text/plain; charset=utf-8' : 'application/xml; charset=utf-8').send(answer);
    },
  );
}

/** Repeated query parameters arrive as arrays; a signature parameter must be a single string. */
function stringsOnly(query: CallbackQuery): CallbackQuery {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query ?? {})) if (typeof value === 'string') out[key] = value;
  return out;
}
