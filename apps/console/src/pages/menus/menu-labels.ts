import type { MenuButtonType } from '@zhanggui/shared';

/** The button types as the type select groups them: push an event (and may answer), open something, send something. */
export const TYPE_GROUPS: Array<{ key: 'event' | 'open' | 'send'; types: MenuButtonType[] }> = [
  { key: 'event', types: ['click', 'scancode_push', 'scancode_waitmsg', 'pic_sysphoto', 'pic_photo_or_album', 'pic_weixin', 'location_select'] },
  { key: 'open', types: ['view', 'miniprogram', 'view_limited', 'article_view_limited'] },
  { key: 'send', types: ['media_id', 'article_id'] },
];

/** WeChat's client_platform_type: 1 iOS, 2 Android, 3 other. */
export const PLATFORMS = [1, 2, 3] as const;
