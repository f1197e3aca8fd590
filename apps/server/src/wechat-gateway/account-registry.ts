import { CallbackCodec, type MessageMode } from '@zhanggui/wechat';
import type { Database } from '../platform/db/database.ts';
import { ACCOUNT_CHANGED, type AccountsService } from '../modules/accounts/accounts.service.ts';
import { loadReplyBrain } from '../modules/replies/brain-loader.ts';
import type { ReplyBrain } from '../modules/replies/reply-brain.ts';
import type { RepliesService } from '../modules/replies/replies.service.ts';

/** Everything the webhook needs about an account, decrypted and compiled once, kept in memory. */
export interface AccountRuntime {
  id: number;
  appId: string;
  originalId: string | null;
  mode: MessageMode;
  accountType: 'subscription' | 'service';
  verified: boolean;
  /** Round-robin assignment of new conversations. */
  autoAssign: boolean;
  timezone: string;
  codec: CallbackCodec;
  brain: ReplyBrain;
}

const MISSING_TTL_MS = 5_000;

/**
 * Per-account compiled state for the hot path. Loaded on first use; dropped and reloaded when any node
 * announces a change (NOTIFY zg_account_changed), so every node answers with the same rules.
 */
export class AccountRegistry {
  private readonly cache = new Map<number, Promise<AccountRuntime | null>>();
  private readonly missing = new Map<number, number>();
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly db: Database,
    private readonly accounts: AccountsService,
    private readonly replies: RepliesService,
    private readonly options: { maxClockSkew: number; bodyLimit: number },
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(ACCOUNT_CHANGED, (payload) => this.invalidate(Number(payload)));
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
  }

  /** The runtime for an account id, or null when there is no such account. */
  get(id: number): Promise<AccountRuntime | null> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const missedAt = this.missing.get(id);
    if (missedAt && Date.now() - missedAt < MISSING_TTL_MS) return Promise.resolve(null);
    const loading = this.load(id).then(
      (runtime) => {
        if (!runtime) {
          this.cache.delete(id);
          this.missing.set(id, Date.now());
        }
        return runtime;
      },
      (error: unknown) => {
        this.cache.delete(id);
        throw error;
      },
    );
    this.cache.set(id, loading);
    return loading;
  }

  invalidate(id: number): void {
    this.cache.delete(id);
    this.missing.delete(id);
  }

  private async load(id: number): Promise<AccountRuntime | null> {
    const view = await this.accounts.find(id);
    if (!view) return null;
    const [secrets, brain] = await Promise.all([this.accounts.secrets(id), loadReplyBrain(this.db, this.replies, view)]);
    const codec = new CallbackCodec(
      {
        appId: secrets.appId,
        token: secrets.token,
        encodingAesKey: secrets.encodingAesKey,
        previousEncodingAesKey: secrets.previousEncodingAesKey,
      },
      { requireEncryption: secrets.messageMode === 'safe', maxClockSkewSeconds: this.options.maxClockSkew, maxBodyBytes: this.options.bodyLimit },
    );
    return {
      id,
      appId: secrets.appId,
      originalId: secrets.originalId,
      mode: secrets.messageMode,
      accountType: secrets.accountType,
      verified: secrets.verified,
      autoAssign: secrets.settings.autoAssign,
      timezone: secrets.timezone,
      codec,
      brain,
    };
  }
}
