import { createHash } from 'node:crypto';
import { generateEncodingAesKey, type MessageMode } from '@zhanggui/wechat';
import { EmulatorError } from '../core/emulator-error.ts';
import { CAPABILITIES, type AccountType, type Capability } from './permissions.ts';

/** What a test or the demo gives to create an emulated account. */
export interface AccountInput {
  appId: string;
  secret: string;
  /** Push signature token: letters and digits, 3–32 characters (§1.1). */
  token: string;
  /** 43 characters from [A-Za-z0-9]; generated when absent. */
  encodingAesKey?: string;
  mode: MessageMode;
  /** Default 'service'. */
  type?: AccountType;
  /** Default true (a verified service account may call every API). */
  verified?: boolean;
  /** gh_ + 12 hex; derived from the appId when absent, so it is stable across restarts. */
  originalId?: string;
  /** Where pushes go; may be set later. */
  callbackUrl?: string | null;
  /** Display name on the phone pages. */
  name?: string;
  /** When non-empty, token calls from other IPs answer 40164. */
  ipWhitelist?: string[];
  /** Overrides of the §5.3 permission matrix. */
  permissions?: Partial<Record<Capability, boolean>>;
  /** Overrides of the §5.2 daily quotas, per API path (or sub-quota key). */
  quotas?: Record<string, number>;
}

export type AccountPatch = Partial<Omit<AccountInput, 'appId'>>;

export interface AccountConfig {
  appId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  mode: MessageMode;
  type: AccountType;
  verified: boolean;
  originalId: string;
  callbackUrl: string | null;
  name: string;
  ipWhitelist: string[];
  permissions: Partial<Record<Capability, boolean>>;
  quotas: Record<string, number>;
}

const APP_ID = /^[A-Za-z0-9_-]{3,64}$/;
const TOKEN = /^[A-Za-z0-9]{3,32}$/;
const AES_KEY = /^[A-Za-z0-9]{43}$/;
const ORIGINAL_ID = /^gh_[0-9a-f]{12}$/;
const MODES: readonly MessageMode[] = ['plaintext', 'compatible', 'safe'];

/** Validates an account; `existing` is the current config when patching. Throws EmulatorError. */
export function normalizeAccount(input: AccountInput | (AccountPatch & { appId: string }), existing?: AccountConfig): AccountConfig {
  const bad = (why: string) => new EmulatorError('ACCOUNT_INVALID', why);
  const appId = input.appId;
  if (typeof appId !== 'string' || !APP_ID.test(appId)) throw bad('appId must be 3–64 letters, digits, _ or -');
  const merged = { ...existing, ...stripUndefined(input) } as Partial<AccountConfig> & { appId: string };

  if (typeof merged.secret !== 'string' || merged.secret === '') throw bad('secret is required');
  if (typeof merged.token !== 'string' || !TOKEN.test(merged.token)) throw bad('token must be 3–32 letters or digits (§1.1)');
  const encodingAesKey = merged.encodingAesKey ?? generateEncodingAesKey();
  if (!AES_KEY.test(encodingAesKey)) throw bad('encodingAesKey must be 43 letters or digits');
  if (!MODES.includes(merged.mode as MessageMode)) throw bad(`mode must be one of ${MODES.join(', ')}`);
  const type = merged.type ?? 'service';
  if (type !== 'service' && type !== 'subscription') throw bad("type must be 'service' or 'subscription'");
  const originalId = merged.originalId ?? `gh_${createHash('sha256').update(`gh:${appId}`).digest('hex').slice(0, 12)}`;
  if (!ORIGINAL_ID.test(originalId)) throw bad('originalId must be gh_ followed by 12 hex digits');
  const callbackUrl = merged.callbackUrl ?? null;
  // §1.1 allows only ports 80/443 on the real platform; local servers use any port, so that is not enforced.
  if (callbackUrl !== null && !/^https?:\/\/[^\s]+$/i.test(callbackUrl)) throw bad('callbackUrl must start with http:// or https://');
  const permissions = merged.permissions ?? {};
  for (const key of Object.keys(permissions)) if (!CAPABILITIES.includes(key as Capability)) throw bad(`unknown capability ${key}`);
  const quotas = merged.quotas ?? {};
  for (const [key, value] of Object.entries(quotas)) if (!Number.isInteger(value) || value < 0) throw bad(`quota ${key} must be a whole number`);

  return {
    appId,
    secret: merged.secret,
    token: merged.token,
    encodingAesKey,
    mode: merged.mode as MessageMode,
    type,
    verified: merged.verified ?? true,
    originalId,
    callbackUrl,
    name: merged.name ?? `测试公众号 ${appId.slice(-4)}`,
    ipWhitelist: merged.ipWhitelist ?? [],
    permissions,
    quotas,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
