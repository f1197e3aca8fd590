import { z } from 'zod';

const url = z.string().url().max(1024);

/** A passive reply, validated (wechat-protocol.md §3). */
export const replySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), content: z.string().min(1).max(2000) }),
  z.object({ type: z.literal('image'), mediaId: z.string().min(1) }),
  z.object({ type: z.literal('voice'), mediaId: z.string().min(1) }),
  z.object({ type: z.literal('video'), mediaId: z.string().min(1), title: z.string().max(64).optional(), description: z.string().max(120).optional() }),
  z.object({
    type: z.literal('music'),
    title: z.string().max(64).optional(),
    description: z.string().max(120).optional(),
    musicUrl: url.optional(),
    hqMusicUrl: url.optional(),
    thumbMediaId: z.string().optional(),
  }),
  z.object({
    type: z.literal('news'),
    articles: z
      .array(z.object({ title: z.string().min(1).max(64), description: z.string().max(120).optional(), picUrl: url.optional(), url: url.optional() }))
      .min(1)
      .max(8),
  }),
  z.object({ type: z.literal('transfer_customer_service'), kfAccount: z.string().optional() }),
]);

export const ruleInput = z
  .object({
    name: z.string().trim().min(1).max(60),
    trigger: z.enum(['subscribe', 'default', 'keyword']),
    keywords: z.array(z.object({ text: z.string().trim().min(1).max(60), match: z.enum(['exact', 'contains']) })).max(200).default([]),
    replies: z.array(replySchema).min(1).max(10),
    priority: z.number().int().min(-1000).max(1000).default(0),
    enabled: z.boolean().default(true),
  })
  .refine((rule) => rule.trigger !== 'keyword' || rule.keywords.length > 0, { message: 'a keyword rule needs at least one keyword', path: ['keywords'] });
export type RuleInput = z.input<typeof ruleInput>;
