import { ROLES } from '@zhanggui/shared';
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './password.ts';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{1,63}$/, 'letters, digits and . _ @ -, 2–64 characters');
export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(256);

export const loginInput = z.object({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(256) });
export const createOperatorInput = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(40),
  password: passwordSchema,
  isAdmin: z.boolean().default(false),
});
export const changePasswordInput = z.object({ currentPassword: z.string().min(1), newPassword: passwordSchema });
export const roleSchema = z.enum(ROLES);
export const addMemberInput = z.object({ username: z.string().trim().toLowerCase().min(1), role: roleSchema });
export const setRoleInput = z.object({ role: roleSchema });
