import { createHash } from 'node:crypto';
import { AccountRegistry } from './accounts/account.registry.ts';
import type { AccountState } from './accounts/account-state.ts';
import { Clock } from './core/clock.ts';
import { MsgIdSequence } from './core/ids.ts';
import { TaskTracker } from './core/tasks.ts';
import { OAuthStore } from './oauth/oauth.store.ts';
import type { PushBase } from './push/inbound.builder.ts';
import { PushService, type DeliveryOptions } from './push/push.service.ts';
import { PhoneHub, type PhoneEntry, type PhoneEntryInput } from './phone/phone.store.ts';

/**
 * The shared state and helpers every service and route of one emulator instance uses. It owns no HTTP:
 * the Fastify app and the public `Emulator` class are built around it.
 */
export class EmulatorCore {
  readonly clock = new Clock();
  readonly accounts = new AccountRegistry();
  readonly phoneHub = new PhoneHub();
  readonly tasks = new TaskTracker();
  readonly msgIds = new MsgIdSequence();
  readonly oauth = new OAuthStore();
  readonly push: PushService;
  /** The emulator's own base URL (set once it listens): media, QR images and OAuth pages live there. */
  baseUrl = 'http://127.0.0.1';
  private changeListener: (() => void) | null = null;

  constructor(delivery: DeliveryOptions) {
    this.push = new PushService(this.clock, delivery);
  }

  /** Something persistent changed (the state file saves, debounced). */
  changed(): void {
    this.changeListener?.();
  }

  onChange(listener: () => void): void {
    this.changeListener = listener;
  }

  /** Adds a bubble to a fan's phone and shows it on open phone pages. */
  addPhone(account: AccountState, fan: number, input: PhoneEntryInput): PhoneEntry {
    const entry = { ...stripUndefined(input), seq: this.phoneHub.nextSeq(), at: this.clock.now() } as PhoneEntry;
    account.phone.add(fan, entry);
    this.phoneHub.publish(account.appId, fan, { kind: 'entry', entry });
    this.changed();
    return entry;
  }

  /** Everything the fan's phone shows, oldest first: its own history merged with mass messages it received. */
  phoneOf(account: AccountState, fan: number): PhoneEntry[] {
    const own = account.phone.own(fan);
    const mass = account.mass.entriesFor(fan);
    if (mass.length === 0) return [...own];
    return [...own, ...mass].sort((a, b) => a.seq - b.seq);
  }

  /** Where the emulator serves a media item's bytes (PicUrl, image bubbles, video_url). */
  mediaUrl(account: AccountState, mediaId: string): string {
    return `${this.baseUrl}/_emulator/media/${encodeURIComponent(account.appId)}/${encodeURIComponent(mediaId)}`;
  }

  /** The head of a push from a fan to the account. */
  pushBase(account: AccountState, fan: number): PushBase {
    return { toUserName: account.config.originalId, fromUserName: account.fans.openid(fan), createTime: this.clock.seconds() };
  }

  /**
   * The sender of job-finish pushes (MASSSENDJOBFINISH): real pushes carry some openid there; we use a
   * fixed, openid-shaped value per account that belongs to no fan.
   */
  systemOpenid(account: AccountState): string {
    return `o${createHash('sha256').update(`system:${account.appId}`).digest('base64url').slice(0, 27)}`;
  }

  reset(): void {
    this.accounts.clear();
    this.oauth.clear();
    this.clock.reset();
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
