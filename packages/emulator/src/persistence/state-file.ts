import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AccountConfig } from '../accounts/account.ts';
import type { Draft, Publication } from '../drafts/draft.store.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import type { FanBatch, PersistedFan } from '../fans/fan.store.ts';
import type { MediaItem } from '../media/media.store.ts';
import type { ConditionalMenu, MenuStore } from '../menus/menu.store.ts';
import type { Template } from '../messages/template.store.ts';
import type { PhoneEntry } from '../phone/phone.store.ts';
import type { QrCode } from '../qrcodes/qrcode.store.ts';
import type { TokenRecord } from '../tokens/token.registry.ts';

/** Fans beyond this index are recreated from their bulk-creation record only (deterministic openids). */
export const PERSISTED_FANS = 10_000;
const VERSION = 1;

interface SavedAccount {
  config: AccountConfig;
  fanBatches: FanBatch[];
  fans: PersistedFan[];
  tags: { nextId: number; tags: Array<[number, string]>; fans: Array<[number, number[]]> };
  menus: { default: MenuStore['default']; conditional: ConditionalMenu[] };
  qrcodes: QrCode[];
  media: Array<Omit<MediaItem, 'data'> & { data: string }>;
  templates: Template[];
  drafts?: { drafts: Draft[]; publications: Publication[] };
  phone: Array<[number, PhoneEntry[]]>;
}

interface SavedState {
  version: number;
  savedAt: string;
  tokens: TokenRecord[];
  accounts: SavedAccount[];
}

/**
 * Saves the demo's state to a JSON file (debounced, written atomically) and loads it at start: accounts,
 * the first 10,000 fans, tags, menus, QR codes, permanent material, templates, drafts and published articles,
 * phone histories and tokens.
 * Not kept: quotas and counters, mass jobs, temporary media, injected faults, the clock offset.
 */
export class StateFile {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly path: string,
    private readonly core: EmulatorCore,
    private readonly debounceMs = 300,
  ) {}

  /** Loads the file if it exists; returns whether it did. */
  load(): boolean {
    if (!existsSync(this.path)) return false;
    const state = JSON.parse(readFileSync(this.path, 'utf8')) as SavedState;
    if (state.version !== VERSION) throw new Error(`state file ${this.path} has version ${state.version}; expected ${VERSION}`);
    const now = this.core.clock.now();
    for (const saved of state.accounts) {
      const account = this.core.accounts.create(saved.config);
      for (const batch of saved.fanBatches) account.fans.create(batch.count, { subscribed: batch.subscribed, nowSeconds: batch.at });
      for (const fan of saved.fans) account.fans.restore(fan);
      account.tags.import(saved.tags, account.fans.count);
      account.menus.import(saved.menus);
      account.qrcodes.import(saved.qrcodes.filter((code) => code.expiresAt === null || code.expiresAt > now));
      account.media.import(saved.media);
      account.templates.import(saved.templates);
      account.drafts.import(saved.drafts);
      account.phone.import(saved.phone, account.fans.count);
      for (const [, entries] of saved.phone) for (const entry of entries) this.core.phoneHub.bump(entry.seq);
    }
    this.core.accounts.tokens.import(state.tokens.filter((record) => this.core.accounts.find(record.appId)));
    return true;
  }

  /** Saves soon; repeated calls within the debounce window save once. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save();
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Saves now if a save is pending. */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.save();
  }

  save(): void {
    const now = this.core.clock.now();
    const state: SavedState = {
      version: VERSION,
      savedAt: new Date().toISOString(),
      tokens: this.core.accounts.tokens.export(),
      accounts: this.core.accounts.list().map((account) => ({
        config: account.config,
        fanBatches: account.fans.batches,
        fans: account.fans.exportRows(PERSISTED_FANS),
        tags: account.tags.export(PERSISTED_FANS),
        menus: account.menus.export(),
        qrcodes: account.qrcodes.export(now),
        media: account.media.export(),
        templates: account.templates.export(),
        drafts: account.drafts.export(),
        phone: account.phone.export(PERSISTED_FANS),
      })),
    };
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, this.path);
  }
}
