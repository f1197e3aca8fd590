import { MessageCrypto } from '@zhanggui/wechat';
import { DraftStore } from '../drafts/draft.store.ts';
import { FanStore } from '../fans/fan.store.ts';
import { MassState } from '../mass/mass.state.ts';
import { MediaStore } from '../media/media.store.ts';
import { MenuStore, type FanMenu } from '../menus/menu.store.ts';
import { CsWindows } from '../messages/cs-window.ts';
import { TemplateStore } from '../messages/template.store.ts';
import { PhoneBook } from '../phone/phone.store.ts';
import { QrStore } from '../qrcodes/qrcode.store.ts';
import { TagStore } from '../tags/tag.store.ts';
import type { AccountConfig } from './account.ts';
import { FaultBox } from './faults.ts';
import { effectivePermissions, type Capability } from './permissions.ts';
import { DAILY_QUOTAS, SUB_QUOTAS, UsageCounters } from './quotas.ts';

/** Public view of an emulated account. */
export interface EmulatedAccountInfo extends AccountConfig {
  /** The §5.3 matrix after overrides. */
  effectivePermissions: Record<Capability, boolean>;
  fanCount: number;
  subscribedCount: number;
  hasMenu: boolean;
}

/** One log line per push, newest last (kept short; for debugging and tests). */
export interface PushLogEntry {
  at: number;
  kind: string;
  outcome: string;
  attempts: number;
  error?: string;
}

/** Everything the emulator keeps for one account. */
export class AccountState {
  readonly fans: FanStore;
  readonly tags = new TagStore();
  readonly usage = new UsageCounters();
  readonly faults = new FaultBox();
  readonly windows = new CsWindows();
  readonly phone = new PhoneBook();
  readonly menus = new MenuStore();
  readonly qrcodes = new QrStore();
  readonly media = new MediaStore();
  readonly mass = new MassState();
  readonly templates = new TemplateStore();
  readonly drafts = new DraftStore();
  readonly pushLog: PushLogEntry[] = [];
  /** JS-SDK tickets by type (jsapi, wx_card). */
  readonly tickets = new Map<string, { ticket: string; expiresAt: number }>();
  /** clear_quota uses per month (`YYYY-MM` → count). */
  readonly quotaClears = new Map<string, number>();
  private cryptoCache: { key: string; crypto: MessageCrypto } | null = null;

  constructor(public config: AccountConfig) {
    this.fans = new FanStore(config.appId);
  }

  get appId(): string {
    return this.config.appId;
  }

  /** Safe-mode crypto with the current EncodingAESKey (rebuilt when the key changes). */
  get crypto(): MessageCrypto {
    if (this.cryptoCache?.key !== this.config.encodingAesKey) {
      this.cryptoCache = { key: this.config.encodingAesKey, crypto: new MessageCrypto(this.config.appId, this.config.encodingAesKey) };
    }
    return this.cryptoCache.crypto;
  }

  can(capability: Capability): boolean {
    return effectivePermissions(this.config.type, this.config.verified, this.config.permissions)[capability];
  }

  /** Today's cap for an API path or sub-quota key; undefined means uncapped. */
  quotaFor(key: string): number | undefined {
    return this.config.quotas[key] ?? DAILY_QUOTAS[key] ?? SUB_QUOTAS[key];
  }

  /** The menu this fan sees right now. */
  menuFor(fan: number): FanMenu | null {
    return this.menus.forFan(this.tags.tagsOf(fan).at(-1), this.fans.platform(fan));
  }

  logPush(entry: PushLogEntry): void {
    this.pushLog.push(entry);
    if (this.pushLog.length > 200) this.pushLog.splice(0, this.pushLog.length - 200);
  }

  info(): EmulatedAccountInfo {
    return {
      ...this.config,
      ipWhitelist: [...this.config.ipWhitelist],
      permissions: { ...this.config.permissions },
      quotas: { ...this.config.quotas },
      effectivePermissions: effectivePermissions(this.config.type, this.config.verified, this.config.permissions),
      fanCount: this.fans.count,
      subscribedCount: this.fans.subscribedCount,
      hasMenu: this.menus.default !== null,
    };
  }
}
