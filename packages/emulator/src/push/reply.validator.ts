import {
  child,
  children,
  computeMsgSignature,
  newsArticleLimit,
  parseXml,
  REPLY_TYPES,
  text,
  type MessageMode,
  type MessageCrypto,
  type Reply,
  type ReplyType,
  type XmlNode,
} from '@zhanggui/wechat';

export type ReplyVerdict =
  | { kind: 'none' }
  | { kind: 'reply'; reply: Reply; droppedArticles: number }
  | { kind: 'invalid'; error: string };

export interface ReplyContext {
  mode: MessageMode;
  token: string;
  crypto: MessageCrypto;
  /** The push being answered: the reply must swap these (§1.9). */
  inboundTo: string;
  inboundFrom: string;
  answering: 'message' | 'event';
  /** Whether a media_id names live media of this type (WeChat cannot send a reply whose media it lacks). */
  mediaExists: (id: string, type: 'image' | 'voice' | 'video') => boolean;
}

/**
 * Judges a callback's answer the way the WeChat client does (§1.9, §7.2): `success` or empty means no
 * reply; an encrypted envelope must carry a valid MsgSignature and decrypt to this appid; safe mode refuses
 * plaintext replies; the reply must be `<xml>` with To/From swapped and a §3 MsgType. News over the limit
 * is trimmed silently. Anything else is invalid and the fan sees the system notice.
 */
export function judgeReply(raw: string, ctx: ReplyContext): ReplyVerdict {
  const body = raw.trim();
  if (body === '' || body === 'success') return { kind: 'none' };
  let node: XmlNode;
  try {
    node = parseXml(body);
  } catch (error) {
    return { kind: 'invalid', error: `reply is not WeChat XML: ${(error as Error).message}` };
  }

  let inner = body;
  if ('Encrypt' in node) {
    if (ctx.mode === 'plaintext') return { kind: 'invalid', error: 'encrypted reply, but the account is in plaintext mode' };
    const encrypt = text(node, 'Encrypt');
    const timestamp = text(node, 'TimeStamp');
    const nonce = text(node, 'Nonce');
    const signature = text(node, 'MsgSignature');
    if (!encrypt || !timestamp || !nonce || !signature) return { kind: 'invalid', error: 'encrypted reply must carry Encrypt, MsgSignature, TimeStamp and Nonce' };
    if (computeMsgSignature(ctx.token, timestamp, nonce, encrypt) !== signature.toLowerCase()) {
      return { kind: 'invalid', error: 'MsgSignature of the encrypted reply does not match sha1(sort(token, TimeStamp, Nonce, Encrypt))' };
    }
    try {
      inner = ctx.crypto.decrypt(encrypt).message;
    } catch (error) {
      return { kind: 'invalid', error: `encrypted reply cannot be decrypted for this appid: ${(error as Error).message}` };
    }
    if (inner.trim() === '' || inner.trim() === 'success') return { kind: 'none' };
    try {
      node = parseXml(inner);
    } catch (error) {
      return { kind: 'invalid', error: `decrypted reply is not WeChat XML: ${(error as Error).message}` };
    }
  } else if (ctx.mode === 'safe') {
    return { kind: 'invalid', error: 'safe mode: the reply must be the encrypted envelope (only success or empty may be plaintext)' };
  }
  return judgeFields(node, ctx);
}

function judgeFields(node: XmlNode, ctx: ReplyContext): ReplyVerdict {
  const invalid = (error: string): ReplyVerdict => ({ kind: 'invalid', error });
  if (text(node, 'ToUserName') !== ctx.inboundFrom) return invalid(`ToUserName must be the fan's openid ${ctx.inboundFrom}`);
  if (text(node, 'FromUserName') !== ctx.inboundTo) return invalid(`FromUserName must be the account's id ${ctx.inboundTo}`);
  if (!/^\d+$/.test(text(node, 'CreateTime').trim())) return invalid('CreateTime must be an integer (seconds)');
  const msgType = text(node, 'MsgType') as ReplyType;
  if (!REPLY_TYPES.includes(msgType)) return invalid(`MsgType ${JSON.stringify(msgType)} is not a passive reply type`);

  const media = (element: string, type: 'image' | 'voice' | 'video'): string | ReplyVerdict => {
    const id = text(child(node, element), 'MediaId');
    if (!id) return invalid(`${element}.MediaId is missing`);
    if (!ctx.mediaExists(id, type)) return invalid(`${element}.MediaId ${id} is not a live ${type} media_id of this account`);
    return id;
  };

  let reply: Reply;
  let dropped = 0;
  switch (msgType) {
    case 'text': {
      const content = text(node, 'Content');
      if (content === '') return invalid('text reply with empty Content');
      reply = { type: 'text', content };
      break;
    }
    case 'image':
    case 'voice': {
      const id = media(msgType === 'image' ? 'Image' : 'Voice', msgType);
      if (typeof id !== 'string') return id;
      reply = { type: msgType, mediaId: id };
      break;
    }
    case 'video': {
      const id = media('Video', 'video');
      if (typeof id !== 'string') return id;
      const video = child(node, 'Video');
      reply = { type: 'video', mediaId: id, title: text(video, 'Title') || undefined, description: text(video, 'Description') || undefined };
      break;
    }
    case 'music': {
      const music = child(node, 'Music');
      if (!music) return invalid('music reply without Music');
      reply = {
        type: 'music',
        title: text(music, 'Title') || undefined,
        description: text(music, 'Description') || undefined,
        musicUrl: text(music, 'MusicUrl') || undefined,
        hqMusicUrl: text(music, 'HQMusicUrl') || undefined,
        thumbMediaId: text(music, 'ThumbMediaId') || undefined,
      };
      break;
    }
    case 'news': {
      const items = children(child(node, 'Articles'), 'item');
      const count = Number(text(node, 'ArticleCount'));
      if (items.length === 0) return invalid('news reply without articles');
      if (count !== items.length) return invalid(`ArticleCount ${text(node, 'ArticleCount')} does not match the ${items.length} items`);
      const limit = newsArticleLimit(ctx.answering);
      dropped = Math.max(0, items.length - limit);
      reply = {
        type: 'news',
        articles: items.slice(0, limit).map((item) => ({
          title: text(item, 'Title'),
          description: text(item, 'Description') || undefined,
          picUrl: text(item, 'PicUrl') || undefined,
          url: text(item, 'Url') || undefined,
        })),
      };
      break;
    }
    case 'transfer_customer_service': {
      const kf = text(child(node, 'TransInfo'), 'KfAccount');
      reply = kf ? { type: 'transfer_customer_service', kfAccount: kf } : { type: 'transfer_customer_service' };
      break;
    }
  }
  return { kind: 'reply', reply, droppedArticles: dropped };
}
