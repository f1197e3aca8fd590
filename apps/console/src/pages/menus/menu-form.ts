import { MENU_KEY_TYPES, type ConditionalMenu, type MenuButton, type MenuButtonType, type MenuSet } from '@zhanggui/shared';
import { cleanActions } from '../../components/replies/reply-actions.ts';

/** A form path; the editor's form values are the MenuSet itself, so menuIssues' paths name its fields. */
export type Path = Array<string | number>;

/** The selected button of the open menu: a top-level button, or one of its sub-buttons. */
export interface ButtonRef {
  top: number;
  sub: number | null;
}

export type MenuKeyType = (typeof MENU_KEY_TYPES)[number];

export const isKeyType = (type: MenuButtonType | undefined): type is MenuKeyType => (MENU_KEY_TYPES as readonly string[]).includes(type ?? '');

export function newButton(): MenuButton {
  return { name: '', type: 'click', key: '', replies: [], replyMode: 'random' };
}

/** A personalised menu starts as a copy of the default one (same keys answer the same way, which WeChat allows). */
export function newConditionalMenu(name: string, from: MenuButton[]): ConditionalMenu {
  const id = `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { id, name, matchRule: { tagId: null, clientPlatformType: null }, buttons: structuredClone(from) };
}

/** The form path of a menu's buttons: the default menu (null) or a personalised one by id; null when it is gone. */
export function menuButtonsPath(set: MenuSet, menuId: string | null): Path | null {
  if (menuId === null) return ['buttons'];
  const index = set.conditional.findIndex((menu) => menu.id === menuId);
  return index < 0 ? null : ['conditional', index, 'buttons'];
}

export function buttonPath(base: Path, ref: ButtonRef): Path {
  return ref.sub === null ? [...base, ref.top] : [...base, ref.top, 'subButtons', ref.sub];
}

export function buttonsAt(set: MenuSet, base: Path): MenuButton[] {
  return (valueAt(set, base) as MenuButton[] | undefined) ?? [];
}

export function buttonAt(buttons: MenuButton[], ref: ButtonRef | null): MenuButton | undefined {
  if (!ref) return undefined;
  const top = buttons[ref.top];
  return ref.sub === null ? top : top?.subButtons?.[ref.sub];
}

export function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), root);
}

export const hasSubButtons = (button: MenuButton | undefined): boolean => Boolean(button?.subButtons?.length);

/** Whether a leaf button has been given something to do beyond its default (for the "add sub-buttons" warning). */
export function hasAction(button: MenuButton): boolean {
  return Boolean(button.replies?.length || button.url || button.appid || button.pagepath || button.mediaId || button.articleId);
}

/** Whatever the form holds (the watch starts as {}), as a MenuSet. */
export function normalizeSet(values: Partial<MenuSet> | undefined): MenuSet {
  return { buttons: values?.buttons ?? [], conditional: values?.conditional ?? [] };
}

const text = (value: string | undefined | null) => (value ?? '').trim();
const optional = (value: string | undefined | null) => text(value) || undefined;

/** A button as the API takes it: only the fields of its type, replies cleaned. */
export function cleanButton(button: MenuButton, top: boolean): MenuButton {
  const name = text(button?.name);
  if (top && button?.subButtons?.length) return { name, subButtons: button.subButtons.map((sub) => cleanButton(sub, false)) };
  const type = button?.type;
  if (!type) return { name };
  if (isKeyType(type)) {
    return { name, type, key: optional(button.key), replies: cleanActions(button.replies), replyMode: button.replyMode ?? 'random' };
  }
  switch (type) {
    case 'view':
      return { name, type, url: text(button.url) };
    case 'miniprogram':
      return { name, type, url: text(button.url), appid: text(button.appid), pagepath: text(button.pagepath) };
    case 'media_id':
    case 'view_limited':
      return { name, type, mediaId: text(button.mediaId) };
    default:
      return { name, type, articleId: text(button.articleId) };
  }
}

export function cleanSet(values: Partial<MenuSet> | undefined): MenuSet {
  const set = normalizeSet(values);
  return {
    buttons: set.buttons.map((button) => cleanButton(button, true)),
    conditional: set.conditional.map((menu) => ({
      id: menu.id,
      name: text(menu.name),
      matchRule: { tagId: menu.matchRule?.tagId ?? null, clientPlatformType: menu.matchRule?.clientPlatformType ?? null },
      buttons: (menu.buttons ?? []).map((button) => cleanButton(button, true)),
    })),
  };
}

/** `list` with the item at `from` moved to `to`. */
export function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}
