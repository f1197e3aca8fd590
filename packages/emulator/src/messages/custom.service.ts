import type { AccountState } from '../accounts/account-state.ts';
import { WxError } from '../core/wx-error.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import type { Json } from '../http/api-route.ts';
import { entryForMessage } from '../phone/phone.entries.ts';

const CUSTOM_TYPES = ['text', 'image', 'voice', 'video', 'music', 'news', 'mpnewsarticle', 'msgmenu', 'wxcard', 'miniprogrampage'];
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});

/**
 * message/custom/send (§4.3). Checks in this order: openid (40003), message (40008, 44004, 44003, 45008,
 * 40007, 47003), follower (43004) and blacklist (43019), then the window (45015 closed, 45047 used up).
 * A delivered message appears on the fan's phone at once.
 */
export function sendCustomMessage(core: EmulatorCore, account: AccountState, body: Json): void {
  const fan = core.accounts.fanIndex(account, body.touser);
  checkCustomMessage(core, account, body);
  if (!account.fans.isSubscribed(fan)) throw new WxError(43004);
  if (account.fans.isBlacklisted(fan)) throw new WxError(43019);
  account.windows.consume(fan, core.clock.now());
  core.addPhone(account, fan, entryForMessage('custom', body, (id) => core.mediaUrl(account, id)));
}

/** message/custom/typing: needs the same open window as sending, uses none of its quota. */
export function sendTyping(core: EmulatorCore, account: AccountState, body: Json): void {
  const fan = core.accounts.fanIndex(account, body.touser);
  if (body.command !== 'Typing' && body.command !== 'CancelTyping') throw new WxError(47003, 'argument invalid! command');
  if (!account.fans.isSubscribed(fan)) throw new WxError(43004);
  account.windows.check(fan, core.clock.now());
  core.phoneHub.publish(account.appId, fan, { kind: 'typing', on: body.command === 'Typing' });
}

function checkCustomMessage(core: EmulatorCore, account: AccountState, body: Json): void {
  const msgtype = body.msgtype;
  if (typeof msgtype !== 'string' || !CUSTOM_TYPES.includes(msgtype)) throw new WxError(40008);
  const content = body[msgtype];
  if (typeof content !== 'object' || content === null) throw new WxError(47001);
  const fields = obj(content);
  const media = (type: 'image' | 'voice' | 'video') => {
    if (!account.media.usable(fields.media_id, core.clock.now(), [type])) throw new WxError(40007);
  };
  switch (msgtype) {
    case 'text':
      if (typeof fields.content !== 'string' || fields.content === '') throw new WxError(44004);
      return;
    case 'image':
    case 'voice':
    case 'video':
      return media(msgtype);
    case 'news': {
      const articles = fields.articles;
      if (!Array.isArray(articles) || articles.length === 0) throw new WxError(44003);
      // Only one article since 2018-10 (§4.3).
      if (articles.length > 1) throw new WxError(45008);
      return;
    }
    case 'msgmenu':
      if (!Array.isArray(fields.list) || fields.list.length === 0) throw new WxError(47003, 'argument invalid! msgmenu.list');
      return;
    case 'mpnewsarticle':
      if (typeof fields.article_id !== 'string' || fields.article_id === '') throw new WxError(47003, 'argument invalid! article_id');
      return;
    case 'wxcard':
      if (typeof fields.card_id !== 'string' || fields.card_id === '') throw new WxError(47003, 'argument invalid! card_id');
      return;
    case 'miniprogrampage':
      if (typeof fields.appid !== 'string' || typeof fields.pagepath !== 'string') throw new WxError(47003, 'argument invalid! appid');
      return;
    default:
      return;
  }
}
