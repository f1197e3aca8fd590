import { MENU_BUTTON_TYPES, MENU_KEY_TYPES, type MenuButton, type MenuButtonType, type MenuSet } from '@zhanggui/shared';
import type { MenuButton as WxButton } from '@zhanggui/wechat';
import { randomBytes } from 'node:crypto';
import type { MenuKeyAction } from '../replies/reply-brain.ts';

const KEY_TYPES: ReadonlySet<string> = new Set(MENU_KEY_TYPES);
const isKeyType = (type: MenuButtonType | undefined) => type !== undefined && KEY_TYPES.has(type);

/** Every leaf (a button without sub-buttons) of a menu, with the name of the menu it sits in. */
export function leaves(set: MenuSet): Array<{ menu: string; button: MenuButton }> {
  const out: Array<{ menu: string; button: MenuButton }> = [];
  const walk = (menu: string, buttons: MenuButton[]) => {
    for (const button of buttons) for (const leaf of button.subButtons?.length ? button.subButtons : [button]) out.push({ menu, button: leaf });
  };
  walk('', set.buttons);
  for (const menu of set.conditional) walk(menu.name, menu.buttons);
  return out;
}

/** Gives every key button without a key one the platform chooses (never reused). */
export function fillKeys(set: MenuSet): MenuSet {
  const fill = (button: MenuButton): MenuButton => {
    const subButtons = button.subButtons?.length ? button.subButtons.map(fill) : undefined;
    if (subButtons) return { name: button.name, subButtons };
    const { subButtons: _drop, ...leaf } = button;
    return isKeyType(leaf.type) && !leaf.key?.trim() ? { ...leaf, key: `zg_${randomBytes(6).toString('hex')}` } : leaf;
  };
  return { buttons: set.buttons.map(fill), conditional: set.conditional.map((menu) => ({ ...menu, buttons: menu.buttons.map(fill) })) };
}

/** What the webhook answers for each key of the published menu. */
export function keyActions(set: MenuSet | null): Map<string, MenuKeyAction> {
  const map = new Map<string, MenuKeyAction>();
  for (const { button } of set ? leaves(set) : []) {
    if (isKeyType(button.type) && button.key && button.replies?.length && !map.has(button.key)) {
      map.set(button.key, { name: button.name, replies: button.replies, replyMode: button.replyMode ?? 'random' });
    }
  }
  return map;
}

/** The event key a tap on this button pushes (CLICK and friends: the key; VIEW: the link; mini program: the page). */
export function eventKeyOf(button: MenuButton): string | null {
  if (isKeyType(button.type)) return button.key ?? null;
  if (button.type === 'view') return button.url ?? null;
  if (button.type === 'miniprogram') return button.pagepath ?? null;
  return null;
}

/** Our button → WeChat's JSON (menu/create, addconditional). */
export function toWechat(buttons: MenuButton[]): WxButton[] {
  return buttons.map((button): WxButton => {
    if (button.subButtons?.length) return { name: button.name, sub_button: toWechat(button.subButtons) };
    const { name } = button;
    switch (button.type) {
      case 'view':
        return { type: 'view', name, url: button.url ?? '' };
      case 'miniprogram':
        return { type: 'miniprogram', name, url: button.url ?? '', appid: button.appid ?? '', pagepath: button.pagepath ?? '' };
      case 'media_id':
      case 'view_limited':
        return { type: button.type, name, media_id: button.mediaId ?? '' };
      case 'article_id':
      case 'article_view_limited':
        return { type: button.type, name, article_id: button.articleId ?? '' };
      default:
        return { type: button.type ?? 'click', name, key: button.key ?? '' } as WxButton;
    }
  });
}

/**
 * WeChat's JSON → our button. Replies are not on WeChat: a button whose key we already knew keeps the
 * replies it had. Types WeChat's own console makes (text, img, news…) come back without a type, for the
 * operator to choose one.
 */
export function fromWechat(raw: unknown[], known: ReadonlyMap<string, MenuButton> = new Map()): MenuButton[] {
  return raw.map((item) => {
    const b = item as Record<string, unknown>;
    const name = typeof b.name === 'string' ? b.name : '';
    const subs = Array.isArray(b.sub_button) ? b.sub_button : Array.isArray((b.sub_button as { list?: unknown })?.list) ? (b.sub_button as { list: unknown[] }).list : null;
    if (subs && subs.length) return { name, subButtons: fromWechat(subs, known) };
    const type = (MENU_BUTTON_TYPES as readonly string[]).includes(String(b.type)) ? (b.type as MenuButtonType) : undefined;
    const button: MenuButton = { name };
    if (type) button.type = type;
    const text = (field: string) => (typeof b[field] === 'string' ? (b[field] as string) : undefined);
    if (isKeyType(type)) {
      button.key = text('key');
      const before = button.key ? known.get(button.key) : undefined;
      if (before?.replies?.length) {
        button.replies = before.replies;
        button.replyMode = before.replyMode ?? 'random';
      }
    } else if (type === 'view') button.url = text('url');
    else if (type === 'miniprogram') Object.assign(button, { url: text('url'), appid: text('appid'), pagepath: text('pagepath') });
    else if (type === 'media_id' || type === 'view_limited') button.mediaId = text('media_id');
    else if (type === 'article_id' || type === 'article_view_limited') button.articleId = text('article_id');
    return button;
  });
}

/** The key buttons of a menu set by key (to carry replies across an import). */
export function buttonsByKey(set: MenuSet | null): Map<string, MenuButton> {
  const map = new Map<string, MenuButton>();
  for (const { button } of set ? leaves(set) : []) if (button.key && !map.has(button.key)) map.set(button.key, button);
  return map;
}
