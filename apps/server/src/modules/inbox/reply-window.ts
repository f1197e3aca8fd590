import type { ReplyWindow } from '@zhanggui/shared';

/** wechat-protocol.md §4.3: a fan's message opens 48 h with 5 messages; a follow, click or scan opens 1 minute with 3. */
export const MESSAGE_WINDOW = { ms: 48 * 3600_000, quota: 5 };
export const EVENT_WINDOW = { ms: 60_000, quota: 3 };

export interface WindowState {
  subscribed: boolean;
  lastMessageAt: Date | null;
  messageWindowUsed: number;
  lastWindowEventAt: Date | null;
  eventWindowUsed: number;
}

interface Open {
  kind: 'message' | 'event';
  until: number;
  left: number;
}

function openWindows(fan: WindowState, now: number): Open[] {
  if (!fan.subscribed) return [];
  const windows: Open[] = [];
  if (fan.lastMessageAt && fan.lastMessageAt.getTime() + MESSAGE_WINDOW.ms > now) {
    windows.push({ kind: 'message', until: fan.lastMessageAt.getTime() + MESSAGE_WINDOW.ms, left: Math.max(0, MESSAGE_WINDOW.quota - fan.messageWindowUsed) });
  }
  if (fan.lastWindowEventAt && fan.lastWindowEventAt.getTime() + EVENT_WINDOW.ms > now) {
    windows.push({ kind: 'event', until: fan.lastWindowEventAt.getTime() + EVENT_WINDOW.ms, left: Math.max(0, EVENT_WINDOW.quota - fan.eventWindowUsed) });
  }
  return windows;
}

/** What the composer may do right now, with the reason in words when it may not. */
export function replyWindow(fan: WindowState, canUseCustomerService: boolean, lang: 'zh' | 'en', now = Date.now()): ReplyWindow {
  const open = openWindows(fan, now);
  const remaining = open.reduce((sum, w) => sum + w.left, 0);
  const usable = open.filter((w) => w.left > 0);
  const closesAt = usable.length ? new Date(Math.max(...usable.map((w) => w.until))).toISOString() : null;
  const state = open.some((w) => w.kind === 'message') ? 'open' : open.length ? 'short' : 'closed';
  let blockedReason: string | null = null;
  if (!canUseCustomerService) {
    blockedReason = lang === 'en' ? 'This account type cannot send customer-service messages (it must be verified).' : '该公众号未认证，不能使用客服消息接口主动回复。';
  } else if (!fan.subscribed) {
    blockedReason = lang === 'en' ? 'The fan has unfollowed the account.' : '粉丝已取消关注，无法回复。';
  } else if (open.length === 0) {
    blockedReason = lang === 'en' ? 'The fan has not written in the last 48 hours; you can reply when they write again.' : '粉丝超过 48 小时未发消息，需等粉丝再次发消息后才能回复。';
  } else if (remaining === 0) {
    blockedReason = lang === 'en' ? 'The replies allowed in this window are used up; wait for the fan to write again.' : '本次互动后可回复的条数已用完，请等待粉丝再次发消息。';
  }
  return { state, closesAt, remaining, blockedReason };
}

/** Which window a send uses: the one closing first that still has quota (as WeChat does). */
export function windowToConsume(fan: WindowState, now = Date.now()): 'message' | 'event' | null {
  const usable = openWindows(fan, now)
    .filter((w) => w.left > 0)
    .sort((a, b) => a.until - b.until);
  return usable[0]?.kind ?? null;
}
