import type { MessageReply, ReplyAction } from '@zhanggui/shared';

export type ReplyActionType = ReplyAction['type'];
export type MessageReplyType = MessageReply['type'];

/** Messages the fan receives; flows send only these. */
export const MESSAGE_TYPES: MessageReplyType[] = ['text', 'image', 'voice', 'video', 'music', 'news'];
/** The membership card, a coupon, the daily check-in: each answered with what the fan got. */
export const LOYALTY_TYPES: ReplyActionType[] = ['member_card', 'coupon', 'checkin'];
/** Everything a rule can do: a message, or hand over to a person, a flow, search, the store locator or the card. */
export const ACTION_TYPES: ReplyActionType[] = [...MESSAGE_TYPES, 'transfer_customer_service', 'flow', 'search', 'stores_nearby', ...LOYALTY_TYPES];

export const MAX_NEWS_ARTICLES = 8;

/** A fresh action of a type, as the editor starts it. */
export function emptyAction(type: ReplyActionType): ReplyAction {
  switch (type) {
    case 'text':
      return { type, content: '' };
    case 'image':
    case 'voice':
      return { type, mediaId: '' };
    case 'video':
      return { type, mediaId: '', title: '', description: '' };
    case 'music':
      return { type, title: '', description: '', musicUrl: '', hqMusicUrl: '', thumbMediaId: '' };
    case 'news':
      return { type, articles: [{ title: '', description: '', picUrl: '', url: '' }] };
    case 'transfer_customer_service':
      return { type };
    case 'flow':
      return { type, flowId: 0 };
    case 'search':
      return { type, scope: 'all', notFound: '' };
    case 'stores_nearby':
      return { type, notFound: '' };
    case 'member_card':
    case 'checkin':
      return { type };
    case 'coupon':
      return { type, templateId: 0 };
  }
}

const blankToUndefined = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** The action as the API takes it: optional fields left empty in the form are left out. */
export function cleanAction(action: ReplyAction): ReplyAction {
  switch (action.type) {
    case 'text':
      return { type: 'text', content: action.content ?? '' };
    case 'image':
    case 'voice':
      return { type: action.type, mediaId: (action.mediaId ?? '').trim() };
    case 'video':
      return { type: 'video', mediaId: (action.mediaId ?? '').trim(), title: blankToUndefined(action.title), description: blankToUndefined(action.description) };
    case 'music':
      return {
        type: 'music',
        title: blankToUndefined(action.title),
        description: blankToUndefined(action.description),
        musicUrl: blankToUndefined(action.musicUrl),
        hqMusicUrl: blankToUndefined(action.hqMusicUrl),
        thumbMediaId: blankToUndefined(action.thumbMediaId),
      };
    case 'news':
      return {
        type: 'news',
        articles: (action.articles ?? []).map((article) => ({
          title: (article.title ?? '').trim(),
          description: blankToUndefined(article.description),
          picUrl: blankToUndefined(article.picUrl),
          url: blankToUndefined(article.url),
        })),
      };
    case 'transfer_customer_service':
      return { type: action.type };
    case 'flow':
      return { type: 'flow', flowId: action.flowId };
    case 'search':
      return { type: 'search', scope: action.scope ?? 'all', notFound: blankToUndefined(action.notFound) };
    case 'stores_nearby':
      return { type: 'stores_nearby', notFound: blankToUndefined(action.notFound) };
    case 'member_card':
    case 'checkin':
      return { type: action.type };
    case 'coupon':
      return { type: 'coupon', templateId: action.templateId };
  }
}

export function cleanMessage(message: MessageReply): MessageReply {
  return cleanAction(message) as MessageReply;
}

/** Form values may hold half-built actions (a type picked, nothing typed yet). */
export function cleanActions(actions: ReplyAction[] | undefined): ReplyAction[] {
  return (actions ?? []).filter((action): action is ReplyAction => Boolean(action?.type)).map(cleanAction);
}
