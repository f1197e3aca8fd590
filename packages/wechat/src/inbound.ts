import { child, children, optionalText, parseXml, text, type XmlNode } from './xml.ts';

/** Fields every push carries (wechat-protocol.md §2.1). */
interface Base {
  /** The account's original id (gh_…). */
  toUserName: string;
  /** The fan's openid. */
  fromUserName: string;
  /** Unix seconds. */
  createTime: number;
}

/** Fields of a user message; MsgId is a 64-bit integer kept as text. */
interface UserMessageBase extends Base {
  msgId: string;
  /** Present when the message comes from an article. */
  msgDataId?: string;
  idx?: string;
}

export interface TextMessage extends UserMessageBase {
  msgType: 'text';
  content: string;
  /** The id of the tapped item when the fan answered a `msgmenu` custom message. */
  bizMsgMenuId?: string;
}
export interface ImageMessage extends UserMessageBase {
  msgType: 'image';
  picUrl: string;
  mediaId: string;
}
export interface VoiceMessage extends UserMessageBase {
  msgType: 'voice';
  mediaId: string;
  format: string;
  mediaId16K?: string;
  /** Speech-to-text, only when recognition is switched on. */
  recognition?: string;
}
export interface VideoMessage extends UserMessageBase {
  msgType: 'video' | 'shortvideo';
  mediaId: string;
  thumbMediaId: string;
}
export interface LocationMessage extends UserMessageBase {
  msgType: 'location';
  latitude: number;
  longitude: number;
  scale: number;
  label: string;
}
export interface LinkMessage extends UserMessageBase {
  msgType: 'link';
  title: string;
  description: string;
  url: string;
}
export interface MiniprogramPageMessage extends UserMessageBase {
  msgType: 'miniprogrampage';
  title: string;
  appId: string;
  pagePath: string;
  thumbUrl: string;
  thumbMediaId: string;
}
/** A user message of a type this library does not model; `originalType` holds its MsgType. */
export interface UnknownMessage extends Base {
  msgType: 'unknown';
  originalType: string;
  msgId?: string;
  fields: XmlNode;
}

export type UserMessage =
  | TextMessage
  | ImageMessage
  | VoiceMessage
  | VideoMessage
  | LocationMessage
  | LinkMessage
  | MiniprogramPageMessage;

interface EventBase extends Base {
  msgType: 'event';
}
export interface SubscribeEvent extends EventBase {
  event: 'subscribe';
  /** Raw EventKey, e.g. `qrscene_123` for a follow through a parametric QR code. */
  eventKey?: string;
  /** The QR scene value without the `qrscene_` prefix, when the follow came from a parametric QR code. */
  sceneValue?: string;
  ticket?: string;
}
export interface UnsubscribeEvent extends EventBase {
  event: 'unsubscribe';
}
export interface ScanEvent extends EventBase {
  event: 'SCAN';
  /** The scene value (scene_id as unsigned decimal, or scene_str), no prefix. */
  eventKey: string;
  ticket: string;
}
export interface LocationEvent extends EventBase {
  event: 'LOCATION';
  latitude: number;
  longitude: number;
  precision: number;
}
export interface ClickEvent extends EventBase {
  event: 'CLICK';
  eventKey: string;
}
export interface ViewEvent extends EventBase {
  event: 'VIEW';
  /** The URL that was opened. */
  eventKey: string;
  menuId?: string;
}
export interface ScanCodeEvent extends EventBase {
  event: 'scancode_push' | 'scancode_waitmsg';
  eventKey: string;
  scanType: string;
  scanResult: string;
}
export interface PicEvent extends EventBase {
  event: 'pic_sysphoto' | 'pic_photo_or_album' | 'pic_weixin';
  eventKey: string;
  count: number;
  picMd5Sums: string[];
}
export interface LocationSelectEvent extends EventBase {
  event: 'location_select';
  eventKey: string;
  latitude: number;
  longitude: number;
  scale: number;
  label: string;
  poiname: string;
}
export interface ViewMiniprogramEvent extends EventBase {
  event: 'view_miniprogram';
  eventKey: string;
  menuId?: string;
}
export interface MassSendJobFinishEvent extends EventBase {
  event: 'MASSSENDJOBFINISH';
  /** The mass job's msg_id (element `MsgID`, capital D). */
  msgId: string;
  /** `send success`, `send fail` or `err(N)`. */
  status: string;
  totalCount: number;
  filterCount: number;
  sentCount: number;
  errorCount: number;
  copyrightCheckResult?: {
    count: number;
    checkState: number;
    results: Array<{
      articleIdx: number;
      userDeclareState: number;
      auditState: number;
      originalArticleUrl: string;
      originalArticleType: number;
      canReprint: number;
      needReplaceContent: number;
      needShowReprintSource: number;
    }>;
  };
  articleUrls: Array<{ articleIdx: number; articleUrl: string }>;
}
export interface TemplateSendJobFinishEvent extends EventBase {
  event: 'TEMPLATESENDJOBFINISH';
  msgId: string;
  /** `success`, `failed:user block` or `failed: system failed`. */
  status: string;
}
export interface PublishJobFinishEvent extends EventBase {
  event: 'PUBLISHJOBFINISH';
  publishId: string;
  publishStatus: number;
  articleId?: string;
  articles: Array<{ idx: number; articleUrl: string }>;
  failIdx: number[];
}
export interface KfSessionEvent extends EventBase {
  event: 'kf_create_session' | 'kf_close_session';
  kfAccount: string;
}
export interface KfSwitchSessionEvent extends EventBase {
  event: 'kf_switch_session';
  fromKfAccount: string;
  toKfAccount: string;
}
export interface SubscribeMsgEvent extends EventBase {
  event: 'subscribe_msg_popup_event' | 'subscribe_msg_change_event' | 'subscribe_msg_sent_event';
  items: Array<{
    templateId: string;
    subscribeStatusString?: string;
    popupScene?: string;
    msgId?: string;
    errorCode?: string;
    errorStatus?: string;
  }>;
}
/** An event this library does not model; `originalEvent` holds its Event value as sent. */
export interface UnknownEvent extends EventBase {
  event: 'unknown';
  originalEvent: string;
  eventKey?: string;
  fields: XmlNode;
}

