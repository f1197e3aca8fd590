import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Fault } from '../accounts/faults.ts';
import { EmulatorError } from '../core/emulator-error.ts';
import type { Emulator } from '../emulator.ts';

type Body = Record<string, unknown>;
type Params = { appId: string; openid: string; action: string };

/**
 * The test/control API under /_emulator (JSON). Every route is a thin wrapper over the same method of the
 * programmatic `Emulator`, so both surfaces behave alike. Errors: `{ error, message }` with 400/404/409.
 */
export function registerControlRoutes(app: FastifyInstance, emulator: Emulator): void {
  const run = async (reply: FastifyReply, work: () => unknown, status = 200) => {
    try {
      const result = await work();
      return reply.code(status).send(result ?? { ok: true });
    } catch (error) {
      if (error instanceof EmulatorError) return reply.code(error.status).send({ error: error.code, message: error.message });
      throw error;
    }
  };
  const body = (value: unknown): Body => (typeof value === 'object' && value !== null ? (value as Body) : {});

  app.get('/_emulator/health', (_req, reply) => run(reply, () => ({ ok: true, accounts: emulator.accounts().length })));
  app.get('/_emulator/accounts', (_req, reply) => run(reply, () => emulator.accounts()));
  app.post('/_emulator/accounts', (req, reply) => run(reply, () => emulator.createAccount(body(req.body) as never), 201));
  app.get('/_emulator/accounts/:appId', (req, reply) => run(reply, () => emulator.account((req.params as Params).appId)));
  app.patch('/_emulator/accounts/:appId', (req, reply) => run(reply, () => emulator.updateAccount((req.params as Params).appId, body(req.body))));
  app.delete('/_emulator/accounts/:appId', (req, reply) => run(reply, () => emulator.removeAccount((req.params as Params).appId)));

  app.post('/_emulator/fans', (req, reply) =>
    run(reply, () => {
      const b = body(req.body);
      return emulator.createFans(String(b.appId ?? ''), Number(b.count), { subscribed: b.subscribed !== false });
    }),
  );
  app.get('/_emulator/accounts/:appId/fans', (req, reply) =>
    run(reply, () => {
      const q = req.query as { offset?: string; limit?: string };
      return emulator.listFans((req.params as Params).appId, Number(q.offset ?? 0), Number(q.limit ?? 100));
    }),
  );
  app.get('/_emulator/accounts/:appId/fan-openid/:index', (req, reply) =>
    run(reply, () => {
      const { appId, index } = req.params as { appId: string; index: string };
      return { openid: emulator.fanOpenid(appId, Number(index)) };
    }),
  );
  app.get('/_emulator/accounts/:appId/fans/:openid', (req, reply) => run(reply, () => emulator.fan((req.params as Params).appId, (req.params as Params).openid)));
  app.get('/_emulator/accounts/:appId/fans/:openid/phone', (req, reply) =>
    run(reply, () => emulator.phone((req.params as Params).appId, (req.params as Params).openid)),
  );
  app.post('/_emulator/accounts/:appId/fans/:openid/actions/:action', (req, reply) =>
    run(reply, () => {
      const { appId, openid, action } = req.params as Params;
      return fanAction(emulator, appId, openid, action, body(req.body));
    }),
  );

  app.get('/_emulator/accounts/:appId/counters', (req, reply) => run(reply, () => emulator.counters((req.params as Params).appId)));
  app.get('/_emulator/accounts/:appId/mass-deliveries', (req, reply) =>
    run(reply, () => {
      const result = emulator.massDeliveries((req.params as Params).appId);
      const full = (req.query as { full?: string }).full === '1';
      return {
        total: result.total,
        recipients: result.recipients,
        duplicates: result.duplicates,
        // The per-openid map can be a million entries: only on request.
        ...(full ? { perOpenid: Object.fromEntries(result.perOpenid) } : {}),
      };
    }),
  );
  app.get('/_emulator/accounts/:appId/pushes', (req, reply) => run(reply, () => emulator.pushes((req.params as Params).appId)));

  app.get('/_emulator/accounts/:appId/faults', (req, reply) => run(reply, () => emulator.faults((req.params as Params).appId)));
  app.post('/_emulator/accounts/:appId/faults', (req, reply) => run(reply, () => emulator.injectFault((req.params as Params).appId, body(req.body) as Fault), 201));
  app.delete('/_emulator/accounts/:appId/faults', (req, reply) => run(reply, () => emulator.clearFaults((req.params as Params).appId)));
  app.delete('/_emulator/faults', (_req, reply) => run(reply, () => emulator.clearFaults()));
  app.post('/_emulator/accounts/:appId/expire-tokens', (req, reply) => run(reply, () => emulator.expireTokens((req.params as Params).appId)));
  app.post('/_emulator/accounts/:appId/templates', (req, reply) => run(reply, () => emulator.addTemplate((req.params as Params).appId, body(req.body)), 201));

  app.post('/_emulator/clock/advance', (req, reply) =>
    run(reply, () => {
      emulator.advanceClock(Number(body(req.body).ms));
      return { now: emulator.now() };
    }),
  );
  app.post('/_emulator/reset', (_req, reply) => run(reply, () => emulator.reset()));
  app.get('/_emulator/idle', (_req, reply) => run(reply, () => emulator.idle()));
}

function fanAction(emulator: Emulator, appId: string, openid: string, action: string, b: Body): Promise<unknown> {
  const num = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);
  switch (action) {
    case 'follow':
      return emulator.follow(appId, openid, typeof b.sceneTicket === 'string' ? { sceneTicket: b.sceneTicket } : {});
    case 'unfollow':
      return emulator.unfollow(appId, openid);
    case 'text':
      return emulator.sendText(appId, openid, b.content as string);
    case 'image':
      return emulator.sendImage(appId, openid);
    case 'location':
      return emulator.sendLocation(appId, openid, {
        latitude: num(b.latitude) as number,
        longitude: num(b.longitude) as number,
        scale: b.scale === undefined ? undefined : (num(b.scale) as number),
        label: typeof b.label === 'string' ? b.label : undefined,
      });
    case 'location-event':
      return emulator.reportLocation(appId, openid, { latitude: num(b.latitude) as number, longitude: num(b.longitude) as number, precision: num(b.precision) as number | undefined });
    case 'click':
      return emulator.clickMenu(appId, openid, String(b.key ?? ''), typeof b.scanResult === 'string' ? { scanResult: b.scanResult } : {});
    case 'view':
      return emulator.viewMenu(appId, openid, String(b.url ?? ''));
    case 'scan':
      return emulator.scanQr(appId, openid, String(b.ticket ?? b.url ?? ''));
    default:
      throw new EmulatorError('ACTION_UNKNOWN', `unknown fan action ${action}; use follow, unfollow, text, image, location, location-event, click, view or scan`, 404);
  }
}
