import type { AccountState } from '../accounts/account-state.ts';
import { WxError } from '../core/wx-error.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import type { Json } from '../http/api-route.ts';
import { inbound } from '../push/inbound.builder.ts';

/** How long after the API call the TEMPLATESENDJOBFINISH push goes out. */
const JOB_FINISH_DELAY_MS = 20;

/**
 * message/template/send (§4.4): verified service accounts only (the route checks the permission).
 * Returns the msgid; the final state arrives later as a TEMPLATESENDJOBFINISH push with MsgID = msgid.
 * The same touser + client_msg_id within 10 minutes returns the first msgid and delivers nothing new.
 */
export function sendTemplateMessage(core: EmulatorCore, account: AccountState, body: Json): number {
  const fan = core.accounts.fanIndex(account, body.touser);
  const template = account.templates.get(body.template_id);
  if (!template) throw new WxError(40037);
  const data = body.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new WxError(47003, 'argument invalid! data is empty');
  const values: Record<string, { value: string; color?: string }> = {};
  for (const [key, raw] of Object.entries(data as Json)) {
    const item = raw as { value?: unknown; color?: unknown } | null;
    if (!item || typeof item.value !== 'string') throw new WxError(47003, `argument invalid! data.${key}.value is empty`);
    values[key] = typeof item.color === 'string' ? { value: item.value, color: item.color } : { value: item.value };
  }
  if (!account.fans.isSubscribed(fan)) throw new WxError(43004);
  if (account.fans.isBlacklisted(fan)) throw new WxError(43101);

  const now = core.clock.now();
  const touser = body.touser as string;
  const clientMsgId = typeof body.client_msg_id === 'string' && body.client_msg_id !== '' ? body.client_msg_id : undefined;
  if (clientMsgId) {
    const previous = account.templates.duplicate(touser, clientMsgId, now);
    if (previous !== undefined) return previous;
  }
  const msgid = account.templates.msgIds.take();
  if (clientMsgId) account.templates.remember(touser, clientMsgId, msgid, now);

  const mini = body.miniprogram as { appid?: unknown; pagepath?: unknown } | undefined;
  const url = mini?.appid ? `miniprogram://${String(mini.appid)}/${String(mini.pagepath ?? '')}` : typeof body.url === 'string' ? body.url : undefined;
  core.addPhone(account, fan, {
    side: 'account',
    source: 'template',
    msgType: 'template',
    text: template.title,
    msgId: String(msgid),
    template: { templateId: template.template_id, title: template.title, data: values, url },
  });

  core.tasks.spawn(
    async () => {
      const base = { toUserName: account.config.originalId, fromUserName: touser, createTime: core.clock.seconds() };
      await core.push.deliver(account, inbound.templateJobFinish(base, msgid, 'success'));
    },
    JOB_FINISH_DELAY_MS,
  );
  return msgid;
}