export type WechatEvent =
  | SubscribeEvent
  | UnsubscribeEvent
  | ScanEvent
  | LocationEvent
  | ClickEvent
  | ViewEvent
  | ScanCodeEvent
  | PicEvent
  | LocationSelectEvent
  | ViewMiniprogramEvent
  | MassSendJobFinishEvent
  | TemplateSendJobFinishEvent
  | PublishJobFinishEvent
  | KfSessionEvent
  | KfSwitchSessionEvent
  | SubscribeMsgEvent
  | UnknownEvent;

/** Everything WeChat pushes to the callback URL, discriminated by `msgType` (and `event` for events). */
export type InboundMessage = UserMessage | UnknownMessage | WechatEvent;

export class InboundParseError extends Error {
  override readonly name = 'InboundParseError';
}

const int = (value: string): number => {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : 0;
};
const float = (value: string): number => {
  const n = Number.parseFloat(value);
  return Number.isFinite(n) ? n : 0;
};
const defined = <T extends object>(value: T): T => {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
};

/** Parses pushed XML (already decrypted) into a typed message. Throws WechatXmlError or InboundParseError. */
export function parseInboundXml(xml: string, maxBytes?: number): InboundMessage {
  return toInboundMessage(parseXml(xml, maxBytes));
}

/** Maps the children of a parsed `<xml>` root into a typed message. */
export function toInboundMessage(node: XmlNode): InboundMessage {
  const msgType = text(node, 'MsgType');
  const base: Base = {
    toUserName: text(node, 'ToUserName'),
    fromUserName: text(node, 'FromUserName'),
    createTime: int(text(node, 'CreateTime')),
  };
  if (!msgType) throw new InboundParseError('MsgType is missing');
  if (!base.fromUserName) throw new InboundParseError('FromUserName is missing');
  if (msgType === 'event') return toEvent(node, base);

  // WxJava accepts `MsgID` as an alternative spelling of `MsgId`.
  const msgId = text(node, 'MsgId') || text(node, 'MsgID');
  const user: UserMessageBase = defined({ ...base, msgId, msgDataId: optionalText(node, 'MsgDataId'), idx: optionalText(node, 'Idx') });
  switch (msgType) {
    case 'text':
      return defined({ ...user, msgType, content: text(node, 'Content'), bizMsgMenuId: optionalText(node, 'bizmsgmenuid') });
    case 'image':
      return { ...user, msgType, picUrl: text(node, 'PicUrl'), mediaId: text(node, 'MediaId') };
    case 'voice':
      return defined({
        ...user,
        msgType,
        mediaId: text(node, 'MediaId'),
        format: text(node, 'Format'),
        mediaId16K: optionalText(node, 'MediaId16K'),
        recognition: optionalText(node, 'Recognition'),
      });
    case 'video':
    case 'shortvideo':
      return { ...user, msgType, mediaId: text(node, 'MediaId'), thumbMediaId: text(node, 'ThumbMediaId') };
    case 'location':
      return {
        ...user,
        msgType,
        latitude: float(text(node, 'Location_X')),
        longitude: float(text(node, 'Location_Y')),
        scale: int(text(node, 'Scale')),
        label: text(node, 'Label'),
      };
    case 'link':
      return { ...user, msgType, title: text(node, 'Title'), description: text(node, 'Description'), url: text(node, 'Url') };
    case 'miniprogrampage':
      return {
        ...user,
        msgType,
        title: text(node, 'Title'),
        appId: text(node, 'AppId'),
        pagePath: text(node, 'PagePath'),
        thumbUrl: text(node, 'ThumbUrl'),
        thumbMediaId: text(node, 'ThumbMediaId'),
      };
    default:
      return defined({ ...base, msgType: 'unknown' as const, originalType: msgType, msgId: msgId || undefined, fields: node });
  }
}

