import { MATERIAL_KINDS, NEWS_LIMITS, VIDEO_LIMITS } from '@zhanggui/shared';
import { z } from 'zod';
import { said } from '../../platform/http/validation-messages.ts';
import { webUrl } from '../../platform/validation.ts';

/** The form fields of an upload (multipart strings; empty means absent). */
export const uploadFields = z
  .object({
    kind: z.enum(MATERIAL_KINDS),
    title: z.string().trim().max(VIDEO_LIMITS.title).optional(),
    description: z.string().trim().max(VIDEO_LIMITS.description).optional(),
  })
  .transform((v) => ({ kind: v.kind, title: v.title || null, description: v.description || null }))
  .superRefine((v, ctx) => {
    // add_material needs {"title","introduction"} for a video (§4.10); WeChat shows both with it.
    if (v.kind !== 'video') return;
    if (!v.title) ctx.addIssue({ code: 'custom', path: ['title'], message: said('videoTitleNeeded') });
    if (!v.description) ctx.addIssue({ code: 'custom', path: ['description'], message: said('videoIntroductionNeeded') });
  });
export type UploadFields = z.output<typeof uploadFields>;

export const listQuery = z.object({ kind: z.enum(MATERIAL_KINDS).optional() });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v ?? '');

/** One article as the editor sends it; the content is sanitised afterwards (see article-html.ts). */
export const newsArticleInput = z.object({
  title: z.string().trim().min(1).max(NEWS_LIMITS.title),
  author: optionalText(NEWS_LIMITS.author),
  digest: optionalText(NEWS_LIMITS.digest),
  coverMaterialId: z.number().int().positive().max(2_147_483_647),
  // Raw HTML may be longer than what survives sanitising; the limit that matters is checked after it.
  content: z.string().min(1).max(1024 * 1024),
  sourceUrl: z
    .union([z.literal(''), webUrl])
    .nullish()
    .transform((v) => v || ''),
  showCover: z.boolean().default(false),
  needOpenComment: z.boolean().default(false),
  onlyFansCanComment: z.boolean().default(false),
});

export const newsInput = z.object({ articles: z.array(newsArticleInput).min(1).max(NEWS_LIMITS.articles) });

/** A news article as stored (news_drafts.articles): the input with its content sanitised. */
export type StoredArticle = z.output<typeof newsArticleInput>;

export const materialMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), content: z.string().trim().min(1).max(2000) }),
  z.object({ type: z.literal('image'), materialId: z.number().int().positive().max(2_147_483_647) }),
  z.object({ type: z.literal('voice'), materialId: z.number().int().positive().max(2_147_483_647) }),
  z.object({ type: z.literal('video'), materialId: z.number().int().positive().max(2_147_483_647) }),
  z.object({ type: z.literal('news'), newsId: z.number().int().positive().max(2_147_483_647) }),
]);
export type MaterialMessageInput = z.output<typeof materialMessage>;

export const previewInput = z
  .object({
    fanId: z.number().int().positive().optional(),
    openid: z
      .string()
      .trim()
      .regex(/^[\w-]{1,64}$/)
      .optional(),
    message: materialMessage,
  })
  .superRefine((v, ctx) => {
    if ((v.fanId === undefined) === (v.openid === undefined)) ctx.addIssue({ code: 'custom', path: ['fanId'], message: said('fanOrOpenid') });
  });
