import type { FastifyInstance } from 'fastify';
import type { AccountState } from '../accounts/account-state.ts';
import { WxError } from '../core/wx-error.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import { BinaryBody, registerApi, type ApiCall, type Json } from '../http/api-route.ts';
import { MEDIA_TYPES, type MediaType } from './media.rules.ts';
import type { MediaItem, NewsArticleMaterial, UploadedFile } from './media.store.ts';

const NEWS_MAX_ARTICLES = 8;
const LIST_MAX = 20;

/** The `media` file of an upload (§0): 41005 when it is missing. */
function mediaFile(call: ApiCall): UploadedFile {
  const part = call.form?.files.get('media');
  if (!part) throw new WxError(41005);
  return { filename: part.filename ?? '', contentType: part.contentType, data: part.data };
}

function mediaType(value: unknown): MediaType {
  if (!MEDIA_TYPES.includes(value as MediaType)) throw new WxError(40004);
  return value as MediaType;
}

function download(item: MediaItem): BinaryBody {
  return new BinaryBody(item.data, item.contentType, item.filename);
}

export function registerMediaRoutes(app: FastifyInstance, core: EmulatorCore): void {
  const now = () => core.clock.now();
  const url = (account: AccountState, item: MediaItem) => core.mediaUrl(account, item.id);

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/media/upload',
    capability: 'material',
    body: 'multipart',
    handler: (call) => {
      const type = mediaType(call.query.type);
      const item = call.account.media.addTemporary(type, mediaFile(call), now());
      // For `thumb` the id comes back as thumb_media_id (§4.10); no errcode on success.
      return type === 'thumb'
        ? { type, thumb_media_id: item.id, created_at: item.createdAt }
        : { type, media_id: item.id, created_at: item.createdAt };
    },
  });

  registerApi(app, core, {
    method: 'GET',
    path: '/cgi-bin/media/get',
    capability: 'material',
    handler: ({ account, query }) => {
      const item = account.media.temporary(query.media_id, now());
      if (!item) throw new WxError(40007);
      return item.type === 'video' ? { video_url: url(account, item) } : download(item);
    },
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/media/uploadimg',
    capability: 'material',
    body: 'multipart',
    handler: (call) => {
      const item = call.account.media.addArticleImage(mediaFile(call), now());
      core.changed();
      // Real URLs are on mmbiz.qpic.cn; ours are served by the emulator so pages can show them offline.
      return { url: url(call.account, item) };
    },
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/media/uploadnews',
    capability: 'material',
    handler: ({ account, body }) => {
      const articles = body.articles;
      if (!Array.isArray(articles) || articles.length === 0) throw new WxError(44003);
      if (articles.length > NEWS_MAX_ARTICLES) throw new WxError(45008);
      const checked = articles.map((raw) => {
        const article = (raw ?? {}) as Json;
        if (!account.media.usable(article.thumb_media_id, now(), ['thumb', 'image'])) throw new WxError(40007);
        if (typeof article.title !== 'string' || article.title === '') throw new WxError(47003, 'argument invalid! title');
        if (typeof article.content !== 'string' || article.content === '') throw new WxError(44004);
        return article as unknown as NewsArticleMaterial;
      });
      const item = account.media.addNews(checked, now());
      return { type: 'news', media_id: item.id, created_at: item.createdAt };
    },
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/media/uploadvideo',
    capability: 'material',
    handler: ({ account, body }) => {
      const source = account.media.usable(body.media_id, now(), ['video']);
      if (!source) throw new WxError(40007);
      const item = account.media.addMpvideo(source, String(body.title ?? ''), String(body.description ?? ''), now());
      return { type: 'video', media_id: item.id, created_at: item.createdAt };
    },
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/material/add_material',
    capability: 'material',
    body: 'multipart',
    handler: (call) => {
      const type = mediaType(call.query.type);
      const file = mediaFile(call);
      let video: { title: string; introduction: string } | undefined;
      if (type === 'video') {
        // A permanent video needs a `description` field holding {"title","introduction"} (§0).
        const raw = call.form?.fields.get('description');
        if (raw === undefined) throw new WxError(47003, 'argument invalid! description is missing');
        let parsed: Json;
        try {
          parsed = JSON.parse(raw) as Json;
        } catch {
          throw new WxError(47001);
        }
        if (typeof parsed.title !== 'string' || parsed.title === '') throw new WxError(47003, 'argument invalid! description.title');
        video = { title: parsed.title, introduction: typeof parsed.introduction === 'string' ? parsed.introduction : '' };
      }
      const item = call.account.media.addPermanent(type, file, now(), video);
      core.changed();
      return type === 'image' ? { media_id: item.id, url: url(call.account, item) } : { media_id: item.id };
    },
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/material/get_material',
    capability: 'material',
    handler: ({ account, body }) => {
      const item = account.media.permanent(body.media_id);
      if (!item) throw new WxError(40007);
      if (item.type === 'video') return { title: item.title ?? '', description: item.introduction ?? '', down_url: url(account, item) };
      return download(item);
    },
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/material/del_material',
    capability: 'material',
    handler: ({ account, body }) => {
      if (typeof body.media_id === 'string' && account.menus.usesMedia(body.media_id)) throw new WxError(48005);
      account.media.deletePermanent(body.media_id);
      core.changed();
      return { errcode: 0, errmsg: 'ok' };
    },
  });

  registerApi(app, core, {
    method: 'GET',
    path: '/cgi-bin/material/get_materialcount',
    capability: 'material',
    handler: ({ account }) => account.media.counts(),
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/material/batchget_material',
    capability: 'material',
    handler: ({ account, body }) => {
      const type = body.type;
      if (type !== 'image' && type !== 'video' && type !== 'voice' && type !== 'news') throw new WxError(40004);
      const offset = body.offset ?? 0;
      const count = body.count;
      if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw new WxError(47003, 'argument invalid! offset');
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > LIST_MAX) throw new WxError(47003, 'argument invalid! count');
      const all = account.media.listPermanent(type);
      const page = all.slice(offset, offset + count).map((item) => ({
        media_id: item.id,
        name: item.filename,
        update_time: item.createdAt,
        ...(item.type === 'image' ? { url: url(account, item) } : {}),
      }));
      return { total_count: all.length, item_count: page.length, item: page };
    },
  });

  // Emulator-hosted bytes behind PicUrl, uploadimg URLs, video_url and down_url.
  app.get('/_emulator/media/:appId/:mediaId', async (request, reply) => {
    const { appId, mediaId } = request.params as { appId: string; mediaId: string };
    const item = core.accounts.find(appId)?.media.byId(mediaId);
    if (!item) return reply.code(404).send({ error: 'MEDIA_NOT_FOUND', message: 'no such media' });
    return reply.type(item.contentType).header('cache-control', 'max-age=3600').send(item.data);
  });
}