function toEvent(node: XmlNode, base: Base): WechatEvent {
  const event = text(node, 'Event');
  const eventBase: EventBase = { ...base, msgType: 'event' };
  const eventKey = text(node, 'EventKey');
  switch (event) {
    case 'subscribe': {
      const rawKey = optionalText(node, 'EventKey');
      const sceneValue = rawKey?.startsWith('qrscene_') ? rawKey.slice('qrscene_'.length) : undefined;
      return defined({ ...eventBase, event, eventKey: rawKey || undefined, sceneValue, ticket: optionalText(node, 'Ticket') || undefined });
    }
    case 'unsubscribe':
      return { ...eventBase, event };
    case 'SCAN':
      return { ...eventBase, event, eventKey, ticket: text(node, 'Ticket') };
    case 'LOCATION':
      return {
        ...eventBase,
        event,
        latitude: float(text(node, 'Latitude')),
        longitude: float(text(node, 'Longitude')),
        precision: float(text(node, 'Precision')),
      };
    case 'CLICK':
      return { ...eventBase, event, eventKey };
    case 'VIEW':
      return defined({ ...eventBase, event, eventKey, menuId: optionalText(node, 'MenuId') });
    case 'view_miniprogram':
      return defined({ ...eventBase, event, eventKey, menuId: optionalText(node, 'MenuId') });
    case 'scancode_push':
    case 'scancode_waitmsg': {
      const info = child(node, 'ScanCodeInfo');
      return { ...eventBase, event, eventKey, scanType: text(info, 'ScanType'), scanResult: text(info, 'ScanResult') };
    }
    case 'pic_sysphoto':
    case 'pic_photo_or_album':
    case 'pic_weixin': {
      const info = child(node, 'SendPicsInfo');
      const pics = children(child(info, 'PicList'), 'item').map((item) => text(item, 'PicMd5Sum'));
      return { ...eventBase, event, eventKey, count: int(text(info, 'Count')), picMd5Sums: pics };
    }
    case 'location_select': {
      const info = child(node, 'SendLocationInfo');
      return {
        ...eventBase,
        event,
        eventKey,
        latitude: float(text(info, 'Location_X')),
        longitude: float(text(info, 'Location_Y')),
        scale: int(text(info, 'Scale')),
        label: text(info, 'Label'),
        poiname: text(info, 'Poiname'),
      };
    }
    case 'MASSSENDJOBFINISH':
      return toMassSendJobFinish(node, eventBase, event);
    case 'TEMPLATESENDJOBFINISH':
      return { ...eventBase, event, msgId: text(node, 'MsgID') || text(node, 'MsgId'), status: text(node, 'Status') };
    case 'PUBLISHJOBFINISH':
    case 'FREEPUBLISHJOBFINISH': {
      // One doc page names it FREEPUBLISHJOBFINISH; both are read as the same event.
      const info = child(node, 'PublishEventInfo');
      const detail = child(info, 'article_detail');
      return defined({
        ...eventBase,
        event: 'PUBLISHJOBFINISH' as const,
        publishId: text(info, 'publish_id'),
        publishStatus: int(text(info, 'publish_status')),
        articleId: optionalText(info, 'article_id'),
        articles: children(detail, 'item').map((item) => ({ idx: int(text(item, 'idx')), articleUrl: text(item, 'article_url') })),
        failIdx: texts(info, 'fail_idx').map(int),
      });
    }
    case 'kf_create_session':
    case 'kf_close_session':
      return { ...eventBase, event, kfAccount: text(node, 'KfAccount') };
    case 'kf_switch_session':
      return { ...eventBase, event, fromKfAccount: text(node, 'FromKfAccount'), toKfAccount: text(node, 'ToKfAccount') };
    case 'subscribe_msg_popup_event':
    case 'subscribe_msg_change_event':
    case 'subscribe_msg_sent_event': {
      // The items are repeated <List> elements, either at the root or inside <SubscribeMsgPopupEvent> etc.
      const holders = [node, ...Object.values(node).filter((v): v is XmlNode => typeof v === 'object' && !Array.isArray(v))];
      const lists = holders.flatMap((holder) => children(holder, 'List'));
      return {
        ...eventBase,
        event,
        items: lists.map((item) =>
          defined({
            templateId: text(item, 'TemplateId'),
            subscribeStatusString: optionalText(item, 'SubscribeStatusString'),
            popupScene: optionalText(item, 'PopupScene'),
            msgId: optionalText(item, 'MsgID'),
            errorCode: optionalText(item, 'ErrorCode'),
            errorStatus: optionalText(item, 'ErrorStatus'),
          }),
        ),
      };
    }
    default:
      if (!event) throw new InboundParseError('Event is missing on an event push');
      return defined({ ...eventBase, event: 'unknown' as const, originalEvent: event, eventKey: optionalText(node, 'EventKey'), fields: node });
  }
}

