import { NumericIdSequence, randomString } from '../core/ids.ts';
import { WxError } from '../core/wx-error.ts';

/** A draft article as the API shows it (§4.11). */
export interface DraftArticle {
  article_type: 'news' | 'newspic';
  title: string;
  author: string;
  digest: string;
  content: string;
  content_source_url: string;
  thumb_media_id: string;
  need_open_comment: number;
  only_fans_can_comment: number;
  url?: string;
}

export interface Draft {
  mediaId: string;
  articles: DraftArticle[];
  /** Unix seconds. */
  updateTime: number;
}

export interface Publication {
  publishId: string;
  articleId: string;
  articles: Array<DraftArticle & { url: string; is_deleted: boolean }>;
  status: number;
  updateTime: number;
}

const MAX_ARTICLES = 8;
const LIMITS = { title: 32, author: 16, digest: 128, content: 20_000 } as const;

/** The draft box and published articles of one account. */
export class DraftStore {
  readonly drafts = new Map<string, Draft>();
  readonly publications = new Map<string, Publication>();
  readonly byArticleId = new Map<string, Publication>();
  private readonly publishIds = new NumericIdSequence(2_247_483_000);

  /** Validates articles (§4.11 field rules); `thumbExists` says whether a thumb_media_id is permanent material. */
  static articles(raw: unknown, thumbExists: (id: string) => boolean): DraftArticle[] {
    if (!Array.isArray(raw) || raw.length === 0) throw new WxError(44003);
    if (raw.length > MAX_ARTICLES) throw new WxError(45008);
    return raw.map((item) => DraftStore.article(item, thumbExists));
  }

  static article(item: unknown, thumbExists: (id: string) => boolean): DraftArticle {
    const a = (item ?? {}) as Record<string, unknown>;
    const str = (key: string) => (typeof a[key] === 'string' ? (a[key] as string) : '');
    const type = a.article_type === 'newspic' ? 'newspic' : 'news';
    const title = str('title');
    if (title === '' || [...title].length > LIMITS.title) throw new WxError(45003);
    if ([...str('author')].length > LIMITS.author) throw new WxError(45110);
    if ([...str('digest')].length > LIMITS.digest) throw new WxError(45004);
    const content = str('content');
    if (content === '') throw new WxError(44004);
    if (content.length >= LIMITS.content || Buffer.byteLength(content) >= 1024 * 1024) throw new WxError(45002);
    const thumb = str('thumb_media_id');
    if (type === 'news' && !thumbExists(thumb)) throw new WxError(40007);
    return {
      article_type: type,
      title,
      author: str('author'),
      // An empty digest of a single article is the first 54 characters of the content (tags stripped).
      digest: str('digest') || content.replace(/<[^>]*>/g, '').slice(0, 54),
      content,
      content_source_url: str('content_source_url'),
      thumb_media_id: thumb,
      need_open_comment: a.need_open_comment === 1 ? 1 : 0,
      only_fans_can_comment: a.only_fans_can_comment === 1 ? 1 : 0,
    };
  }

  add(articles: DraftArticle[], nowSeconds: number): Draft {
    const draft = { mediaId: randomString(64, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'), articles, updateTime: nowSeconds };
    this.drafts.set(draft.mediaId, draft);
    return draft;
  }

  get(mediaId: unknown): Draft {
    const draft = typeof mediaId === 'string' ? this.drafts.get(mediaId) : undefined;
    if (!draft) throw new WxError(40007);
    return draft;
  }

  /** Publishing or mass-sending a draft takes it out of the box (§4.11). */
  take(mediaId: unknown): Draft {
    const draft = this.get(mediaId);
    this.drafts.delete(draft.mediaId);
    return draft;
  }

  publish(draft: Draft, nowSeconds: number, baseUrl: string): Publication {
    const articleId = randomString(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-');
    const publication: Publication = {
      publishId: String(this.publishIds.take()),
      articleId,
      articles: draft.articles.map((a, i) => ({ ...a, url: `${baseUrl}/_emulator/articles/${articleId}/${i + 1}`, is_deleted: false })),
      // 1 = publishing, until the job finishes.
      status: 1,
      updateTime: nowSeconds,
    };
    this.publications.set(publication.publishId, publication);
    this.byArticleId.set(articleId, publication);
    return publication;
  }

  publication(publishId: unknown): Publication {
    const found = this.publications.get(String(publishId));
    if (!found) throw new WxError(53502);
    return found;
  }

  export(): { drafts: Draft[]; publications: Publication[] } {
    return { drafts: [...this.drafts.values()], publications: [...this.publications.values()] };
  }

  import(data: { drafts: Draft[]; publications: Publication[] } | undefined): void {
    for (const draft of data?.drafts ?? []) this.drafts.set(draft.mediaId, draft);
    for (const publication of data?.publications ?? []) {
      this.publications.set(publication.publishId, publication);
      this.byArticleId.set(publication.articleId, publication);
    }
  }

  article(articleId: unknown): Publication {
    const found = typeof articleId === 'string' ? this.byArticleId.get(articleId) : undefined;
    if (!found) throw new WxError(53600);
    return found;
  }
}
