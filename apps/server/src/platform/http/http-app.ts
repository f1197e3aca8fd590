import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { sendError } from './errors.ts';

/** The Fastify instance with our error format; routes are registered by the platform. */
export function createHttpApp(logger: Logger): FastifyInstance {
  const app = Fastify({
    loggerInstance: logger,
    // Per-request log lines would cost more than the webhook itself; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    // Above WeChat's 5 s so our own budget, not the socket, decides; well below "hung".
    requestTimeout: 30_000,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  }) as unknown as FastifyInstance;
  app.setErrorHandler((error, request, reply) => sendError(reply, request, error));
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: { code: 'NOT_FOUND', message: request.url } }));
  app.get('/healthz', async () => ({ ok: true }));
  return app;
}
