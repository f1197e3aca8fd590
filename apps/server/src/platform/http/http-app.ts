import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Access } from './auth.ts';

export interface RouteInfo {
  method: string;
  url: string;
  access: Access | undefined;
}

const routeLists = new WeakMap<FastifyInstance, RouteInfo[]>();

/** Every route registered on the app, with its declared access (for tests that must cover all of them). */
export function registeredRoutes(app: FastifyInstance): RouteInfo[] {
  return routeLists.get(app) ?? [];
}
import type { Logger } from 'pino';
import { sendError } from './errors.ts';

/** The Fastify instance with our error format; routes are registered by the platform. */
export function createHttpApp(logger: Logger, options: { trustProxy: boolean } = { trustProxy: false }): FastifyInstance {
  const app = Fastify({
    loggerInstance: logger,
    // Per-request log lines would cost more than the webhook itself; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    // Above WeChat's 5 s so our own budget, not the socket, decides; well below "hung".
    requestTimeout: 30_000,
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy,
  }) as unknown as FastifyInstance;
  const routes: RouteInfo[] = [];
  routeLists.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access: route.config?.access });
  });
  app.setErrorHandler((error, request, reply) => sendError(reply, request, error));
  app.get('/healthz', async () => ({ ok: true }));
  return app;
}
