import { eq, sql } from 'drizzle-orm';
import type { MessageMode } from '@zhanggui/wechat';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { SecretBox } from '../../platform/security/secret-box.ts';
import { accounts } from './accounts.table.ts';
import { createAccountInput, updateAccountInput, type CreateAccountInput, type UpdateAccountInput } from './accounts.schema.ts';
import { said } from '../../platform/http/validation-messages.ts';

/** NOTIFY channel: an account's configuration (or anything compiled from it) changed; payload = account id. */
export const ACCOUNT_CHANGED = 'zg_account_changed';

/** What other modules see of an account: no secrets. */
export interface AccountView {
  id: number;
  name: string;
  appId: string;
  originalId: string | null;
  messageMode: MessageMode;
  accountType: 'subscription' | 'service';
  verified: boolean;
  timezone: string;
  hasAesKey: boolean;
  rotatingAesKey: boolean;
  settings: AccountSettings;
  createdAt: Date;
}

export interface AccountSettings {
  autoAssign: boolean;
  /** Answer LOCATION events (sent when a fan opens the chat) with nearby stores. */
  replyToLocationEvents: boolean;
  broadcastApproval: boolean;
}

/** The decrypted credentials, for the webhook and the token broker only. */
export interface AccountSecrets extends AccountView {
  appSecret: string;
  token: string;
  encodingAesKey: string | null;
  previousEncodingAesKey: string | null;
}

type Row = typeof accounts.$inferSelect;

export class AccountsService {
  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
  ) {}

  async create(raw: CreateAccountInput): Promise<AccountView> {
    const input = createAccountInput.parse(raw);
    const existing = await this.db.orm.select({ id: accounts.id }).from(accounts).where(eq(accounts.appId, input.appId));
    if (existing.length) throw new AppError('ACCOUNT_APPID_TAKEN', { appId: input.appId });
    const context = (field: string) => secretContext(input.appId, field);
    const [row] = await this.db.orm
      .insert(accounts)
      .values({
        name: input.name,
        appId: input.appId,
        originalId: input.originalId ?? null,
        appSecretSealed: this.box.seal(input.appSecret, context('app_secret')),
        tokenSealed: this.box.seal(input.token, context('token')),
        aesKeySealed: input.encodingAesKey ? this.box.seal(input.encodingAesKey, context('aes_key')) : null,
        messageMode: input.messageMode,
        accountType: input.accountType,
        verified: input.verified,
        timezone: input.timezone,
      })
      .returning();
    const id = row!.id;
    await this.db.notify(ACCOUNT_CHANGED, String(id));
    return present(row!);
  }

  async update(id: number, raw: UpdateAccountInput): Promise<AccountView> {
    const input = updateAccountInput.parse(raw);
    const current = await this.secrets(id);
    const context = (field: string) => secretContext(current.appId, field);
    const changes: Partial<typeof accounts.$inferInsert> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.messageMode !== undefined) changes.messageMode = input.messageMode;
    if (input.accountType !== undefined) changes.accountType = input.accountType;
    if (input.verified !== undefined) changes.verified = input.verified;
    if (input.originalId !== undefined) changes.originalId = input.originalId;
    if (input.settings !== undefined) changes.settings = { ...current.settings, ...input.settings };
    if (input.appSecret !== undefined) changes.appSecretSealed = this.box.seal(input.appSecret, context('app_secret'));
    if (input.token !== undefined) changes.tokenSealed = this.box.seal(input.token, context('token'));
    if (input.encodingAesKey !== undefined && input.encodingAesKey !== current.encodingAesKey) {
      changes.aesKeySealed = this.box.seal(input.encodingAesKey, context('aes_key'));
      changes.previousAesKeySealed = current.encodingAesKey ? this.box.seal(current.encodingAesKey, context('previous_aes_key')) : null;
    }
    const mode = input.messageMode ?? current.messageMode;
    if (mode !== 'plaintext' && !(input.encodingAesKey ?? current.encodingAesKey)) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'encodingAesKey', message: said('aesKeyNeeded') }]);
    }
    const [row] = await this.db.orm
      .update(accounts)
      .set({ ...changes, updatedAt: new Date(), revision: sql`${accounts.revision} + 1` })
      .where(eq(accounts.id, id))
      .returning();
    await this.db.notify(ACCOUNT_CHANGED, String(id));
    return present(row!);
  }

  /** Ends a key rotation: forget the previous EncodingAESKey. */
  async finishKeyRotation(id: number): Promise<void> {
    await this.db.orm.update(accounts).set({ previousAesKeySealed: null, updatedAt: new Date() }).where(eq(accounts.id, id));
    await this.db.notify(ACCOUNT_CHANGED, String(id));
  }

  async get(id: number): Promise<AccountView> {
    return present(await this.row(id));
  }

  async find(id: number): Promise<AccountView | null> {
    const [row] = await this.db.orm.select().from(accounts).where(eq(accounts.id, id));
    return row ? present(row) : null;
  }

  async list(): Promise<AccountView[]> {
    const rows = await this.db.orm.select().from(accounts).orderBy(accounts.id);
    return rows.map(present);
  }

  async findByAppId(appId: string): Promise<AccountView | null> {
    const [row] = await this.db.orm.select().from(accounts).where(eq(accounts.appId, appId));
    return row ? present(row) : null;
  }

  async secrets(id: number): Promise<AccountSecrets> {
    const row = await this.row(id);
    const context = (field: string) => secretContext(row.appId, field);
    return {
      ...present(row),
      appSecret: this.box.open(row.appSecretSealed, context('app_secret')),
      token: this.box.open(row.tokenSealed, context('token')),
      encodingAesKey: row.aesKeySealed ? this.box.open(row.aesKeySealed, context('aes_key')) : null,
      previousEncodingAesKey: row.previousAesKeySealed ? this.box.open(row.previousAesKeySealed, context('previous_aes_key')) : null,
    };
  }

  /** Records the gh_ id seen in pushes, the first time. */
  async learnOriginalId(id: number, originalId: string): Promise<void> {
    await this.db.query('update accounts set original_id = $2 where id = $1 and original_id is null', [id, originalId]);
  }

  private async row(id: number): Promise<Row> {
    const [row] = await this.db.orm.select().from(accounts).where(eq(accounts.id, id));
    if (!row) throw new AppError('ACCOUNT_NOT_FOUND', { id });
    return row;
  }
}

/** Binds a sealed secret to its account (AppIDs never change) and field. */
export function secretContext(appId: string, field: string): string {
  return `account:${appId}:${field}`;
}

function present(row: Row): AccountView {
  return {
    id: row.id,
    name: row.name,
    appId: row.appId,
    originalId: row.originalId,
    messageMode: row.messageMode,
    accountType: row.accountType,
    verified: row.verified,
    timezone: row.timezone,
    hasAesKey: row.aesKeySealed !== null,
    rotatingAesKey: row.previousAesKeySealed !== null,
    settings: { autoAssign: row.settings?.autoAssign === true, replyToLocationEvents: row.settings?.replyToLocationEvents === true, broadcastApproval: row.settings?.broadcastApproval === true },
    createdAt: row.createdAt,
  };
}
