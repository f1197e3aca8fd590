import type { AccountView, CreateAccountInput, MessageMode, UpdateAccountInput } from '@zhanggui/shared';

/** The connection form's values (create and edit). In edit mode, empty secrets mean "unchanged". */
export interface AccountFormValues {
  name: string;
  appId: string;
  appSecret: string;
  accountType: 'subscription' | 'service';
  verified: boolean;
  token: string;
  encodingAesKey: string;
  messageMode: MessageMode;
}

export const STEP_FIELDS: ReadonlyArray<ReadonlyArray<keyof AccountFormValues>> = [
  ['name', 'appId', 'appSecret', 'accountType', 'verified'],
  ['token', 'encodingAesKey', 'messageMode'],
];

export const NEW_ACCOUNT: AccountFormValues = {
  name: '',
  appId: '',
  appSecret: '',
  accountType: 'service',
  verified: false,
  token: '',
  encodingAesKey: '',
  messageMode: 'safe',
};

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random letters and digits from the browser's CSPRNG (rejection sampling keeps it unbiased). */
export function randomAlphanumeric(length: number): string {
  const out: string[] = [];
  const limit = 256 - (256 % ALPHANUMERIC.length);
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out.push(ALPHANUMERIC[byte % ALPHANUMERIC.length]!);
    }
  }
  return out.join('');
}

/** WeChat: Token 3–32 letters/digits; we generate 32. */
export const generateToken = () => randomAlphanumeric(32);
/** WeChat: EncodingAESKey is exactly 43 letters/digits. */
export const generateAesKey = () => randomAlphanumeric(43);

export const PATTERNS = {
  appId: /^wx[0-9a-zA-Z]{16}$/,
  appSecret: /^[0-9a-zA-Z]{32}$/,
  token: /^[0-9a-zA-Z]{3,32}$/,
  encodingAesKey: /^[0-9a-zA-Z]{43}$/,
};

export function toCreateInput(values: AccountFormValues): CreateAccountInput {
  return {
    name: values.name.trim(),
    appId: values.appId.trim(),
    appSecret: values.appSecret.trim(),
    token: values.token.trim(),
    encodingAesKey: values.encodingAesKey.trim() || undefined,
    messageMode: values.messageMode,
    accountType: values.accountType,
    verified: values.verified,
  };
}

/** Only what changed; secrets only when typed (they are never sent back to the console). */
export function toUpdateInput(values: AccountFormValues, current: AccountView): UpdateAccountInput {
  const input: UpdateAccountInput = {};
  if (values.name.trim() !== current.name) input.name = values.name.trim();
  if (values.accountType !== current.accountType) input.accountType = values.accountType;
  if (values.verified !== current.verified) input.verified = values.verified;
  if (values.messageMode !== current.messageMode) input.messageMode = values.messageMode;
  if (values.appSecret.trim()) input.appSecret = values.appSecret.trim();
  if (values.token.trim()) input.token = values.token.trim();
  if (values.encodingAesKey.trim()) input.encodingAesKey = values.encodingAesKey.trim();
  return input;
}

export function fromAccount(account: AccountView): AccountFormValues {
  return { ...NEW_ACCOUNT, name: account.name, appId: account.appId, accountType: account.accountType, verified: account.verified, messageMode: account.messageMode };
}
