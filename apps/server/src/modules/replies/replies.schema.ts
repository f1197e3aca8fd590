import { z } from 'zod';
import { compileRegex, RegexError } from './keyword-matcher.ts';
import { webUrl } from '../../platform/validation.ts';
import { said } from '../../platform/http/validation-messages.ts';

const url = webUrl;
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time as HH:MM');

/** A message the fan receives (wechat-protocol.md §3 limits). */
export const messageReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), content: z.string().min(1).max(2000) }),
  z.object({ type: z.literal('image'), mediaId: z.string().min(1).max(200) }),
  z.object({ type: z.literal('voice'), mediaId: z.string().min(1).max(200) }),
  z.object({ type: z.literal('video'), mediaId: z.string().min(1).max(200), title: z.string().max(64).optional(), description: z.string().max(120).optional() }),
  z.object({
    type: z.literal('music'),
    title: z.string().max(64).optional(),
    description: z.string().max(120).optional(),
    musicUrl: url.optional(),
    hqMusicUrl: url.optional(),
    thumbMediaId: z.string().max(200).optional(),
  }),
  z.object({
    type: z.literal('news'),
    articles: z
      .array(z.object({ title: z.string().min(1).max(64), description: z.string().max(240).optional(), picUrl: url.optional(), url: url.optional() }))
      .min(1)
      .max(8),
  }),
]);

// One discriminated union on `type`, so errors name the field (replies.0.articles), not just "invalid input".
export const replyActionSchema = z.discriminatedUnion('type', [
  ...messageReplySchema.options,
  z.object({ type: z.literal('transfer_customer_service') }),
  z.object({ type: z.literal('flow'), flowId: z.number().int().positive() }),
  z.object({ type: z.literal('search'), scope: z.enum(['all', 'knowledge', 'products']), notFound: z.string().max(500).optional() }),
  z.object({ type: z.literal('stores_nearby'), notFound: z.string().max(500).optional() }),
  z.object({ type: z.literal('member_card') }),
  z.object({ type: z.literal('coupon'), templateId: z.number().int().positive() }),
  z.object({ type: z.literal('checkin') }),
]);

const keywordSchema = z.object({ text: z.string().trim().min(1).max(200), match: z.enum(['exact', 'contains', 'prefix', 'suffix', 'regex']) });

export const ruleInput = z
  .object({
    name: z.string().trim().min(1).max(60),
    trigger: z.enum(['subscribe', 'default', 'keyword', 'message_type']),
    keywords: z.array(keywordSchema).max(200).default([]),
    messageTypes: z.array(z.enum(['image', 'voice', 'video', 'shortvideo', 'location', 'link'])).max(6).default([]),
    ignoreCase: z.boolean().default(true),
    foldWidth: z.boolean().default(true),
    replies: z.array(replyActionSchema).min(1).max(10),
    replyMode: z.enum(['random', 'all']).default('random'),
    priority: z.number().int().min(-1000).max(1000).default(0),
    enabled: z.boolean().default(true),
    schedule: z.array(z.object({ days: z.array(z.number().int().min(1).max(7)).min(1), from: hhmm, to: hhmm })).max(14).default([]),
  })
  .superRefine((rule, ctx) => {
    if (rule.trigger === 'keyword' && rule.keywords.length === 0) ctx.addIssue({ code: 'custom', path: ['keywords'], message: said('keywordsNeeded') });
    if (rule.trigger === 'message_type' && rule.messageTypes.length === 0) ctx.addIssue({ code: 'custom', path: ['messageTypes'], message: said('messageTypesNeeded') });
    rule.keywords.forEach((keyword, i) => {
      if (keyword.match !== 'regex') return;
      try {
        compileRegex(keyword.text, rule.ignoreCase);
      } catch (error) {
        // RE2 syntax: no backreferences or lookarounds, so no catastrophic backtracking.
        if (error instanceof RegexError) ctx.addIssue({ code: 'custom', path: ['keywords', i, 'text'], message: said('regex', error.message) });
      }
    });
    rule.schedule.forEach((window, i) => {
      if (window.from === window.to) ctx.addIssue({ code: 'custom', path: ['schedule', i, 'to'], message: said('emptyWindow') });
    });
  });
export type RuleInput = z.input<typeof ruleInput>;
export type RuleValues = z.output<typeof ruleInput>;
