import type { ArticleImageView, MaterialKind, MaterialView, PreviewInput, PreviewResult } from '@zhanggui/shared';
import { WechatApiError, type MassPreviewRequest, type WechatEndpoints } from '@zhanggui/wechat';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { said } from '../../platform/http/validation-messages.ts';
import type { TokenBroker } from '../../wechat-gateway/token-broker.ts';
import { articleImageHosts } from './article-html.ts';
import { checkArticleImage, checkMaterialFile } from './material-formats.ts';
import { isInUse, loadUsage } from './material-usage.ts';
import { listQuery, previewInput, uploadFields, type MaterialMessageInput } from './materials.schema.ts';
import { isGoneOnWechat, NewsDraftsService } from './news.service.ts';

interface MaterialRow {
  id: number;
  kind: MaterialKind;
  name: string;
  content_type: string;
  bytes: number | string;
  title: string | null;
  description: string | null;
  wechat_media_id: string;
  wechat_url: string | null;
  created_at: Date;
}

const COLUMNS = 'id, kind, name, content_type, bytes, title, description, wechat_media_id, wechat_url, created_at';

/** A material's bytes, as the console downloads them. */
export interface MaterialFile {
  name: string;
  contentType: string;
  data: Buffer;
}

/** WeChat's "invalid media_id": the thing is already gone on WeChat's side. */

/** The file name WeChat gets: it decides the format by the extension, and needs nothing of the operator's name. */
const wechatFilename = (kind: string, name: string) => `${kind}.${/\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? 'bin'}`;

/**
 * The material library (素材管理): permanent material kept here and on WeChat (material/add_material), article
 * images (media/uploadimg), previews to one fan (message/mass/preview), and the news drafts (`news`).
 */
export class MaterialsService {
  readonly news: NewsDraftsService;

  constructor(
    private readonly db: Database,
    private readonly tokens: TokenBroker,
    endpoints: WechatEndpoints,
  ) {
    this.news = new NewsDraftsService(db, tokens, articleImageHosts(endpoints));
  }

  async list(accountId: number, query: unknown): Promise<MaterialView[]> {
    const { kind } = listQuery.parse(query);
    const rows = await this.db.query<MaterialRow>(
      `select ${COLUMNS} from materials where account_id = $1 and ($2::text is null or kind = $2) order by id desc`,
      [accountId, kind ?? null],
    );
    const usage = await loadUsage(this.db, accountId);
    return rows.map((row) => present(row, usage(row.id, row.wechat_media_id)));
  }

  async get(accountId: number, materialId: number): Promise<MaterialView> {
    const row = await this.row(accountId, materialId);
    const usage = await loadUsage(this.db, accountId);
    return present(row, usage(row.id, row.wechat_media_id));
  }

