import { mediaId } from '../core/ids.ts';
import { WxError } from '../core/wx-error.ts';
import { ARTICLE_IMAGE_RULE, contentTypeOf, formatOf, PERMANENT_RULES, TEMPORARY_LIFETIME_MS, TEMPORARY_RULES, type MediaType } from './media.rules.ts';

export interface UploadedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface NewsArticleMaterial {
  title: string;
  thumb_media_id?: string;
  author?: string;
  digest?: string;
  content?: string;
  content_source_url?: string;
  show_cover_pic?: number;
  url?: string;
}

export type MediaStoreKind = 'temporary' | 'permanent' | 'article-image' | 'news' | 'mpvideo';

export interface MediaItem {
  id: string;
  store: MediaStoreKind;
  /** image, voice, video, thumb; `news` for uploadnews, `mpvideo` for uploadvideo. */
  type: MediaType | 'news' | 'mpvideo';
  filename: string;
  contentType: string;
  data: Buffer;
  /** Unix seconds. */
  createdAt: number;
  /** ms; temporary media only. */
  expiresAt?: number;
  title?: string;
  introduction?: string;
  articles?: NewsArticleMaterial[];
  /** For mpvideo: the video it wraps. */
  sourceId?: string;
}

/** Temporary media, permanent material, article images and mass-send helpers (uploadnews/uploadvideo) of one account. */
export class MediaStore {
  private readonly items = new Map<string, MediaItem>();

  /** Checks a file against the §4.10 rules: 44001 empty, 40005 format, 40009–40012 size. */
  static check(type: MediaType, file: UploadedFile, rules: typeof TEMPORARY_RULES | typeof PERMANENT_RULES): string {
    if (file.data.length === 0) throw new WxError(44001);
    const rule = rules[type];
    const format = formatOf(file.filename, file.contentType);
    if (!rule.formats.includes(format)) throw new WxError(40005);
    if (file.data.length > rule.maxBytes) throw new WxError(rule.sizeErrcode);
    return format;
  }

  addTemporary(type: MediaType, file: UploadedFile, nowMs: number): MediaItem {
    const format = MediaStore.check(type, file, TEMPORARY_RULES);
    return this.put({ store: 'temporary', type, file, format, nowMs, expiresAt: nowMs + TEMPORARY_LIFETIME_MS });
  }

  addPermanent(type: MediaType, file: UploadedFile, nowMs: number, video?: { title: string; introduction: string }): MediaItem {
    const format = MediaStore.check(type, file, PERMANENT_RULES);
    const item = this.put({ store: 'permanent', type, file, format, nowMs });
    if (video) Object.assign(item, video);
    return item;
  }

  addArticleImage(file: UploadedFile, nowMs: number): MediaItem {
    if (file.data.length === 0) throw new WxError(44001);
    const format = formatOf(file.filename, file.contentType);
    if (!ARTICLE_IMAGE_RULE.formats.includes(format)) throw new WxError(40005);
    if (file.data.length > ARTICLE_IMAGE_RULE.maxBytes) throw new WxError(40009);
    return this.put({ store: 'article-image', type: 'image', file, format, nowMs });
  }

  addNews(articles: NewsArticleMaterial[], nowMs: number): MediaItem {
    const item = this.put({ store: 'news', type: 'news', file: { filename: 'news', contentType: 'application/json', data: Buffer.alloc(0) }, format: '', nowMs });
    item.articles = articles;
    return item;
  }

  addMpvideo(source: MediaItem, title: string, description: string, nowMs: number): MediaItem {
    const item = this.put({ store: 'mpvideo', type: 'mpvideo', file: source, format: 'mp4', nowMs });
    Object.assign(item, { title, introduction: description, sourceId: source.id });
    return item;
  }

  /** Media a fan sent (image messages): temporary, fetchable with media/get for 3 days (§2.2). */
  addFromFan(type: MediaType, file: UploadedFile, nowMs: number): MediaItem {
    return this.put({ store: 'temporary', type, file, format: formatOf(file.filename, file.contentType), nowMs, expiresAt: nowMs + TEMPORARY_LIFETIME_MS });
  }

  /** Temporary media still within its 3 days. */
  temporary(id: unknown, nowMs: number): MediaItem | null {
    const item = typeof id === 'string' ? this.items.get(id) : undefined;
    if (!item || item.store !== 'temporary') return null;
    if (item.expiresAt !== undefined && nowMs >= item.expiresAt) {
      this.items.delete(item.id);
      return null;
    }
    return item;
  }

  permanent(id: unknown): MediaItem | null {
    const item = typeof id === 'string' ? this.items.get(id) : undefined;
    return item?.store === 'permanent' ? item : null;
  }

  /** Any live item (for replies, customer-service and mass messages, which accept temporary or permanent ids). */
  usable(id: unknown, nowMs: number, types?: ReadonlyArray<MediaItem['type']>): MediaItem | null {
    const item = this.temporary(id, nowMs) ?? (typeof id === 'string' ? this.items.get(id) ?? null : null);
    if (!item || (types && !types.includes(item.type))) return null;
    return item;
  }

  /** Served bytes for emulator-hosted URLs (article images, picture URLs, video_url). */
  byId(id: string): MediaItem | null {
    return this.items.get(id) ?? null;
  }

  deletePermanent(id: unknown): void {
    if (!this.permanent(id)) throw new WxError(40007);
    this.items.delete(id as string);
  }

  counts(): { voice_count: number; video_count: number; image_count: number; news_count: number } {
    const counts = { voice_count: 0, video_count: 0, image_count: 0, news_count: 0 };
    for (const item of this.items.values()) {
      if (item.store !== 'permanent') continue;
      if (item.type === 'voice') counts.voice_count += 1;
      else if (item.type === 'video') counts.video_count += 1;
      else if (item.type === 'image') counts.image_count += 1;
    }
    return counts;
  }

  /** Permanent material of one type, newest first. */
  listPermanent(type: string): MediaItem[] {
    return [...this.items.values()].filter((item) => item.store === 'permanent' && item.type === type).sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Items worth keeping across restarts (permanent material and article images, with their bytes). */
  export(): Array<Omit<MediaItem, 'data'> & { data: string }> {
    return [...this.items.values()]
      .filter((item) => item.store === 'permanent' || item.store === 'article-image')
      .map((item) => ({ ...item, data: item.data.toString('base64') }));
  }

  import(items: Array<Omit<MediaItem, 'data'> & { data: string }>): void {
    for (const item of items) this.items.set(item.id, { ...item, data: Buffer.from(item.data, 'base64') });
  }

  private put(input: { store: MediaStoreKind; type: MediaItem['type']; file: UploadedFile; format: string; nowMs: number; expiresAt?: number }): MediaItem {
    const item: MediaItem = {
      id: mediaId(),
      store: input.store,
      type: input.type,
      filename: input.file.filename || `media.${input.format}`,
      contentType: input.format ? contentTypeOf(input.format) : input.file.contentType,
      data: input.file.data,
      createdAt: Math.floor(input.nowMs / 1000),
      expiresAt: input.expiresAt,
    };
    this.items.set(item.id, item);
    return item;
  }
}
