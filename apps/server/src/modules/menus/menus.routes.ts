import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { accountOf } from '../../platform/http/auth.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { MenusService } from './menus.service.ts';

const daysQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) });

/** Custom menus: the draft, publishing, importing, which menu a fan sees, taps per button. */
export async function menusRoutes(app: FastifyInstance, { menus, accounts, audit }: { menus: MenusService; accounts: AccountsService; audit: AuditService }): Promise<void> {
  app.get('/api/accounts/:accountId/menus', { config: { access: { permission: 'rules.view' } } }, async (request) => menus.state(accountOf(request)));

  app.put('/api/accounts/:accountId/menus', { config: { access: { permission: 'menus.edit' } } }, async (request) => {
    const state = await menus.saveDraft(accountOf(request), request.body);
    await audit.fromRequest(request, 'menu.save', null, { buttons: state.draft.buttons.length, conditional: state.draft.conditional.length });
    return state;
  });

  app.post('/api/accounts/:accountId/menus/publish', { config: { access: { permission: 'menus.edit' } } }, async (request) => {
    const state = await menus.publish(accountOf(request));
    await audit.fromRequest(request, 'menu.publish', null, { conditional: state.published?.conditional.length ?? 0 });
    return state;
  });

  app.post('/api/accounts/:accountId/menus/import', { config: { access: { permission: 'menus.edit' } } }, async (request) => {
    const state = await menus.importFromWechat(accountOf(request));
    await audit.fromRequest(request, 'menu.import', null, { buttons: state.draft.buttons.length, conditional: state.draft.conditional.length });
    return state;
  });

  // trymatch spends WeChat's daily quota for any openid: for those who edit menus, not read-only roles.
  app.post('/api/accounts/:accountId/menus/try-match', { config: { access: { permission: 'menus.edit' } } }, async (request) => {
    const { openid } = z.object({ openid: z.string().trim().min(1).max(64) }).parse(request.body);
    return menus.tryMatch(accountOf(request), openid);
  });

  app.get('/api/accounts/:accountId/menus/stats', { config: { access: { permission: 'rules.view' } } }, async (request) => {
    const { days } = daysQuery.parse(request.query);
    const account = await accounts.get(accountOf(request));
    return menus.clickStats(account.id, account.timezone, days);
  });
}
