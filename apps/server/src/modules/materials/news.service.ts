import { NEWS_LIMITS, type NewsDraftView, type NewsInput, type NewsPublishStatus } from '@zhanggui/shared';
import { WechatApiError, type DraftArticle, type WechatClient } from '@zhanggui/wechat';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { said } from '../../platform/http/validation-messages.ts';
import type { TokenBroker } from '../../wechat-gateway/token-broker.ts';
import { sanitizeArticleHtml } from './article-html.ts';
import { newsInBroadcasts } from './material-usage.ts';
import { newsInput, type StoredArticle } from './materials.schema.ts';

/** WeChat no longer has the media_id (40007). */
export const isGoneOnWechat = (error: unknown) => error instanceof WechatApiError && error.errcode === 40007;

interface NewsRow {
  id: number;
  account_id: number;
  articles: StoredArticle[];
  wechat_media_id: string | null;
  publish_id: string | null;
  publish_status: NewsPublishStatus | null;
  article_id: string | null;
  created_at: Date;
  updated_at: Date;
}

/** freepublish/get's publish_status (§4.11) in words. */
const PUBLISH_STATUS: Record<number, NewsPublishStatus> = { 0: 'published', 1: 'publishing', 2: 'original_check_failed', 3: 'failed', 4: 'rejected', 5: 'deleted', 6: 'banned' };


/**
 * News drafts (图文): edited here with sanitised bodies, kept in WeChat's draft box, published with
 * freepublish. Every change is saved to WeChat at once, so the draft there is always what the console shows.
 */
export class NewsDraftsService {
  constructor(
    private readonly db: Database,
    private readonly tokens: TokenBroker,
    private readonly imageHosts: ReadonlySet<string>,
  ) {}

  async list(accountId: number): Promise<NewsDraftView[]> {
    const rows = await this.db.query<NewsRow>('select * from news_drafts where account_id = $1 order by updated_at desc, id desc', [accountId]);
    return rows.map(present);
  }

  /**
   * One draft. While a publish is in progress its status is asked of WeChat (freepublish/get, 100 calls a
   * day, so only here and only then); if WeChat cannot answer now, the stored state is shown.
   */
  async get(accountId: number, newsId: number): Promise<NewsDraftView> {
    let row = await this.row(accountId, newsId);
    if (row.publish_status === 'publishing' && row.publish_id) {
      const answer = await this.client(accountId)
        .publishing.status(row.publish_id)
        .catch(() => null);
      const status = answer ? PUBLISH_STATUS[answer.publish_status] : undefined;
      if (answer && status && status !== 'publishing') {
        [row] = (await this.db.query<NewsRow>(
          `update news_drafts set publish_status = $3, article_id = $4 where account_id = $1 and id = $2 and publish_id = $5 returning *`,
          [accountId, newsId, status, answer.article_id || null, row.publish_id],
        )) as [NewsRow];
        row ??= await this.row(accountId, newsId);
      }
    }
    return present(row);
  }

  async create(accountId: number, operatorId: number | null, raw: NewsInput): Promise<NewsDraftView> {
    const { articles, wechat } = await this.prepare(accountId, raw);
    const client = this.client(accountId);
    const { media_id: mediaId } = await client.drafts.add(wechat);
    try {
      const [row] = await this.db.query<NewsRow>('insert into news_drafts (account_id, articles, wechat_media_id, created_by) values ($1, $2, $3, $4) returning *', [
        accountId,
        JSON.stringify(articles),
        mediaId,
        operatorId,
      ]);
      return present(row!);
    } catch (error) {
      await client.drafts.delete(mediaId).catch(() => {});
      throw error;
    }
  }

