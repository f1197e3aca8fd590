/**
 * Custom menus (自定义菜单) and QR channels (渠道二维码): the shapes the console and the server share, and the
 * menu limits of wechat-protocol.md §4.8, checked the same way in the editor (before publishing) and on the
 * server (before anything reaches WeChat).
 */
import type { ReplyAction } from './replies-api.ts';

/** Button types that carry a key and push an event named after the type. */
export const MENU_KEY_TYPES = ['click', 'scancode_push', 'scancode_waitmsg', 'pic_sysphoto', 'pic_photo_or_album', 'pic_weixin', 'location_select'] as const;
export const MENU_BUTTON_TYPES = [...MENU_KEY_TYPES, 'view', 'miniprogram', 'media_id', 'article_id', 'view_limited', 'article_view_limited'] as const;
export type MenuButtonType = (typeof MENU_BUTTON_TYPES)[number];

export const MENU_LIMITS = { top: 3, sub: 5, topNameBytes: 16, subNameBytes: 60, keyBytes: 128, urlBytes: 1024, conditional: 20, conditionalDomains: 3 } as const;

/**
 * One button. A top-level button either has `subButtons` (1–5, then no type) or is a leaf with a type.
 * Key types (click, scancode_*, pic_*, location_select) get a key chosen by the platform when left empty and
 * may answer with `replies` (any reply, or a conversation flow).
 */
export interface MenuButton {
  name: string;
  type?: MenuButtonType;
  key?: string;
  /** view: the link; miniprogram: the fallback link for old clients. */
  url?: string;
  /** miniprogram */
  appid?: string;
  pagepath?: string;
  /** media_id / view_limited: a permanent material id. */
  mediaId?: string;
  /** article_id / article_view_limited: a published article id. */
  articleId?: string;
  /** What a key button answers (sent at random or all, like a rule's replies). */
  replies?: ReplyAction[];
  replyMode?: 'random' | 'all';
  subButtons?: MenuButton[];
}

/** Only the conditions WeChat still accepts: a tag (ours, mapped to WeChat's tag id) and the client platform. */
export interface MenuMatchRule {
  tagId?: number | null;
  /** 1 iOS, 2 Android, 3 other */
  clientPlatformType?: 1 | 2 | 3 | null;
}

export interface ConditionalMenu {
  /** Stable id in the document (the editor's key). */
  id: string;
  name: string;
  matchRule: MenuMatchRule;
  buttons: MenuButton[];
}

/** The account's menus as edited: the default menu and the personalised (conditional) menus, newest last. */
export interface MenuSet {
  buttons: MenuButton[];
  conditional: ConditionalMenu[];
}

export interface MenuState {
  draft: MenuSet;
  /** What is on WeChat now, as far as we know (null: never published or imported). */
  published: MenuSet | null;
  publishedAt: string | null;
  /** Whether the draft differs from what was published. */
  dirty: boolean;
  updatedAt: string | null;
}

/** trymatch: the menu a fan sees right now, according to WeChat. */
export interface MenuTryMatchResult {
  openid: string;
  buttons: MenuButton[];
  /** The personalised menu it matched, or null for the default menu. */
  matched: { id: string; name: string } | null;
}

export interface MenuClickStats {
  /** Local days, oldest first (YYYY-MM-DD). */
  days: string[];
  buttons: Array<{ key: string; name: string; menu: string; type: MenuButtonType; total: number; daily: number[] }>;
}

/** A problem in a menu, with the path of the field (e.g. ['buttons', 0, 'subButtons', 2, 'name']). */
export interface MenuIssue {
  path: Array<string | number>;
  code: 'BUTTONS_COUNT' | 'SUB_BUTTONS_COUNT' | 'NAME_REQUIRED' | 'NAME_TOO_LONG' | 'TYPE_REQUIRED' | 'KEY_TOO_LONG' | 'KEY_DUPLICATE' | 'URL_INVALID' | 'URL_TOO_LONG' | 'FIELD_REQUIRED' | 'RULE_EMPTY' | 'TOO_MANY_MENUS' | 'TOO_MANY_DOMAINS';
  zh: string;
  en: string;
}

const encoder = new TextEncoder();
export const utf8Bytes = (text: string): number => encoder.encode(text).length;

const isKeyType = (type: MenuButtonType | undefined): boolean => (MENU_KEY_TYPES as readonly string[]).includes(type ?? '');

/**
 * Every problem WeChat would refuse (40016–40027, 65304, 65316), said in words. Keys left empty are
 * not a problem: the platform fills them in on save.
 */