/** Every text value of a possibly repeated element. */
function texts(node: XmlNode | undefined, name: string): string[] {
  const value = node?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

function toMassSendJobFinish(node: XmlNode, eventBase: EventBase, event: 'MASSSENDJOBFINISH'): MassSendJobFinishEvent {
  const copyright = child(node, 'CopyrightCheckResult');
  const urls = child(node, 'ArticleUrlResult');
  return defined({
    ...eventBase,
    event,
    msgId: text(node, 'MsgID') || text(node, 'MsgId'),
    status: text(node, 'Status'),
    totalCount: int(text(node, 'TotalCount')),
    filterCount: int(text(node, 'FilterCount')),
    sentCount: int(text(node, 'SentCount')),
    errorCount: int(text(node, 'ErrorCount')),
    copyrightCheckResult: copyright
      ? {
          count: int(text(copyright, 'Count')),
          checkState: int(text(copyright, 'CheckState')),
          results: children(child(copyright, 'ResultList'), 'item').map((item) => ({
            articleIdx: int(text(item, 'ArticleIdx')),
            userDeclareState: int(text(item, 'UserDeclareState')),
            auditState: int(text(item, 'AuditState')),
            originalArticleUrl: text(item, 'OriginalArticleUrl'),
            originalArticleType: int(text(item, 'OriginalArticleType')),
            canReprint: int(text(item, 'CanReprint')),
            needReplaceContent: int(text(item, 'NeedReplaceContent')),
            needShowReprintSource: int(text(item, 'NeedShowReprintSource')),
          })),
        }
      : undefined,
    articleUrls: children(child(urls, 'ResultList'), 'item').map((item) => ({
      articleIdx: int(text(item, 'ArticleIdx')),
      articleUrl: text(item, 'ArticleUrl'),
    })),
  });
}

/** True for messages a fan typed or sent (as opposed to events). */
export function isUserMessage(message: InboundMessage): message is UserMessage | UnknownMessage {
  return message.msgType !== 'event';
}

/**
 * The key WeChat retries are deduplicated on (§1.9): MsgId for messages; for events
 * FromUserName + CreateTime + Event + EventKey.
 */
export function dedupeKey(message: InboundMessage): string {
  if (message.msgType !== 'event' && message.msgId) return `m:${message.msgId}`;
  const event = message.msgType === 'event' ? (message.event === 'unknown' ? message.originalEvent : message.event) : message.msgType;
  // Job reports all come from one sender and may share a second: their job id tells them apart.
  const key = 'eventKey' in message && message.eventKey ? message.eventKey : 'msgId' in message && message.msgId ? message.msgId : '';
  return `e:${message.fromUserName}:${message.createTime}:${event}:${key}`;
}
