/**
 * The material library (素材管理): permanent material, article images, news drafts (图文) and previews.
 * Limits follow wechat-protocol.md §4.10 (permanent material) and §4.11 (draft articles); the server checks
 * them before anything reaches WeChat, and the console can show them next to the upload controls.
 *
 * Routes (account-scoped; read: rules.view, write: materials.edit, preview: broadcasts.send):
 *   GET    /api/accounts/:id/materials?kind=               → MaterialView[] (newest first)
 *   POST   /api/accounts/:id/materials                     multipart: file, kind, title?, description? → 201 MaterialView
 *   GET    /api/accounts/:id/materials/:materialId         → MaterialView
 *   GET    /api/accounts/:id/materials/:materialId/file    → the stored bytes (its content type, nosniff)
 *   DELETE /api/accounts/:id/materials/:materialId         → 204 (MATERIAL_IN_USE when referenced, here or on WeChat)
 *   POST   /api/accounts/:id/materials/article-images      multipart: file (JPG/PNG < 1 MB) → 201 ArticleImageView
 *   POST   /api/accounts/:id/materials/preview             PreviewInput → PreviewResult
 *   GET    /api/accounts/:id/news                          → NewsDraftView[] (newest change first)
 *   POST   /api/accounts/:id/news                          NewsInput → 201 NewsDraftView
 *   GET    /api/accounts/:id/news/:newsId                  → NewsDraftView (refreshes a publish in progress)
 *   PUT    /api/accounts/:id/news/:newsId                  NewsInput → NewsDraftView
 *   DELETE /api/accounts/:id/news/:newsId                  → 204
 *   POST   /api/accounts/:id/news/:newsId/publish          → NewsDraftView (publishStatus "publishing")
 */

export const MATERIAL_KINDS = ['image', 'voice', 'video', 'thumb'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

const MB = 1024 * 1024;

/** Permanent material: the largest file and the accepted formats (file extensions) per kind (§4.10). */
export const MATERIAL_LIMITS: Readonly<Record<MaterialKind, { maxBytes: number; formats: readonly string[] }>> = {
  image: { maxBytes: 10 * MB, formats: ['bmp', 'png', 'jpeg', 'jpg', 'gif'] },
  voice: { maxBytes: 2 * MB, formats: ['mp3', 'wma', 'wav', 'amr'] },
  video: { maxBytes: 10 * MB, formats: ['mp4'] },
  thumb: { maxBytes: 64 * 1024, formats: ['jpg', 'jpeg'] },
};

/** Images inside article bodies (media/uploadimg): JPG or PNG, under 1 MB. */
export const ARTICLE_IMAGE_LIMITS = { maxBytes: MB - 1, formats: ['jpg', 'jpeg', 'png'] as readonly string[] } as const;

/** Draft articles (§4.11). Content: under 20,000 characters and under 1 MB, after sanitising. */
export const NEWS_LIMITS = { articles: 8, title: 32, author: 16, digest: 128, content: 20_000, sourceUrl: 1024 } as const;

/** Video material: what WeChat shows with it (add_material's description field). */
export const VIDEO_LIMITS = { title: 64, description: 120 } as const;

export interface MaterialUsage {
  /** Reply rules whose replies send it. */
  rules: number;
  /** Conversation flows whose steps send it. */
  flows: number;
  /** QR channels whose welcome sends it. */
  channels: number;
  /** 1 when the account's menu (draft or published) has a button or reply using it. */
  menus: number;
  /** News drafts that use it as a cover. */
  news: number;
  /** Broadcasts not yet sent (awaiting approval, scheduled or sending) that send it. */
  broadcasts: number;
}

export interface MaterialView {
  id: number;
  kind: MaterialKind;
  /** The uploaded file's name. */
  name: string;
  contentType: string;
  bytes: number;
  /** Videos: the title and introduction WeChat shows; other kinds: the operator's optional note. */
  title: string | null;
  description: string | null;
  /** WeChat's permanent media_id (what rules, menus and broadcasts send). */
  wechatMediaId: string;
  /** Images: WeChat's URL (shown on Tencent pages only; the console uses `/file`). */
  wechatUrl: string | null;
  usage: MaterialUsage;
  createdAt: string;
}

export interface ArticleImageView {
  /** The URL to use in article HTML (`<img src>`); other image hosts are stripped from articles. */
  url: string;
}

export interface NewsArticleInput {
  title: string;
  author?: string | null;
  /** The summary shown under a single-article card; WeChat uses the start of the content when empty. */
  digest?: string | null;
  /** An image or thumb material of this account. */
  coverMaterialId: number;
  /** HTML; sanitised on the server (WeChat-compatible tags and styles only, images from uploadimg only). */
  content: string;
  /** The "read original" (阅读原文) link. */
  sourceUrl?: string | null;
  showCover?: boolean;
  needOpenComment?: boolean;
  onlyFansCanComment?: boolean;
}

export interface NewsInput {
  /** 1–8 articles; the first is the headline. */
  articles: NewsArticleInput[];
}

export interface NewsArticleView {
  title: string;
  author: string;
  digest: string;
  coverMaterialId: number;
  /** The cover's own URL on this server (`/api/accounts/:id/materials/:coverMaterialId/file`). */
  coverUrl: string;
  /** Sanitised HTML, exactly what was sent to WeChat. */
  content: string;
  sourceUrl: string;
  showCover: boolean;
  needOpenComment: boolean;
  onlyFansCanComment: boolean;
}

/**
 * Where a publish (freepublish) stands: publishing (1), published (0), or a failure — originality check (2),
 * general (3), rejected by review (4), deleted by the account (5), banned by the platform (6).
 */
export type NewsPublishStatus = 'publishing' | 'published' | 'original_check_failed' | 'failed' | 'rejected' | 'deleted' | 'banned';

export interface NewsDraftView {
  id: number;
  articles: NewsArticleView[];
  /** The draft in WeChat's draft box; null after publishing (WeChat takes a published draft out of the box). */
  wechatMediaId: string | null;
  /** The last publish (an edit afterwards saves a new draft; publishing again publishes it). null: never published. */
  publishId: string | null;
  publishStatus: NewsPublishStatus | null;
  /** Once published: WeChat's article_id (menus can link it with article_id buttons). */
  articleId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a preview sends; material and news are ours (ids from this library), the same shape as a broadcast's message. */
export type MaterialMessage =
  | { type: 'text'; content: string }
  | { type: 'image'; materialId: number }
  | { type: 'voice'; materialId: number }
  | { type: 'video'; materialId: number }
  | { type: 'news'; newsId: number };

/** To one follower, by our fan id or by openid. */
export type PreviewInput = ({ fanId: number; openid?: never } | { openid: string; fanId?: never }) & { message: MaterialMessage };

export interface PreviewResult {
  openid: string;
  /** WeChat's msg_id of the preview. */
  msgId: string | null;
}
