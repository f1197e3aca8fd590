import type { MessageKey } from '../../i18n/i18n.tsx';

/** WeChat's subscribe_scene values (how a fan came to follow), in the order the filter lists them. */
export const FAN_SOURCES = [
  'ADD_SCENE_QR_CODE',
  'ADD_SCENE_SEARCH',
  'ADD_SCENE_PROFILE_CARD',
  'ADD_SCENE_PROFILE_LINK',
  'ADD_SCENE_PROFILE_ITEM',
  'ADD_SCENE_ACCOUNT_MIGRATION',
  'ADD_SCENE_PAID',
  'ADD_SCENE_WECHAT_ADVERTISEMENT',
  'ADD_SCENE_REPRINT',
  'ADD_SCENE_LIVESTREAM',
  'ADD_SCENE_CHANNELS',
  'ADD_SCENE_WXA',
  'ADD_SCENE_OTHERS',
] as const;

export type FanSource = (typeof FAN_SOURCES)[number];

export function sourceKey(source: string | null): MessageKey | null {
  if (!source) return null;
  return (FAN_SOURCES as readonly string[]).includes(source) ? (`fan.source.${source as FanSource}` as const) : null;
}
