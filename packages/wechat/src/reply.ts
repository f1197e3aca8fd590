import { buildXml, type XmlBuildNode } from './xml.ts';

export interface NewsArticle {
  title: string;
  description?: string;
  /** JPG/PNG; 360×200 for the first article, 200×200 for the others. */
  picUrl?: string;
  url?: string;
}

/** A passive reply (wechat-protocol.md §3). */
export type Reply =
  | { type: 'text'; content: string }
  | { type: 'image'; mediaId: string }
  | { type: 'voice'; mediaId: string }
  | { type: 'video'; mediaId: string; title?: string; description?: string }
  | { type: 'music'; title?: string; description?: string; musicUrl?: string; hqMusicUrl?: string; thumbMediaId?: string }
  | { type: 'news'; articles: NewsArticle[] }
  | { type: 'transfer_customer_service'; kfAccount?: string };

export type ReplyType = Reply['type'];
export const REPLY_TYPES: readonly ReplyType[] = ['text', 'image', 'voice', 'video', 'music', 'news', 'transfer_customer_service'];

/**
 * How many news articles a passive reply may carry: 1 when answering a fan's message (since 2018-10-12),
 * up to 8 when answering an event (§3).
 */
export function newsArticleLimit(answering: 'message' | 'event'): number {
  return answering === 'message' ? 1 : 8;
}

export interface ReplyAddress {
  /** The fan's openid (the inbound FromUserName). */
  toUser: string;
  /** The account's gh_ id (the inbound ToUserName). */
  fromUser: string;
  /** Unix seconds; defaults to now. */
  createTime?: number;
  /** What is being answered; decides the news article limit. */
  answering: 'message' | 'event';
}

/**
 * Builds the plaintext reply XML. News articles over the limit are dropped, as WeChat itself
 * drops them silently; use `newsArticleLimit` to warn operators before that happens.
 */
export function buildReplyXml(reply: Reply, address: ReplyAddress): string {
  const head: XmlBuildNode = {
    ToUserName: address.toUser,
    FromUserName: address.fromUser,
    CreateTime: address.createTime ?? Math.floor(Date.now() / 1000),
    MsgType: reply.type,
  };
  switch (reply.type) {
    case 'text':
      return buildXml({ ...head, Content: reply.content });
    case 'image':
      return buildXml({ ...head, Image: { MediaId: reply.mediaId } });
    case 'voice':
      return buildXml({ ...head, Voice: { MediaId: reply.mediaId } });
    case 'video':
      return buildXml({ ...head, Video: { MediaId: reply.mediaId, Title: reply.title, Description: reply.description } });
    case 'music':
      return buildXml({
        ...head,
        Music: {
          Title: reply.title,
          Description: reply.description,
          MusicUrl: reply.musicUrl,
          HQMusicUrl: reply.hqMusicUrl,
          ThumbMediaId: reply.thumbMediaId,
        },
      });
    case 'news': {
      const articles = reply.articles.slice(0, newsArticleLimit(address.answering));
      return buildXml({
        ...head,
        ArticleCount: articles.length,
        Articles: articles.map((a) => ({ Title: a.title, Description: a.description ?? '', PicUrl: a.picUrl ?? '', Url: a.url ?? '' })),
      });
    }
    case 'transfer_customer_service':
      return buildXml({ ...head, TransInfo: reply.kfAccount ? { KfAccount: reply.kfAccount } : undefined });
  }
}

/** The encrypted reply envelope (§1.7): Encrypt, MsgSignature, TimeStamp (bare), Nonce — in this order. */
export function buildEncryptedEnvelope(input: { encrypt: string; msgSignature: string; timestamp: string | number; nonce: string }): string {
  return buildXml({
    Encrypt: input.encrypt,
    MsgSignature: input.msgSignature,
    TimeStamp: Number(input.timestamp),
    Nonce: input.nonce,
  });
}
