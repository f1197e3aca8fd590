import type { FastifyInstance } from 'fastify';
import { WxError } from '../core/wx-error.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import { ok, registerApi } from '../http/api-route.ts';
import { validateButtons, validateMatchRule, type StoredButton } from './menu.rules.ts';

/** get_current_selfmenu_info nests sub-buttons as `sub_button: { list: [...] }`. */
function selfMenuButtons(buttons: StoredButton[]): unknown[] {
  return buttons.map((button) => (button.sub_button ? { name: button.name, sub_button: { list: button.sub_button } } : button));
}

export function registerMenuRoutes(app: FastifyInstance, core: EmulatorCore): void {
  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/menu/create',
    capability: 'menu',
    rawUnicodeOnly: true,
    handler: ({ account, body }) => {
      account.menus.create(validateButtons(body.button, (id) => account.media.permanent(id) !== null));
      core.changed();
      return ok();
    },
  });

  registerApi(app, core, {
    method: 'GET',
    path: '/cgi-bin/menu/get',
    capability: 'menu',
    handler: ({ account }) => {
      const menu = account.menus.default;
      if (!menu) throw new WxError(46003);
      const conditional = account.menus.conditional;
      if (conditional.length === 0) return { menu: { button: menu.button } };
      return { menu: { button: menu.button, menuid: menu.menuid }, conditionalmenu: conditional };
    },
  });

  registerApi(app, core, {
    method: 'GET',
    path: '/cgi-bin/menu/delete',
    capability: 'menu',
    handler: ({ account }) => {
      account.menus.delete();
      core.changed();
      return ok();
    },
  });

  registerApi(app, core, {
    method: 'GET',
    path: '/cgi-bin/get_current_selfmenu_info',
    capability: 'menu',
    handler: ({ account }) => {
      const menu = account.menus.default;
      return { is_menu_open: menu ? 1 : 0, selfmenu_info: { button: selfMenuButtons(menu?.button ?? []) } };
    },
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/menu/addconditional',
    capability: 'menu',
    rawUnicodeOnly: true,
    handler: ({ account, body }) => {
      const buttons = validateButtons(body.button, (id) => account.media.permanent(id) !== null);
      const matchrule = validateMatchRule(body.matchrule);
      const menuid = account.menus.addConditional(buttons, matchrule);
      core.changed();
      return { menuid };
    },
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/menu/delconditional',
    capability: 'menu',
    handler: ({ account, body }) => {
      account.menus.deleteConditional(body.menuid);
      core.changed();
      return ok();
    },
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/menu/trymatch',
    capability: 'menu',
    handler: ({ account, body }) => {
      const fan = account.fans.indexOf(body.user_id);
      if (fan < 0) throw new WxError(65302);
      const menu = account.menuFor(fan);
      if (!menu) throw new WxError(46003);
      return { button: menu.button };
    },
  });
}