  /**
   * Saves the new version here and in WeChat's draft box. With the same number of articles, only the articles
   * that changed are replaced (draft/update): the draft keeps its media_id, so whatever already names it (the
   * operator's WeChat console, a preview on a phone) stays valid, and an unchanged article costs no call.
   * draft/update cannot add or remove articles, so a different count makes a new draft (draft/add) and only
   * then deletes the old one: a failure midway leaves a working draft, never none. A draft WeChat no longer
   * has (published, mass-sent or deleted there) is simply added again.
   */
  async update(accountId: number, newsId: number, raw: NewsInput): Promise<NewsDraftView> {
    const current = await this.row(accountId, newsId);
    if (current.publish_status === 'publishing') throw new AppError('NEWS_PUBLISHING', { newsId });
    // What an approver approved (or a send under way) must be what goes out: frozen until it has.
    if ((await newsInBroadcasts(this.db, accountId, newsId)) > 0) throw new AppError('NEWS_IN_USE', { newsId });
    const { articles, wechat } = await this.prepare(accountId, raw);
    const client = this.client(accountId);
    let mediaId = current.wechat_media_id;
    if (mediaId && current.articles.length === articles.length) {
      try {
        for (const [index, article] of articles.entries()) {
          if (!sameArticle(article, current.articles[index]!)) await client.drafts.update(mediaId, index, wechat[index]!);
        }
      } catch (error) {
        if (!isGoneOnWechat(error)) throw error;
        mediaId = null;
      }
    } else if (mediaId) {
      const old = mediaId;
      mediaId = (await client.drafts.add(wechat)).media_id;
      await client.drafts.delete(old).catch(() => {});
    }
    mediaId ??= (await client.drafts.add(wechat)).media_id;
    const [row] = await this.db.query<NewsRow>('update news_drafts set articles = $3, wechat_media_id = $4, updated_at = now() where account_id = $1 and id = $2 returning *', [
      accountId,
      newsId,
      JSON.stringify(articles),
      mediaId,
    ]);
    if (!row) throw new AppError('NEWS_NOT_FOUND', { newsId });
    return present(row);
  }

  /** Deletes the draft here and in WeChat's draft box. What was already published stays published. */
  async remove(accountId: number, newsId: number): Promise<NewsDraftView> {
    const row = await this.row(accountId, newsId);
    if (row.publish_status === 'publishing') throw new AppError('NEWS_PUBLISHING', { newsId });
    if ((await newsInBroadcasts(this.db, accountId, newsId)) > 0) throw new AppError('NEWS_IN_USE', { newsId });
    if (row.wechat_media_id) {
      await this.client(accountId)
        .drafts.delete(row.wechat_media_id)
        .catch((error: unknown) => {
          if (!isGoneOnWechat(error)) throw error;
        });
    }
    await this.db.query('delete from news_drafts where account_id = $1 and id = $2', [accountId, newsId]);
    return present(row);
  }

  /**
   * Publishes the draft (freepublish/submit). WeChat takes it out of the draft box and finishes later with a
   * PUBLISHJOBFINISH push; `get` asks for the outcome until then.
   */
  async publish(accountId: number, newsId: number): Promise<NewsDraftView> {
    const current = await this.row(accountId, newsId);
    if (current.publish_status === 'publishing') throw new AppError('NEWS_PUBLISHING', { newsId });
    const mediaId = await this.ensureOnWechat(accountId, newsId);
    const { publish_id: publishId } = await this.client(accountId).publishing.submit(mediaId);
    const [row] = await this.db.query<NewsRow>(
      `update news_drafts set publish_id = $3, publish_status = 'publishing', article_id = null, wechat_media_id = null
        where account_id = $1 and id = $2 returning *`,
      [accountId, newsId, String(publishId)],
    );
    return present(row!);
  }

  /**
   * The media_id of this news in WeChat's draft box, adding it there again when WeChat no longer has it
   * (after publishing). For mpnews previews and broadcasts.
   */
  async ensureOnWechat(accountId: number, newsId: number): Promise<string> {
    const [row] = await this.db.query<NewsRow>('select * from news_drafts where account_id = $1 and id = $2', [accountId, newsId]);
    if (!row) throw new AppError('VALIDATION_FAILED', [{ path: 'message.newsId', message: said('noNews') }]);
    if (row.wechat_media_id) return row.wechat_media_id;
    const client = this.client(accountId);
    const { media_id: mediaId } = await client.drafts.add(await this.toWechat(accountId, row.articles));
    const [saved] = await this.db.query<{ id: number }>('update news_drafts set wechat_media_id = $3 where account_id = $1 and id = $2 and wechat_media_id is null returning id', [
      accountId,
      newsId,
      mediaId,
    ]);
    if (saved) return mediaId;
    // Someone else added it meanwhile: keep theirs.
    await client.drafts.delete(mediaId).catch(() => {});
    return (await this.row(accountId, newsId)).wechat_media_id ?? mediaId;
  }

