import { pooledRandomBytes, randomString } from '../core/ids.ts';
import { WxError } from '../core/wx-error.ts';

export type QrActionName = 'QR_SCENE' | 'QR_STR_SCENE' | 'QR_LIMIT_SCENE' | 'QR_LIMIT_STR_SCENE';

export interface QrCode {
  ticket: string;
  url: string;
  actionName: QrActionName;
  /** scene_id for integer codes (0 for string codes). */
  sceneId: number;
  /** scene_str for string codes ('' for integer codes). */
  sceneStr: string;
  permanent: boolean;
  /** ms */
  createdAt: number;
  /** ms; null for permanent codes. */
  expiresAt: number | null;
  expireSeconds?: number;
}

/** Temporary codes default to 60 s (one older doc says 30) and may live up to 30 days (§4.9). */
export const DEFAULT_EXPIRE_SECONDS = 60;
export const MAX_EXPIRE_SECONDS = 2_592_000;
export const MAX_PERMANENT_CODES = 100_000;
export const MAX_PERMANENT_SCENE_ID = 100_000;
export const MAX_SCENE_STR = 64;

/** The parametric QR codes of one account. */
export class QrStore {
  private readonly byTicket = new Map<string, QrCode>();
  private readonly byUrl = new Map<string, QrCode>();
  private readonly permanentByScene = new Map<string, QrCode>();

  /**
   * qrcode/create. Ranges are enforced strictly (47003 `argument invalid!`) where the docs give them; the
   * community reports out-of-range scene ids silently becoming 4294967295, which would hide a bug.
   */
  create(body: Record<string, unknown>, nowMs: number): QrCode {
    const actionName = body.action_name;
    if (actionName !== 'QR_SCENE' && actionName !== 'QR_STR_SCENE' && actionName !== 'QR_LIMIT_SCENE' && actionName !== 'QR_LIMIT_STR_SCENE') {
      throw new WxError(40053, 'invalid action name');
    }
    const info = body.action_info as { scene?: { scene_id?: unknown; scene_str?: unknown } } | undefined;
    const scene = info?.scene ?? {};
    const permanent = actionName.startsWith('QR_LIMIT');
    const stringScene = actionName.endsWith('STR_SCENE');
    let sceneId = 0;
    let sceneStr = '';
    if (stringScene) {
      if (typeof scene.scene_str !== 'string' || scene.scene_str.length < 1 || scene.scene_str.length > MAX_SCENE_STR) {
        throw new WxError(47003, 'argument invalid! scene_str');
      }
      sceneStr = scene.scene_str;
    } else {
      const id = typeof scene.scene_id === 'string' && /^\d+$/.test(scene.scene_id) ? Number(scene.scene_id) : scene.scene_id;
      const max = permanent ? MAX_PERMANENT_SCENE_ID : 0xffff_ffff;
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > max) throw new WxError(47003, 'argument invalid! scene_id');
      sceneId = id;
    }

    if (permanent) {
      // The same permanent scene always gives back the same code.
      const key = stringScene ? `s:${sceneStr}` : `i:${sceneId}`;
      const existing = this.permanentByScene.get(key);
      if (existing) return existing;
      if (this.permanentByScene.size >= MAX_PERMANENT_CODES) throw new WxError(40053);
      const code = this.mint({ actionName, sceneId, sceneStr, permanent, nowMs, expireSeconds: undefined });
      this.permanentByScene.set(key, code);
      return code;
    }

    let expireSeconds = DEFAULT_EXPIRE_SECONDS;
    if (body.expire_seconds !== undefined) {
      const value = Number(body.expire_seconds);
      if (!Number.isInteger(value) || value < 1 || value > MAX_EXPIRE_SECONDS) throw new WxError(47003, 'argument invalid! expire_seconds');
      expireSeconds = value;
    }
    return this.mint({ actionName, sceneId, sceneStr, permanent, nowMs, expireSeconds });
  }

  /** A code by ticket or by its `http://weixin.qq.com/q/…` URL; 'expired' for temporary codes past their time. */
  find(ticketOrUrl: string, nowMs: number): QrCode | 'expired' | null {
    const code = this.byTicket.get(ticketOrUrl) ?? this.byUrl.get(ticketOrUrl) ?? this.byTicket.get(safeDecode(ticketOrUrl));
    if (!code) return null;
    if (code.expiresAt !== null && nowMs >= code.expiresAt) return 'expired';
    return code;
  }

  /** The scene value as pushed in EventKey: scene_id as unsigned decimal, or scene_str (§2.3). */
  static sceneValue(code: QrCode): string {
    return code.sceneStr || String(code.sceneId >>> 0);
  }

  export(nowMs: number): QrCode[] {
    return [...this.byTicket.values()].filter((code) => code.expiresAt === null || code.expiresAt > nowMs);
  }

  import(codes: QrCode[]): void {
    for (const code of codes) this.index(code);
  }

  private mint(input: { actionName: QrActionName; sceneId: number; sceneStr: string; permanent: boolean; nowMs: number; expireSeconds: number | undefined }): QrCode {
    const url = `http://weixin.qq.com/q/02${randomString(20)}`;
    const code: QrCode = {
      ticket: makeTicket(url, input.nowMs, input.expireSeconds ?? 0),
      url,
      actionName: input.actionName,
      sceneId: input.sceneId,
      sceneStr: input.sceneStr,
      permanent: input.permanent,
      createdAt: input.nowMs,
      expiresAt: input.expireSeconds === undefined ? null : input.nowMs + input.expireSeconds * 1000,
    };
    if (input.expireSeconds !== undefined) code.expireSeconds = input.expireSeconds;
    this.index(code);
    return code;
  }

  private index(code: QrCode): void {
    this.byTicket.set(code.ticket, code);
    this.byUrl.set(code.url, code);
    if (code.permanent) this.permanentByScene.set(code.sceneStr ? `s:${code.sceneStr}` : `i:${code.sceneId}`, code);
  }
}

/**
 * An opaque ticket shaped like WeChat's: base64 of a binary blob that happens to contain the URL (the
 * sample ticket in §6.5 decodes that way), padded so it ends in '==' and must be URL-encoded.
 */
function makeTicket(url: string, nowMs: number, expireSeconds: number): string {
  const head = Buffer.from([0x81, 0x01, 0x00, 0x00]);
  const urlBytes = Buffer.from(url, 'latin1');
  const tail = Buffer.alloc(12);
  tail.writeUInt16BE(0x0204, 0);
  tail.writeUInt32BE(Math.floor(nowMs / 1000) >>> 0, 2);
  tail.writeUInt16BE(0x0304, 6);
  tail.writeUInt32BE(expireSeconds >>> 0, 8);
  const blob = Buffer.concat([head, pooledRandomBytes(6), Buffer.from([urlBytes.length]), urlBytes, tail]);
  // Pad to a length ≡ 1 (mod 3) so the base64 ends in '=='.
  return Buffer.concat([blob, pooledRandomBytes((4 - (blob.length % 3)) % 3)]).toString('base64');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
