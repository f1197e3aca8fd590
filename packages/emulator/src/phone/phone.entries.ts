import type { Reply } from '@zhanggui/wechat';
import type { PhoneEntryInput, PhoneSource } from './phone.store.ts';

/** What the WeChat client shows when the account's server failed to answer (§1.9). */
export const SYSTEM_NOTICE = '该公众号暂时无法提供服务，请稍后再试';

type MediaUrl = (mediaId: string) => string;
type Json = Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});

/** A passive reply as a bubble; null for transfer_customer_service (the message goes to the agents, §3). */
export function entryForReply(reply: Reply, mediaUrl: MediaUrl): PhoneEntryInput | null {
  const base = { side: 'account', source: 'reply' } as const;
  switch (reply.type) {
    case 'text':
      return { ...base, msgType: 'text', text: reply.content };
    case 'image':
      return { ...base, msgType: 'image', mediaId: reply.mediaId, url: mediaUrl(reply.mediaId), text: '[图片]' };
    case 'voice':
      return { ...base, msgType: 'voice', mediaId: reply.mediaId, text: '[语音]' };
    case 'video':
      return { ...base, msgType: 'video', mediaId: reply.mediaId, text: `[视频] ${reply.title ?? ''}`.trim() };
    case 'music':
      return { ...base, msgType: 'music', text: `[音乐] ${reply.title ?? ''}`.trim(), url: reply.musicUrl };
    case 'news':
      return { ...base, msgType: 'news', articles: reply.articles.map((a) => ({ title: a.title, description: a.description, url: a.url, picUrl: a.picUrl })) };
    case 'transfer_customer_service':
      return null;
  }
}

/** A customer-service (or preview/mass) message body in its JSON form (§4.3, §4.5) as a bubble. */
export function entryForMessage(source: PhoneSource, body: Json, mediaUrl: MediaUrl, newsOf?: (mediaId: string) => PhoneEntryInput['articles']): PhoneEntryInput {
  const msgtype = str(body.msgtype);
  const content = obj(body[msgtype]);
  const base = { side: 'account' as const, source, msgType: msgtype };
  const kf = str(obj(body.customservice).kf_account) || undefined;
  switch (msgtype) {
    case 'text':
      return { ...base, text: str(content.content), kfAccount: kf };
    case 'image': {
      // Mass sends use `images.media_ids` (newer) or `image.media_id` (older).
      const many = obj(body.images).media_ids;
      const id = str(content.media_id) || (Array.isArray(many) ? str(many[0]) : '');
      return { ...base, mediaId: id, url: id ? mediaUrl(id) : undefined, text: '[图片]', kfAccount: kf };
    }
    case 'voice':
      return { ...base, mediaId: str(content.media_id), text: '[语音]', kfAccount: kf };
    case 'video':
    case 'mpvideo':
      return { ...base, mediaId: str(content.media_id), text: `[视频] ${str(content.title)}`.trim(), kfAccount: kf };
    case 'music':
      return { ...base, text: `[音乐] ${str(content.title)}`.trim(), url: str(content.musicurl) || undefined, kfAccount: kf };
    case 'news': {
      const articles = Array.isArray(content.articles) ? content.articles.map(obj) : [];
      return {
        ...base,
        articles: articles.map((a) => ({ title: str(a.title), description: str(a.description) || undefined, url: str(a.url) || undefined, picUrl: str(a.picurl) || undefined })),
        kfAccount: kf,
      };
    }
    case 'mpnews':
      return { ...base, articles: newsOf?.(str(content.media_id)) ?? [{ title: '[图文消息]' }] };
    case 'mpnewsarticle':
      return { ...base, articles: [{ title: `[图文] ${str(content.article_id)}` }], kfAccount: kf };
    case 'msgmenu': {
      const list = Array.isArray(content.list) ? content.list.map(obj) : [];
      return {
        ...base,
        msgmenu: { head: str(content.head_content), items: list.map((i) => ({ id: str(i.id), content: str(i.content) })), tail: str(content.tail_content) },
        kfAccount: kf,
      };
    }
    case 'wxcard':
      return { ...base, text: `[卡券] ${str(content.card_id)}`, kfAccount: kf };
    case 'miniprogrampage':
      return { ...base, text: `[小程序] ${str(content.title)}`, kfAccount: kf };
    default:
      return { ...base, text: `[${msgtype}]` };
  }
}