  /** Validates the input, sanitises every body and checks the covers; returns what to store and what to send. */
  private async prepare(accountId: number, raw: NewsInput): Promise<{ articles: StoredArticle[]; wechat: DraftArticle[] }> {
    const input = newsInput.parse(raw);
    const problems: Array<{ path: string; message: string }> = [];
    const articles = input.articles.map((article, i) => {
      const content = sanitizeArticleHtml(article.content, { imageHosts: this.imageHosts });
      if (!content) problems.push({ path: `articles.${i}.content`, message: said('articleContentEmpty') });
      else if (content.length >= NEWS_LIMITS.content || Buffer.byteLength(content) >= 1024 * 1024) problems.push({ path: `articles.${i}.content`, message: said('articleContentTooLong') });
      return { ...article, content };
    });
    const covers = await this.covers(accountId, articles);
    articles.forEach((article, i) => {
      if (!covers.has(article.coverMaterialId)) problems.push({ path: `articles.${i}.coverMaterialId`, message: said('coverNotImage') });
    });
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
    return { articles, wechat: articles.map((article) => draftArticle(article, covers.get(article.coverMaterialId)!)) };
  }

  private async toWechat(accountId: number, articles: StoredArticle[]): Promise<DraftArticle[]> {
    const covers = await this.covers(accountId, articles);
    return articles.map((article, i) => {
      const cover = covers.get(article.coverMaterialId);
      if (!cover) throw new AppError('VALIDATION_FAILED', [{ path: `articles.${i}.coverMaterialId`, message: said('coverNotImage') }]);
      return draftArticle(article, cover);
    });
  }

  /** Our cover material ids → WeChat media_ids, for the image and thumb materials of this account among them. */
  private async covers(accountId: number, articles: Array<{ coverMaterialId: number }>): Promise<Map<number, string>> {
    const rows = await this.db.query<{ id: number; wechat_media_id: string }>(
      `select id, wechat_media_id from materials where account_id = $1 and id = any($2::int[]) and kind in ('image', 'thumb')`,
      [accountId, articles.map((a) => a.coverMaterialId)],
    );
    return new Map(rows.map((r) => [r.id, r.wechat_media_id]));
  }

  private async row(accountId: number, newsId: number): Promise<NewsRow> {
    const [row] = await this.db.query<NewsRow>('select * from news_drafts where account_id = $1 and id = $2', [accountId, newsId]);
    if (!row) throw new AppError('NEWS_NOT_FOUND', { newsId });
    return row;
  }

  private client(accountId: number): WechatClient {
    return this.tokens.clientFor(accountId);
  }
}

const ARTICLE_FIELDS = ['title', 'author', 'digest', 'coverMaterialId', 'content', 'sourceUrl', 'showCover', 'needOpenComment', 'onlyFansCanComment'] as const;

/** Field by field: jsonb does not keep key order, so the stored article never stringifies like the new one. */
const sameArticle = (a: StoredArticle, b: StoredArticle) => ARTICLE_FIELDS.every((field) => a[field] === b[field]);

function draftArticle(article: StoredArticle, thumbMediaId: string): DraftArticle {
  return {
    article_type: 'news',
    title: article.title,
    author: article.author,
    digest: article.digest,
    content: article.content,
    content_source_url: article.sourceUrl,
    thumb_media_id: thumbMediaId,
    show_cover_pic: article.showCover ? 1 : 0,
    need_open_comment: article.needOpenComment ? 1 : 0,
    only_fans_can_comment: article.onlyFansCanComment ? 1 : 0,
  };
}

function present(row: NewsRow): NewsDraftView {
  return {
    id: row.id,
    articles: row.articles.map((a) => ({
      title: a.title,
      author: a.author,
      digest: a.digest,
      coverMaterialId: a.coverMaterialId,
      coverUrl: `/api/accounts/${row.account_id}/materials/${a.coverMaterialId}/file`,
      content: a.content,
      sourceUrl: a.sourceUrl,
      showCover: a.showCover,
      needOpenComment: a.needOpenComment,
      onlyFansCanComment: a.onlyFansCanComment,
    })),
    wechatMediaId: row.wechat_media_id,
    publishId: row.publish_id,
    publishStatus: row.publish_status,
    articleId: row.article_id,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
