import Fastify, { type FastifyInstance } from 'fastify';
import { registerControlRoutes } from '../control/control.routes.ts';
import { WxError } from '../core/wx-error.ts';
import { registerDraftRoutes } from '../drafts/drafts.routes.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import type { Emulator } from '../emulator.ts';
import { registerUserRoutes } from '../fans/users.routes.ts';
import { MassService } from '../mass/mass.service.ts';
import { registerMassRoutes } from '../mass/mass.routes.ts';
import { registerMediaRoutes } from '../media/media.routes.ts';
import { registerMenuRoutes } from '../menus/menus.routes.ts';
import { registerMessageRoutes } from '../messages/messages.routes.ts';
import { registerOAuthRoutes } from '../oauth/oauth.routes.ts';
import { registerPhoneRoutes } from '../phone/phone.routes.ts';
import { registerQrRoutes } from '../qrcodes/qrcodes.routes.ts';
import { registerTagRoutes } from '../tags/tags.routes.ts';
import { registerTokenRoutes } from '../tokens/token.routes.ts';

/** Uploads may be up to 10 MB (§4.10); a little more is accepted so oversize files get WeChat's errcodes. */
const MULTIPART_LIMIT = 24 * 1024 * 1024;
const BODY_LIMIT = 4 * 1024 * 1024;

/** Builds the emulator's HTTP app: WeChat REST paths, showqrcode, OAuth pages, phone pages and /_emulator. */
export function buildServer(core: EmulatorCore, emulator: Emulator, mass: MassService, options: { logger: boolean }): FastifyInstance {
  const app = Fastify({ logger: options.logger, bodyLimit: BODY_LIMIT, forceCloseConnections: true });

  // Bodies are read raw: WeChat APIs answer 44002/47001/40033 themselves, whatever the content type says.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MULTIPART_LIMIT }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('*', { parseAs: 'string' }, (req, body, done) => {
    // The control API speaks JSON; WeChat routes parse their own bodies.
    if (req.url.startsWith('/_emulator/') && typeof body === 'string' && body.trim() !== '') {
      try {
        done(null, JSON.parse(body));
      } catch {
        done(Object.assign(new Error('the request body is not JSON'), { statusCode: 400 }), undefined);
      }
      return;
    }
    done(null, body);
  });

  registerTokenRoutes(app, core);
  registerUserRoutes(app, core);
  registerTagRoutes(app, core);
  registerMessageRoutes(app, core);
  registerMenuRoutes(app, core);
  registerQrRoutes(app, core);
  registerMediaRoutes(app, core);
  registerDraftRoutes(app, core);
  registerMassRoutes(app, core, mass);
  registerOAuthRoutes(app, core);
  registerPhoneRoutes(app, core);
  registerControlRoutes(app, emulator);

  app.get('/', (_req, reply) => reply.redirect('/phone'));

  // Unknown paths: HTTP 404 with a WeChat-shaped body, so clients see errcode -1 and the path we lack.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    reply.code(404).header('content-type', 'application/json; encoding=utf-8').send(JSON.stringify(new WxError(-1, `emulator: no such API ${path}`).body()));
  });
  return app;
}
