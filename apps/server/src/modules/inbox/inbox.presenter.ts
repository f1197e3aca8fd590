import type { ConversationView, MessageView, TagRef } from '@zhanggui/shared';
import { replyWindow } from './reply-window.ts';

/** The columns of `fans` the inbox reads (snake_case, as raw SQL returns them). */
export interface FanRow {
  id: number;
  account_id: number;
  openid: string;
  subscribed: boolean;
  remark: string | null;
  conversation_status: 'open' | 'closed';
  starred: boolean;
  unread_count: number;
  assignee_id: number | null;
  last_message_at: Date | null;
  last_replied_at: Date | null;
  last_window_event_at: Date | null;
  message_window_used: number;
  event_window_used: number;
  last_interaction_at: Date;
  lm_direction?: 'in' | 'out' | null;
  lm_msg_type?: string | null;
  lm_event?: string | null;
  lm_content?: string | null;
  lm_sent_at?: Date | null;
}

export interface MessageRow {
  id: number;
  account_id: number;
  fan_id: number;
  direction: 'in' | 'out';
  msg_type: string;
  event: string | null;
  event_key: string | null;
  content: string | null;
  payload: Record<string, unknown> | null;
  reply: Record<string, unknown> | null;
  reply_source: string | null;
  operator_id: number | null;
  status: 'received' | 'sent' | 'failed';
  error: { code: string; message: string } | null;
  sent_at: Date;
}

export interface PresentContext {
  canUseCustomerService: boolean;
  lang: 'zh' | 'en';
  operatorNames: Map<number, string>;
  tagsByFan: Map<number, TagRef[]>;
}

/** The remark, or "粉丝 ab12cd" / "Fan ab12cd" from the end of the openid. */
export function displayName(fan: { remark: string | null; openid: string }, lang: 'zh' | 'en' = 'zh'): string {
  return fan.remark?.trim() || `${lang === 'en' ? 'Fan' : '粉丝'} ${fan.openid.slice(-6)}`;
}

export function presentConversation(fan: FanRow, ctx: PresentContext): ConversationView {
  const preview = fan.lm_direction ? previewOf({ msg_type: fan.lm_msg_type ?? '', event: fan.lm_event ?? null, content: fan.lm_content ?? null }, ctx.lang) : null;
  return {
    fanId: fan.id,
    openid: fan.openid,
    displayName: displayName(fan, ctx.lang),
    subscribed: fan.subscribed,
    status: fan.conversation_status,
    starred: fan.starred,
    unreadCount: fan.unread_count,
    unanswered: fan.conversation_status === 'open' && !!fan.last_message_at && (!fan.last_replied_at || fan.last_message_at > fan.last_replied_at),
    assignee: fan.assignee_id ? { id: fan.assignee_id, displayName: ctx.operatorNames.get(fan.assignee_id) ?? '' } : null,
    lastMessage: fan.lm_direction && fan.lm_sent_at ? { direction: fan.lm_direction, preview: preview ?? '', at: fan.lm_sent_at.toISOString() } : null,
    lastInboundAt: fan.last_interaction_at.toISOString(),
    window: replyWindow(
      {
        subscribed: fan.subscribed,
        lastMessageAt: fan.last_message_at,
        messageWindowUsed: fan.message_window_used,
        lastWindowEventAt: fan.last_window_event_at,
        eventWindowUsed: fan.event_window_used,
      },
      ctx.canUseCustomerService,
      ctx.lang,
    ),
    tags: ctx.tagsByFan.get(fan.id) ?? [],
  };
}

const EVENT_LABELS: Record<string, { zh: string; en: string }> = {
  subscribe: { zh: '关注了公众号', en: 'followed' },
  unsubscribe: { zh: '取消了关注', en: 'unfollowed' },
  SCAN: { zh: '扫描了二维码', en: 'scanned a QR code' },
  CLICK: { zh: '点击了菜单', en: 'clicked a menu' },
  VIEW: { zh: '打开了菜单链接', en: 'opened a menu link' },
  LOCATION: { zh: '上报了位置', en: 'reported a location' },
};

/** One line for lists: the text, or what kind of message it was. */
export function previewOf(m: { msg_type: string; event: string | null; content: string | null }, lang: 'zh' | 'en'): string {
  if (m.msg_type === 'event') {
    const label = EVENT_LABELS[m.event ?? ''];
    return label ? `[${label[lang]}]` : `[${m.event ?? 'event'}]`;
  }
  if (m.msg_type === 'text') return m.content ?? '';
  const kinds: Record<string, { zh: string; en: string }> = {
    image: { zh: '图片', en: 'Image' },
    voice: { zh: '语音', en: 'Voice' },
    video: { zh: '视频', en: 'Video' },
    shortvideo: { zh: '小视频', en: 'Short video' },
    location: { zh: '位置', en: 'Location' },
    link: { zh: '链接', en: 'Link' },
    news: { zh: '图文', en: 'News' },
  };
  const kind = kinds[m.msg_type]?.[lang] ?? m.msg_type;
  return m.content ? `[${kind}] ${m.content}` : `[${kind}]`;
}

/** A reply (passive or sent) as one readable line. */
function replyText(reply: Record<string, unknown>): { type: string; text: string } {
  const type = String(reply.type ?? '');
  if (type === 'text') return { type, text: String(reply.content ?? '') };
  if (type === 'news') {
    const articles = (reply.articles as Array<{ title?: string }> | undefined) ?? [];
    return { type, text: articles.map((a) => a.title ?? '').join(' / ') };
  }
  if (type === 'music' || type === 'video') return { type, text: String(reply.title ?? type) };
  return { type, text: `[${type}]` };
}

export function presentMessage(m: MessageRow, ctx: Pick<PresentContext, 'operatorNames'>, mediaUrl: (messageId: number) => string): MessageView {
  const payload = m.payload ?? {};
  let media: MessageView['media'] = null;
  if (m.msg_type === 'image') media = { url: mediaUrl(m.id) };
  else if (m.msg_type === 'location') media = { latitude: Number(payload.latitude), longitude: Number(payload.longitude), label: String(payload.label ?? '') };
  else if (m.msg_type === 'link') media = { title: String(payload.title ?? ''), url: undefined };
  const sentText = m.direction === 'out' && m.reply ? replyText(m.reply).text : null;
  return {
    id: m.id,
    direction: m.direction,
    msgType: m.msg_type,
    event: m.event,
    eventKey: m.event_key,
    content: m.direction === 'out' ? (m.content ?? sentText) : m.content,
    media,
    autoReply: m.direction === 'in' && m.reply ? replyText(m.reply) : null,
    source: m.reply_source,
    operator: m.operator_id ? { id: m.operator_id, displayName: ctx.operatorNames.get(m.operator_id) ?? '' } : null,
    status: m.status,
    error: m.error ? { code: m.error.code, message: m.error.message } : null,
    at: m.sent_at.toISOString(),
  };
}