export function menuIssues(set: MenuSet): MenuIssue[] {
  const issues: MenuIssue[] = [];
  const keys = new Map<string, string>();
  checkButtons(set.buttons, ['buttons'], issues, keys);
  if (set.conditional.length > MENU_LIMITS.conditional) {
    issues.push({ path: ['conditional'], code: 'TOO_MANY_MENUS', zh: `个性化菜单最多 ${MENU_LIMITS.conditional} 个`, en: `At most ${MENU_LIMITS.conditional} personalised menus` });
  }
  const domains = new Set<string>();
  set.conditional.forEach((menu, i) => {
    if (!menu.name.trim()) issues.push({ path: ['conditional', i, 'name'], code: 'NAME_REQUIRED', zh: '请填写菜单名称', en: 'Name the menu' });
    if (menu.matchRule.tagId == null && menu.matchRule.clientPlatformType == null) {
      issues.push({ path: ['conditional', i, 'matchRule'], code: 'RULE_EMPTY', zh: '请至少选择一个条件（标签或手机系统）', en: 'Choose at least one condition (a tag or the phone system)' });
    }
    checkButtons(menu.buttons, ['conditional', i, 'buttons'], issues, keys);
    for (const url of links(menu.buttons)) domains.add(url);
  });
  if (domains.size > MENU_LIMITS.conditionalDomains) {
    issues.push({
      path: ['conditional'],
      code: 'TOO_MANY_DOMAINS',
      zh: `个性化菜单中的链接最多来自 ${MENU_LIMITS.conditionalDomains} 个域名（现在有 ${domains.size} 个：${[...domains].join('、')}）`,
      en: `Links in personalised menus may use at most ${MENU_LIMITS.conditionalDomains} domains (now ${domains.size}: ${[...domains].join(', ')})`,
    });
  }
  return issues;
}

function checkButtons(buttons: MenuButton[], path: Array<string | number>, issues: MenuIssue[], keys: Map<string, string>): void {
  if (buttons.length < 1 || buttons.length > MENU_LIMITS.top) {
    issues.push({ path, code: 'BUTTONS_COUNT', zh: `一级菜单需要 1–${MENU_LIMITS.top} 个`, en: `A menu needs 1–${MENU_LIMITS.top} top-level buttons` });
  }
  buttons.forEach((button, i) => {
    const at = [...path, i];
    if (button.subButtons && button.subButtons.length > 0) {
      checkName(button.name, MENU_LIMITS.topNameBytes, at, issues, true);
      if (button.subButtons.length > MENU_LIMITS.sub) {
        issues.push({ path: [...at, 'subButtons'], code: 'SUB_BUTTONS_COUNT', zh: `子菜单最多 ${MENU_LIMITS.sub} 个`, en: `At most ${MENU_LIMITS.sub} sub-buttons` });
      }
      button.subButtons.forEach((sub, j) => checkLeaf(sub, [...at, 'subButtons', j], MENU_LIMITS.subNameBytes, issues, keys));
    } else {
      checkLeaf(button, at, MENU_LIMITS.topNameBytes, issues, keys);
    }
  });
}

function checkName(name: string, maxBytes: number, at: Array<string | number>, issues: MenuIssue[], top: boolean): void {
  if (!name.trim()) issues.push({ path: [...at, 'name'], code: 'NAME_REQUIRED', zh: '请填写菜单名称', en: 'Name the button' });
  else if (utf8Bytes(name) > maxBytes) {
    const chars = Math.floor(maxBytes / 3);
    issues.push({
      path: [...at, 'name'],
      code: 'NAME_TOO_LONG',
      zh: `${top ? '一级' : '子'}菜单名称最多 ${maxBytes} 字节（约 ${chars} 个汉字），现在 ${utf8Bytes(name)} 字节`,
      en: `A ${top ? 'top-level' : 'sub-'}button name has at most ${maxBytes} bytes (about ${chars} Chinese characters); this one has ${utf8Bytes(name)}`,
    });
  }
}

