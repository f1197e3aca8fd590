import { bigint, customType, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Permanent material (素材): the file kept here (so it can be shown, re-sent and re-uploaded), and the
 * media_id WeChat gave it (material/add_material).
 */
export const materials = pgTable(
  'materials',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['image', 'voice', 'video', 'thumb'] }).notNull(),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    data: bytea('data').notNull(),
    /** Videos: the title and introduction WeChat shows. */
    title: text('title'),
    description: text('description'),
    wechatMediaId: text('wechat_media_id'),
    /** Images: WeChat's URL (usable on Tencent domains only). */
    wechatUrl: text('wechat_url'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('materials_account_kind').on(t.accountId, t.kind, t.id)],
);

/**
 * A news message (图文) of one to eight articles: edited here, saved to WeChat's draft box (media_id),
 * then published (freepublish) or broadcast.
 */
export const newsDrafts = pgTable(
  'news_drafts',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** [{ title, author, digest, coverMaterialId, content (sanitised HTML), sourceUrl, showCover }] */
    articles: jsonb('articles').notNull(),
    /** The draft in WeChat's draft box (draft/add; draft/update while the article count stays); null once published. */
    wechatMediaId: text('wechat_media_id'),
    publishId: text('publish_id'),
    publishStatus: text('publish_status'),
    articleId: text('article_id'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('news_drafts_account').on(t.accountId, t.id)],
);
