import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Filters from a query string (GET /fans, /fans/count, /fans/export.csv). */
export const fanFilterQuery = z.object({
  tag: z.union([z.literal('untagged'), z.coerce.number().int().positive().max(2_147_483_647)]).optional(),
  subscribed: bool.optional(),
  source: z.string().max(64).optional(),
  channel: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  interactedAfter: z.iso.datetime({ offset: true }).optional(),
  interactedBefore: z.iso.datetime({ offset: true }).optional(),
  blacklisted: bool.optional(),
  member: bool.optional(),
  levelId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  gender: z.enum(['male', 'female']).optional(),
  region: z.string().trim().min(1).max(40).optional(),
  q: z.string().trim().max(100).optional(),
});
export type FanFilter = z.output<typeof fanFilterQuery>;

/** The same filters in a JSON body (batch actions). */
export const fanFilterBody = z.object({
  tag: z.union([z.literal('untagged'), z.number().int().positive().max(2_147_483_647)]).optional(),
  subscribed: z.boolean().optional(),
  source: z.string().max(64).optional(),
  channel: z.number().int().positive().max(2_147_483_647).optional(),
  interactedAfter: z.iso.datetime({ offset: true }).optional(),
  interactedBefore: z.iso.datetime({ offset: true }).optional(),
  blacklisted: z.boolean().optional(),
  member: z.boolean().optional(),
  levelId: z.number().int().positive().max(2_147_483_647).optional(),
  gender: z.enum(['male', 'female']).optional(),
  region: z.string().trim().min(1).max(40).optional(),
  q: z.string().trim().max(100).optional(),
});

export const fanBatchInput = z
  .object({
    action: z.enum(['tag', 'untag', 'blacklist', 'unblacklist']),
    tagId: z.number().int().positive().optional(),
    fanIds: z.array(z.number().int().positive()).max(500).optional(),
    filter: fanFilterBody.optional(),
  })
  .refine((input) => (input.fanIds ? 1 : 0) + (input.filter ? 1 : 0) === 1, { message: 'give either fanIds or filter', path: ['fanIds'] })
  .refine((input) => !['tag', 'untag'].includes(input.action) || input.tagId !== undefined, { message: 'tagId is required', path: ['tagId'] });
export type FanBatchInput = z.output<typeof fanBatchInput>;

export const remarkInput = z.object({ remark: z.string().trim().max(30) });
