import { EmulatorError } from '../core/emulator-error.ts';
import { OpenidCodec } from './openid.ts';

/** `subscribe_scene` values (§4.7). */
export const SUBSCRIBE_SCENES = [
  'ADD_SCENE_SEARCH',
  'ADD_SCENE_ACCOUNT_MIGRATION',
  'ADD_SCENE_PROFILE_CARD',
  'ADD_SCENE_QR_CODE',
  'ADD_SCENE_PROFILE_LINK',
  'ADD_SCENE_PROFILE_ITEM',
  'ADD_SCENE_PAID',
  'ADD_SCENE_WECHAT_ADVERTISEMENT',
  'ADD_SCENE_REPRINT',
  'ADD_SCENE_LIVESTREAM',
  'ADD_SCENE_CHANNELS',
  'ADD_SCENE_OTHERS',
] as const;
export type SubscribeScene = (typeof SUBSCRIBE_SCENES)[number];
export const LANGUAGES = ['zh_CN', 'zh_TW', 'en'] as const;

const SUBSCRIBED = 1;
const BLACKLISTED = 2;
/** A safety cap, far above the million fans benchmarks need. */
export const MAX_FANS_PER_ACCOUNT = 10_000_000;
// Scenes a bulk-created fan is given, picked by index so a restart recreates the same fans.
const BULK_SCENES: SubscribeScene[] = ['ADD_SCENE_SEARCH', 'ADD_SCENE_PROFILE_CARD', 'ADD_SCENE_PROFILE_LINK', 'ADD_SCENE_PROFILE_ITEM', 'ADD_SCENE_OTHERS'];

export interface QrScene {
  sceneId: number;
  sceneStr: string;
}

export interface FanSnapshot {
  index: number;
  openid: string;
  subscribed: boolean;
  blacklisted: boolean;
  subscribeTime: number;
  subscribeScene: SubscribeScene;
  language: string;
  remark: string;
  qrScene: number;
  qrSceneStr: string;
}

export interface PersistedFan {
  index: number;
  subscribed: boolean;
  blacklisted: boolean;
  subscribeTime: number;
  scene: string;
  language: string;
  remark: string;
  qr?: QrScene;
}

/** A record of one bulk creation, kept so the state file can recreate large fan sets without storing them. */
export interface FanBatch {
  first: number;
  count: number;
  subscribed: boolean;
  at: number;
}

/**
 * The fans of one account, column-wise in typed arrays (a million fans take ~7 MB). Openids are computed,
 * not stored. Rarely-set fields (remark, QR scene) live in sparse maps.
 */
export class FanStore {
  readonly codec: OpenidCodec;
  count = 0;
  subscribedCount = 0;
  readonly batches: FanBatch[] = [];
  private flags = new Uint8Array(16);
  private subscribeTime = new Uint32Array(16);
  private scene = new Uint8Array(16);
  private language = new Uint8Array(16);
  private readonly remarks = new Map<number, string>();
  private readonly qrScenes = new Map<number, QrScene>();
  private readonly blacklisted = new Set<number>();

  constructor(appId: string) {
    this.codec = new OpenidCodec(appId);
  }

  /** Appends `count` fans. Subscribed ones get a follow time spread over the past year and a non-QR scene. */
  create(count: number, options: { subscribed: boolean; nowSeconds: number }): { first: number; count: number } {
    if (!Number.isInteger(count) || count < 1) throw new EmulatorError('FAN_COUNT_INVALID', 'count must be a positive integer');
    if (this.count + count > MAX_FANS_PER_ACCOUNT) throw new EmulatorError('FAN_COUNT_INVALID', `at most ${MAX_FANS_PER_ACCOUNT} fans per account`);
    const first = this.count;
    this.ensureCapacity(first + count);
    const end = first + count;
    if (options.subscribed) {
      this.flags.fill(SUBSCRIBED, first, end);
      for (let i = first; i < end; i++) {
        const spread = (Math.imul(i + 1, 2654435761) >>> 0) % (365 * 86_400);
        this.subscribeTime[i] = Math.max(0, options.nowSeconds - spread);
        this.scene[i] = SUBSCRIBE_SCENES.indexOf(BULK_SCENES[i % BULK_SCENES.length]!);
        this.language[i] = i % 20 === 7 ? 1 : i % 20 === 13 ? 2 : 0;
      }
      this.subscribedCount += count;
    }
    this.count = end;
    this.batches.push({ first, count, subscribed: options.subscribed, at: options.nowSeconds });
    return { first, count };
  }

  openid(index: number): string {
    this.check(index);
    return this.codec.encode(index);
  }

  openids(indices: ArrayLike<number>): string[] {
    return this.codec.encodeMany(indices);
  }

  /** The index of one of this account's fans, or -1. */
  indexOf(openid: unknown): number {
    const index = this.codec.decode(openid);
    return index >= 0 && index < this.count ? index : -1;
  }

  isSubscribed(index: number): boolean {
    return (this.flags[index]! & SUBSCRIBED) !== 0;
  }

  isBlacklisted(index: number): boolean {
    return (this.flags[index]! & BLACKLISTED) !== 0;
  }