  /**
   * Checks the file against WeChat's rules for its kind (format by extension and content, size), uploads it
   * as permanent material, and keeps the bytes with WeChat's media_id and URL.
   */
  async upload(accountId: number, operatorId: number | null, fields: Record<string, string>, file: { filename: string; data: Buffer }): Promise<MaterialView> {
    const input = uploadFields.parse(fields);
    const checked = checkMaterialFile(input.kind, file.filename, file.data);
    const video = input.kind === 'video' ? { title: input.title!, introduction: input.description! } : undefined;
    const client = this.tokens.clientFor(accountId);
    const added = await client.materials.add(input.kind, { data: file.data, filename: wechatFilename(input.kind, checked.name), contentType: checked.contentType }, video);
    try {
      const [row] = await this.db.query<{ id: number }>(
        `insert into materials (account_id, kind, name, content_type, bytes, data, title, description, wechat_media_id, wechat_url, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
        [accountId, input.kind, checked.name, checked.contentType, file.data.length, file.data, input.title, input.description, added.media_id, added.url ?? null, operatorId],
      );
      return this.get(accountId, row!.id);
    } catch (error) {
      // Not kept here: do not leave it counting against WeChat's material cap either.
      await client.materials.delete(added.media_id).catch(() => {});
      throw error;
    }
  }

  async file(accountId: number, materialId: number): Promise<MaterialFile> {
    const [row] = await this.db.query<{ name: string; content_type: string; data: Buffer | Uint8Array }>('select name, content_type, data from materials where account_id = $1 and id = $2', [
      accountId,
      materialId,
    ]);
    if (!row) throw new AppError('MATERIAL_NOT_FOUND', { materialId });
    return { name: row.name, contentType: row.content_type, data: Buffer.from(row.data) };
  }

  /**
   * Deletes the material here and on WeChat. Refused while our rules, flows, channels, menu, news or pending
   * broadcasts use it, and when WeChat says it is in use (48005: an auto-reply or menu set in WeChat's own
   * console). Already gone on WeChat (40007) is fine.
   */
  async remove(accountId: number, materialId: number): Promise<MaterialView> {
    const material = await this.get(accountId, materialId);
    if (isInUse(material.usage)) throw new AppError('MATERIAL_IN_USE', { usage: material.usage });
    try {
      await this.tokens.clientFor(accountId).materials.delete(material.wechatMediaId);
    } catch (error) {
      if (error instanceof WechatApiError && error.errcode === 48005) throw new AppError('MATERIAL_IN_USE', { usage: material.usage, wechat: { errcode: 48005 } });
      if (!isGoneOnWechat(error)) throw error;
    }
    await this.db.query('delete from materials where account_id = $1 and id = $2', [accountId, materialId]);
    return material;
  }

  /** An image for article bodies: WeChat hosts it and gives the URL to put in `<img src>` (not kept here). */
  async uploadArticleImage(accountId: number, file: { filename: string; data: Buffer }): Promise<ArticleImageView> {
    const checked = checkArticleImage(file.filename, file.data);
    const { url } = await this.tokens.clientFor(accountId).media.uploadImage({ data: file.data, filename: wechatFilename('image', checked.name), contentType: checked.contentType });
    return { url };
  }

  /** Sends one message to one follower as a mass-send preview (§4.5 `preview`), so the operator sees it on a phone. */
  async preview(accountId: number, raw: PreviewInput): Promise<PreviewResult> {
    const input = previewInput.parse(raw);
    let openid = input.openid;
    if (input.fanId !== undefined) {
      const [fan] = await this.db.query<{ openid: string }>('select openid from fans where account_id = $1 and id = $2', [accountId, input.fanId]);
      if (!fan) throw new AppError('FAN_NOT_FOUND', { fanId: input.fanId });
      openid = fan.openid;
    }
    const content = await this.massContent(accountId, input.message);
    const answer = await this.tokens.clientFor(accountId).mass.preview({ ...content, touser: openid! });
    return { openid: openid!, msgId: answer.msg_id === undefined ? null : String(answer.msg_id) };
  }

  /**
   * Our message as WeChat's mass content: material and news resolved to WeChat's ids. A video goes out as
   * `mpvideo`, whose media_id comes from media/uploadvideo (§4.5), with the material's title and introduction.
   */
  async massContent(accountId: number, message: MaterialMessageInput, use: 'preview' | 'broadcast' = 'preview'): Promise<MassPreviewContent> {
    if (message.type === 'text') return { msgtype: 'text', text: { content: message.content } };
    if (message.type === 'news') return { msgtype: 'mpnews', mpnews: { media_id: await this.news.ensureOnWechat(accountId, message.newsId) } };
    const [material] = await this.db.query<{ wechat_media_id: string; title: string | null; description: string | null }>(
      'select wechat_media_id, title, description from materials where account_id = $1 and id = $2 and kind = $3',
      [accountId, message.materialId, message.type],
    );
    if (!material) throw new AppError('VALIDATION_FAILED', [{ path: 'message.materialId', message: said('noMaterial', message.type) }]);
    const mediaId = material.wechat_media_id;
    // sendall/send take `images` (media_ids); preview takes the older `image` form.
    if (message.type === 'image') return use === 'broadcast' ? { msgtype: 'image', images: { media_ids: [mediaId] } } : { msgtype: 'image', image: { media_id: mediaId } };
    if (message.type === 'voice') return { msgtype: 'voice', voice: { media_id: mediaId } };
    const title = material.title ?? '';
    const description = material.description ?? '';
    const wrapped = await this.tokens.clientFor(accountId).media.uploadVideo({ media_id: mediaId, title, description });
    return { msgtype: 'mpvideo', mpvideo: { media_id: wrapped.media_id!, title, description } };
  }

  private async row(accountId: number, materialId: number): Promise<MaterialRow> {
    const [row] = await this.db.query<MaterialRow>(`select ${COLUMNS} from materials where account_id = $1 and id = $2`, [accountId, materialId]);
    if (!row) throw new AppError('MATERIAL_NOT_FOUND', { materialId });
    return row;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** The message part of a preview (no recipient). */
export type MassPreviewContent = DistributiveOmit<MassPreviewRequest, 'touser' | 'towxname'>;

function present(row: MaterialRow, usage: MaterialView['usage']): MaterialView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    contentType: row.content_type,
    bytes: Number(row.bytes),
    title: row.title,
    description: row.description,
    wechatMediaId: row.wechat_media_id,
    wechatUrl: row.wechat_url,
    usage,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