function checkLeaf(button: MenuButton, at: Array<string | number>, maxNameBytes: number, issues: MenuIssue[], keys: Map<string, string>): void {
  checkName(button.name, maxNameBytes, at, issues, maxNameBytes === MENU_LIMITS.topNameBytes);
  const type = button.type;
  if (!type || !(MENU_BUTTON_TYPES as readonly string[]).includes(type)) {
    issues.push({ path: [...at, 'type'], code: 'TYPE_REQUIRED', zh: '请选择菜单动作（或添加子菜单）', en: 'Choose what the button does (or add sub-buttons)' });
    return;
  }
  const required = (field: keyof MenuButton, zh: string, en: string) => {
    const value = button[field];
    if (typeof value !== 'string' || !value.trim()) issues.push({ path: [...at, field], code: 'FIELD_REQUIRED', zh, en });
  };
  if (isKeyType(type) && button.key) {
    if (utf8Bytes(button.key) > MENU_LIMITS.keyBytes) {
      issues.push({ path: [...at, 'key'], code: 'KEY_TOO_LONG', zh: `菜单 KEY 最多 ${MENU_LIMITS.keyBytes} 字节`, en: `A key has at most ${MENU_LIMITS.keyBytes} bytes` });
    }
    // One key, one answer: a copied button may share its key only if it answers the same way.
    const answer = JSON.stringify([button.replies ?? [], button.replyMode ?? 'random']);
    const seen = keys.get(button.key);
    if (seen === undefined) keys.set(button.key, answer);
    else if (seen !== answer) {
      issues.push({ path: [...at, 'key'], code: 'KEY_DUPLICATE', zh: `KEY「${button.key}」已被另一个回复不同的按钮使用`, en: `The key "${button.key}" is used by another button that answers differently` });
    }
  }
  if (type === 'view' || type === 'miniprogram') {
    const url = button.url?.trim() ?? '';
    if (!/^https?:\/\/[^/\s]+/i.test(url)) issues.push({ path: [...at, 'url'], code: 'URL_INVALID', zh: '请填写以 http:// 或 https:// 开头的链接', en: 'Enter a link starting with http:// or https://' });
    else if (utf8Bytes(url) > MENU_LIMITS.urlBytes) issues.push({ path: [...at, 'url'], code: 'URL_TOO_LONG', zh: `链接最多 ${MENU_LIMITS.urlBytes} 字节`, en: `A link has at most ${MENU_LIMITS.urlBytes} bytes` });
  }
  if (type === 'miniprogram') {
    required('appid', '请填写小程序 AppID', 'Enter the mini program AppID');
    required('pagepath', '请填写小程序页面路径', 'Enter the mini program page path');
  }
  if (type === 'media_id' || type === 'view_limited') required('mediaId', '请选择永久素材（media_id）', 'Choose a permanent material (media_id)');
  if (type === 'article_id' || type === 'article_view_limited') required('articleId', '请填写已发布图文的 article_id', 'Enter the article_id of a published article');
}

function links(buttons: MenuButton[]): string[] {
  const hosts: string[] = [];
  for (const button of buttons) {
    for (const leaf of button.subButtons?.length ? button.subButtons : [button]) {
      const host = (leaf.type === 'view' || leaf.type === 'miniprogram') && leaf.url ? /^https?:\/\/([^/:?#]+)/i.exec(leaf.url)?.[1]?.toLowerCase() : undefined;
      if (host) hosts.push(host);
    }
  }
  return hosts;
}

// ——— QR channels ———

export type QrKind = 'temporary' | 'permanent';
export type QrSceneType = 'int' | 'str';

/** The longest a temporary code may live (30 days, wechat-protocol.md §4.9). */
export const QR_MAX_EXPIRE_SECONDS = 2_592_000;
export const QR_MAX_PERMANENT = 100_000;

export interface QrChannelInput {
  name: string;
  note?: string | null;
  /** The channel's own welcome for fans who follow or scan through it; empty: the account's welcome. */
  welcome?: ReplyAction[];
  welcomeMode?: 'random' | 'all';
  /** Our tag ids, applied to every fan who scans a code of the channel. */
  tagIds?: number[];
  /** The poster's caption under the code. */
  caption?: string | null;
  enabled?: boolean;
}

/** Retention of follows through a channel: of those old enough to tell, how many still follow. */
export interface Retention {
  eligible: number;
  retained: number;
}

export interface QrChannelStats {
  scans: number;
  /** Follows made by scanning one of the channel's codes. */
  newFollows: number;
  /** Of those follows, how many unfollowed later. */
  unfollowed: number;
  /** Still following 7 / 30 days after the follow. */
  retained7: Retention;
  retained30: Retention;
}

export interface QrChannelView extends Required<Omit<QrChannelInput, 'note' | 'caption'>> {
  id: number;
  note: string | null;
  caption: string | null;
  hasPoster: boolean;
  codeCount: number;
  stats: QrChannelStats;
  createdAt: string;
}

export interface QrCodeInput {
  kind: QrKind;
  sceneType: QrSceneType;
  /** Temporary codes: 60 s – 30 days. */
  expireSeconds?: number;
  /** e.g. "2 号桌" or "店员 小王". */
  label?: string | null;
}

export interface QrCodeView {
  id: number;
  channelId: number;
  label: string | null;
  kind: QrKind;
  sceneType: QrSceneType;
  /** scene_id as decimal or scene_str: the value pushed in EventKey. */
  scene: string;
  ticket: string;
  /** What the code encodes (WeChat's http://weixin.qq.com/q/… link). */
  url: string;
  expiresAt: string | null;
  createdAt: string;
  scans: number;
  follows: number;
}

/** Daily scans and follows per channel, for the chart. */
export interface QrChannelSeries {
  days: string[];
  channels: Array<{ id: number; name: string; scans: number[]; follows: number[] }>;
}
