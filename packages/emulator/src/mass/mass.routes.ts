import type { FastifyInstance } from 'fastify';
import { WxError } from '../core/wx-error.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import { ok, registerApi } from '../http/api-route.ts';
import type { MassService } from './mass.service.ts';

/** speed 0..4 maps to 80, 60, 45, 30, 10 (× 10k fans/min) per the doc's table (§4.5; its own example disagrees). */
const REAL_SPEED = [80, 60, 45, 30, 10];

export function registerMassRoutes(app: FastifyInstance, core: EmulatorCore, mass: MassService): void {
  const base = '/cgi-bin/message/mass';
  registerApi(app, core, { method: 'POST', path: `${base}/sendall`, capability: 'massSendAll', handler: ({ account, body }) => mass.sendAll(account, body) });
  registerApi(app, core, { method: 'POST', path: `${base}/send`, capability: 'massSend', handler: ({ account, body }) => mass.sendToList(account, body) });
  registerApi(app, core, { method: 'POST', path: `${base}/preview`, capability: 'massSendAll', handler: ({ account, body }) => mass.preview(account, body) });
  registerApi(app, core, { method: 'POST', path: `${base}/get`, capability: 'massSendAll', handler: ({ account, body }) => mass.status(account, body) });
  registerApi(app, core, {
    method: 'POST',
    path: `${base}/delete`,
    capability: 'massSendAll',
    handler: ({ account, body }) => {
      mass.delete(account, body);
      return ok();
    },
  });

  const speeds = new WeakMap<object, number>();
  registerApi(app, core, {
    method: 'POST',
    path: `${base}/speed/get`,
    capability: 'massSendAll',
    body: 'none',
    handler: ({ account }) => {
      const speed = speeds.get(account) ?? 0;
      return { speed, realspeed: REAL_SPEED[speed] };
    },
  });
  registerApi(app, core, {
    method: 'POST',
    path: `${base}/speed/set`,
    capability: 'massSendAll',
    handler: ({ account, body }) => {
      if (body.speed === undefined) throw new WxError(45084);
      if (!Number.isInteger(body.speed) || (body.speed as number) < 0 || (body.speed as number) > 4) throw new WxError(45083);
      speeds.set(account, body.speed as number);
      return ok();
    },
  });
}
