import { MESSAGE_MODES } from '@zhanggui/wechat';
import { z } from 'zod';

// Formats from wechat-protocol.md §1.1 (Token, EncodingAESKey) and the console's own AppID/AppSecret forms.
export const appIdSchema = z.string().regex(/^wx[0-9a-zA-Z]{16}$/, 'AppID is "wx" followed by 16 letters or digits');
export const appSecretSchema = z.string().regex(/^[0-9a-zA-Z]{16,64}$/, 'AppSecret is 32 letters or digits');
export const callbackTokenSchema = z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'Token is 3–32 letters or digits');
export const encodingAesKeySchema = z.string().regex(/^[A-Za-z0-9]{43}$/, 'EncodingAESKey is exactly 43 letters or digits');
export const originalIdSchema = z.string().regex(/^gh_[0-9a-zA-Z]{6,}$/, 'the original id starts with gh_');

export const createAccountInput = z
  .object({
    name: z.string().trim().min(1).max(64),
    appId: appIdSchema,
    appSecret: appSecretSchema,
    token: callbackTokenSchema,
    encodingAesKey: encodingAesKeySchema.optional(),
    messageMode: z.enum(MESSAGE_MODES as [string, ...string[]]).default('safe') as z.ZodType<'plaintext' | 'compatible' | 'safe'>,
    accountType: z.enum(['subscription', 'service']).default('subscription'),
    verified: z.boolean().default(false),
    originalId: originalIdSchema.optional(),
    timezone: z.string().default('Asia/Shanghai'),
  })
  .refine((input) => input.messageMode === 'plaintext' || input.encodingAesKey, {
    message: 'compatible and safe modes need an EncodingAESKey',
    path: ['encodingAesKey'],
  });
export type CreateAccountInput = z.input<typeof createAccountInput>;

export const updateAccountInput = z.object({
  name: z.string().trim().min(1).max(64).optional(),
  appSecret: appSecretSchema.optional(),
  token: callbackTokenSchema.optional(),
  /** A new key: the current one is kept as the previous key so pushes under it still open during the switch. */
  encodingAesKey: encodingAesKeySchema.optional(),
  messageMode: (z.enum(MESSAGE_MODES as [string, ...string[]]) as z.ZodType<'plaintext' | 'compatible' | 'safe'>).optional(),
  accountType: z.enum(['subscription', 'service']).optional(),
  verified: z.boolean().optional(),
  originalId: originalIdSchema.optional(),
  settings: z.object({ autoAssign: z.boolean().optional(), replyToLocationEvents: z.boolean().optional(), broadcastApproval: z.boolean().optional() }).strict().optional(),
});
export type UpdateAccountInput = z.input<typeof updateAccountInput>;
