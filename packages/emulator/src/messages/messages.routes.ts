import type { FastifyInstance } from 'fastify';
import { WxError } from '../core/wx-error.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import { ok, registerApi } from '../http/api-route.ts';
import { sendCustomMessage, sendTyping } from './custom.service.ts';
import { sendTemplateMessage } from './template.service.ts';

export function registerMessageRoutes(app: FastifyInstance, core: EmulatorCore): void {
  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/message/custom/send',
    capability: 'customService',
    handler: ({ account, body }) => {
      sendCustomMessage(core, account, body);
      return ok();
    },
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/message/custom/typing',
    capability: 'customService',
    handler: ({ account, body }) => {
      sendTyping(core, account, body);
      return ok();
    },
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/message/template/send',
    capability: 'template',
    handler: ({ account, body }) => ok({ msgid: sendTemplateMessage(core, account, body) }),
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/template/api_add_template',
    capability: 'template',
    handler: ({ account, body }) => {
      if (typeof body.template_id_short !== 'string' || body.template_id_short === '') throw new WxError(47003, 'argument invalid! template_id_short');
      const template = account.templates.add({ shortId: body.template_id_short });
      core.changed();
      return ok({ template_id: template.template_id });
    },
  });

  registerApi(app, core, {
    method: 'GET',
    path: '/cgi-bin/template/get_all_private_template',
    capability: 'template',
    handler: ({ account }) => ({ template_list: account.templates.list() }),
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/template/del_private_template',
    capability: 'template',
    handler: ({ account, body }) => {
      account.templates.delete(body.template_id);
      core.changed();
      return ok();
    },
  });

  registerApi(app, core, {
    method: 'GET',
    path: '/cgi-bin/template/get_industry',
    capability: 'template',
    handler: () => ({
      primary_industry: { first_class: 'IT科技', second_class: '互联网|电子商务' },
      secondary_industry: { first_class: 'IT科技', second_class: 'IT软件与服务' },
    }),
  });
}