  subscribe(index: number, nowSeconds: number, scene: SubscribeScene, qr?: QrScene): void {
    this.check(index);
    if (!this.isSubscribed(index)) this.subscribedCount += 1;
    this.flags[index]! |= SUBSCRIBED;
    this.subscribeTime[index] = nowSeconds;
    this.scene[index] = SUBSCRIBE_SCENES.indexOf(scene);
    if (qr) this.qrScenes.set(index, qr);
    else this.qrScenes.delete(index);
  }

  unsubscribe(index: number): void {
    this.check(index);
    if (this.isSubscribed(index)) this.subscribedCount -= 1;
    this.flags[index]! &= ~SUBSCRIBED;
  }

  setBlacklisted(index: number, on: boolean): void {
    this.check(index);
    if (on) {
      this.flags[index]! |= BLACKLISTED;
      this.blacklisted.add(index);
    } else {
      this.flags[index]! &= ~BLACKLISTED;
      this.blacklisted.delete(index);
    }
  }

  /** Blacklisted fans in index order. */
  blacklist(): number[] {
    return [...this.blacklisted].sort((a, b) => a - b);
  }

  remark(index: number): string {
    return this.remarks.get(index) ?? '';
  }

  setRemark(index: number, remark: string): void {
    if (remark) this.remarks.set(index, remark);
    else this.remarks.delete(index);
  }

  setLanguage(index: number, language: string): void {
    const value = LANGUAGES.indexOf(language as (typeof LANGUAGES)[number]);
    if (value >= 0) this.language[index] = value;
  }

  /** Client platform for conditional menus (1 iOS, 2 Android), fixed per fan. */
  platform(index: number): number {
    return (index % 2) + 1;
  }

  snapshot(index: number): FanSnapshot {
    this.check(index);
    const qr = this.qrScenes.get(index);
    return {
      index,
      openid: this.codec.encode(index),
      subscribed: this.isSubscribed(index),
      blacklisted: this.isBlacklisted(index),
      subscribeTime: this.subscribeTime[index]!,
      subscribeScene: SUBSCRIBE_SCENES[this.scene[index]!] ?? 'ADD_SCENE_OTHERS',
      language: LANGUAGES[this.language[index]!] ?? 'zh_CN',
      remark: this.remark(index),
      qrScene: qr?.sceneId ?? 0,
      qrSceneStr: qr?.sceneStr ?? '',
    };
  }

  /** Up to `limit` subscribed fans with index >= `from`, in index order (the follower list order). */
  subscribedFrom(from: number, limit: number): number[] {
    const out: number[] = [];
    const flags = this.flags;
    for (let i = Math.max(0, from); i < this.count && out.length < limit; i++) if (flags[i]! & SUBSCRIBED) out.push(i);
    return out;
  }

  /** The fields of fans below `limit` for the state file (openids are recomputed on load). */
  exportRows(limit: number): PersistedFan[] {
    const rows: PersistedFan[] = [];
    for (let i = 0; i < Math.min(limit, this.count); i++) {
      const qr = this.qrScenes.get(i);
      rows.push({
        index: i,
        subscribed: this.isSubscribed(i),
        blacklisted: this.isBlacklisted(i),
        subscribeTime: this.subscribeTime[i]!,
        scene: SUBSCRIBE_SCENES[this.scene[i]!] ?? 'ADD_SCENE_OTHERS',
        language: LANGUAGES[this.language[i]!] ?? 'zh_CN',
        remark: this.remark(i),
        ...(qr ? { qr } : {}),
      });
    }
    return rows;
  }

  /** Restores the dense fields of one fan (state file). */
  restore(fan: PersistedFan): void {
    if (fan.index >= this.count) return;
    const wasSubscribed = this.isSubscribed(fan.index);
    if (wasSubscribed !== fan.subscribed) this.subscribedCount += fan.subscribed ? 1 : -1;
    this.flags[fan.index] = fan.subscribed ? SUBSCRIBED : 0;
    this.setBlacklisted(fan.index, fan.blacklisted);
    this.subscribeTime[fan.index] = fan.subscribeTime;
    this.scene[fan.index] = Math.max(0, SUBSCRIBE_SCENES.indexOf(fan.scene as SubscribeScene));
    this.setLanguage(fan.index, fan.language);
    this.setRemark(fan.index, fan.remark);
    if (fan.qr) this.qrScenes.set(fan.index, fan.qr);
  }

  private check(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) throw new EmulatorError('FAN_NOT_FOUND', `no fan #${index}`, 404);
  }

  private ensureCapacity(size: number): void {
    if (size <= this.flags.length) return;
    let capacity = this.flags.length;
    while (capacity < size) capacity *= 2;
    this.flags = grow(this.flags, new Uint8Array(capacity));
    this.subscribeTime = grow(this.subscribeTime, new Uint32Array(capacity));
    this.scene = grow(this.scene, new Uint8Array(capacity));
    this.language = grow(this.language, new Uint8Array(capacity));
  }
}

function grow<T extends Uint8Array | Uint32Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
