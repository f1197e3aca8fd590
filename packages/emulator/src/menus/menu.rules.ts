import { WxError } from '../core/wx-error.ts';

/** Button types that carry a `key` and push an event named after the type (§4.8). */
export const KEY_TYPES = ['click', 'scancode_push', 'scancode_waitmsg', 'pic_sysphoto', 'pic_photo_or_album', 'pic_weixin', 'location_select'] as const;
export const BUTTON_TYPES = [...KEY_TYPES, 'view', 'miniprogram', 'media_id', 'view_limited', 'article_id', 'article_view_limited'] as const;
export type ButtonType = (typeof BUTTON_TYPES)[number];

/** A validated button as stored (only the documented fields are kept). */
export interface StoredButton {
  name: string;
  type?: ButtonType;
  key?: string;
  url?: string;
  appid?: string;
  pagepath?: string;
  media_id?: string;
  article_id?: string;
  sub_button?: StoredButton[];
}

export interface MatchRule {
  tag_id?: string;
  client_platform_type?: string;
}

// Current limits: 16 bytes top level, 60 bytes for sub-buttons (older docs: 40); key 128; url 1024 (older: 256).
export const LIMITS = { top: 3, sub: 5, topNameBytes: 16, subNameBytes: 60, keyBytes: 128, urlBytes: 1024 } as const;

const PRIVACY_FIELDS = ['sex', 'country', 'province', 'city', 'language', 'group_id'];

/** Errcodes differ for top-level and sub-buttons (40016–40020 vs 40023–40027, §5.1). */
const CODES = {
  top: { type: 40017, name: 40018, key: 40019, url: 40020, domain: 40055 },
  sub: { type: 40024, name: 40025, key: 40026, url: 40027, domain: 40054 },
} as const;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates a `button` array the way menu/create does and returns what to store. `permanentMedia`
 * says whether a media_id names permanent material (media_id / view_limited buttons need one).
 */
export function validateButtons(buttons: unknown, permanentMedia: (id: string) => boolean): StoredButton[] {
  if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > LIMITS.top) throw new WxError(40016);
  return buttons.map((button) => {
    if (!isObject(button)) throw new WxError(47001);
    const subs = button.sub_button;
    if (subs !== undefined && !Array.isArray(subs)) throw new WxError(47001);
    if (Array.isArray(subs) && subs.length > 0) {
      // A button has either sub_button or a type, never both.
      if (button.type !== undefined) throw new WxError(40017);
      const name = checkName(button.name, LIMITS.topNameBytes, CODES.top.name);
      if (subs.length > LIMITS.sub) throw new WxError(40023);
      return { name, sub_button: subs.map((sub) => validateLeaf(sub, 'sub', permanentMedia)) };
    }
    return validateLeaf(button, 'top', permanentMedia);
  });
}

function validateLeaf(raw: unknown, level: 'top' | 'sub', permanentMedia: (id: string) => boolean): StoredButton {
  const codes = CODES[level];
  if (!isObject(raw)) throw new WxError(47001);
  if (Array.isArray(raw.sub_button) && raw.sub_button.length > 0) throw new WxError(40024);
  const name = checkName(raw.name, level === 'top' ? LIMITS.topNameBytes : LIMITS.subNameBytes, codes.name);
  const type = raw.type;
  if (typeof type !== 'string' || !(BUTTON_TYPES as readonly string[]).includes(type)) throw new WxError(codes.type);
  const button: StoredButton = { type: type as ButtonType, name };
  if ((KEY_TYPES as readonly string[]).includes(type)) {
    button.key = checkSized(raw.key, LIMITS.keyBytes, codes.key);
  } else if (type === 'view') {
    button.url = checkUrl(raw.url, codes.url, codes.domain);
  } else if (type === 'miniprogram') {
    button.url = checkUrl(raw.url, codes.url, codes.domain);
    if (typeof raw.appid !== 'string' || raw.appid === '') throw new WxError(47003, 'argument invalid! appid');
    if (typeof raw.pagepath !== 'string' || raw.pagepath === '') throw new WxError(47003, 'argument invalid! pagepath');
    button.appid = raw.appid;
    button.pagepath = raw.pagepath;
  } else if (type === 'media_id' || type === 'view_limited') {
    if (typeof raw.media_id !== 'string' || !permanentMedia(raw.media_id)) throw new WxError(40007);
    button.media_id = raw.media_id;
  } else {
    if (typeof raw.article_id !== 'string' || raw.article_id === '') throw new WxError(47003, 'argument invalid! article_id');
    button.article_id = raw.article_id;
  }
  return button;
}

function checkName(name: unknown, maxBytes: number, errcode: number): string {
  if (typeof name !== 'string' || name === '' || bytes(name) > maxBytes) throw new WxError(errcode);
  return name;
}

function checkSized(value: unknown, maxBytes: number, errcode: number): string {
  if (typeof value !== 'string' || value === '' || bytes(value) > maxBytes) throw new WxError(errcode);
  return value;
}

function checkUrl(value: unknown, sizeErrcode: number, domainErrcode: number): string {
  const url = checkSized(value, LIMITS.urlBytes, sizeErrcode);
  if (!/^https?:\/\/[^/\s]+/i.test(url)) throw new WxError(domainErrcode);
  return url;
}

/** Validates a conditional menu's matchrule (§4.8): privacy fields → 65320; nothing usable → 65304. */
export function validateMatchRule(rule: unknown): MatchRule {
  if (!isObject(rule)) throw new WxError(65304);
  for (const field of PRIVACY_FIELDS) {
    const value = rule[field];
    if (value !== undefined && value !== null && String(value) !== '') throw new WxError(65320);
  }
  const tagId = rule.tag_id === undefined || rule.tag_id === null ? '' : String(rule.tag_id);
  const platform = rule.client_platform_type === undefined || rule.client_platform_type === null ? '' : String(rule.client_platform_type);
  if (tagId === '' && platform === '') throw new WxError(65304);
  if (platform !== '' && !['1', '2', '3'].includes(platform)) throw new WxError(47003, 'argument invalid! client_platform_type');
  if (tagId !== '' && !/^\d+$/.test(tagId)) throw new WxError(47003, 'argument invalid! tag_id');
  const out: MatchRule = {};
  if (tagId) out.tag_id = tagId;
  if (platform) out.client_platform_type = platform;
  return out;
}

/** Hostnames of every link in a menu (for the 3-domain limit on conditional menus, 65316). */
export function linkDomains(buttons: StoredButton[]): string[] {
  const hosts: string[] = [];
  for (const button of buttons) {
    for (const leaf of button.sub_button ?? [button]) {
      if (leaf.url && (leaf.type === 'view' || leaf.type === 'miniprogram')) {
        const host = /^https?:\/\/([^/:?#]+)/i.exec(leaf.url)?.[1]?.toLowerCase();
        if (host) hosts.push(host);
      }
    }
  }
  return hosts;
}
