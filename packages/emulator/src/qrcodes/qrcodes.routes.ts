import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import type { EmulatorCore } from '../emulator-core.ts';
import { registerApi } from '../http/api-route.ts';

export function registerQrRoutes(app: FastifyInstance, core: EmulatorCore): void {
  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/qrcode/create',
    capability: 'qrcode',
    handler: ({ account, body }) => {
      const code = account.qrcodes.create(body, core.clock.now());
      core.changed();
      // No errcode on success; expire_seconds only for temporary codes (§4.9).
      return code.permanent ? { ticket: code.ticket, url: code.url } : { ticket: code.ticket, expire_seconds: code.expireSeconds, url: code.url };
    },
  });

  // showqrcode lives on mp.weixin.qq.com and needs no access_token; unknown or expired tickets are HTTP 404.
  app.get('/cgi-bin/showqrcode', async (request, reply) => {
    const ticket = (request.query as { ticket?: unknown }).ticket;
    const found = typeof ticket === 'string' ? core.accounts.findQr(ticket, core.clock.now()) : null;
    if (!found || found === 'expired') return reply.code(404).type('text/html; charset=utf-8').send('<html><body>404 Not Found</body></html>');
    // WeChat serves a JPG; a PNG of the same URL is what the `qrcode` package renders.
    const png = await QRCode.toBuffer(found.code.url, { width: 430, margin: 2, errorCorrectionLevel: 'M' });
    return reply.type('image/png').header('cache-control', 'max-age=60').send(png);
  });
}
