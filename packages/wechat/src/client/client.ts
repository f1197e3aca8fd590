import type { AccessTokenProvider, BinaryResult, HttpOptions } from './http.ts';
import { WechatHttp } from './http.ts';
import type * as T from './types.ts';

/** Fetches an access token with /cgi-bin/token (a new one invalidates the old after 5 minutes). */
export async function fetchAccessToken(http: WechatHttp, credentials: { appId: string; secret: string }): Promise<T.TokenResponse> {
  return http.call<T.TokenResponse>('/cgi-bin/token', {
    method: 'GET',
    auth: false,
    idempotent: true,
    query: { grant_type: 'client_credential', appid: credentials.appId, secret: credentials.secret },
  });
}

/**
 * Fetches a token with /cgi-bin/stable_token. In normal mode repeated calls return the same token until
 * 5 minutes before it expires; `forceRefresh` replaces it at once (20 a day, 30 s apart).
 */
export async function fetchStableToken(
  http: WechatHttp,
  credentials: { appId: string; secret: string; forceRefresh?: boolean },
): Promise<T.TokenResponse> {
  return http.call<T.TokenResponse>('/cgi-bin/stable_token', {
    method: 'POST',
    auth: false,
    idempotent: !credentials.forceRefresh,
    json: {
      grant_type: 'client_credential',
      appid: credentials.appId,
      secret: credentials.secret,
      force_refresh: credentials.forceRefresh ?? false,
    },
  });
}

/**
 * The URL that sends a fan's browser through WeChat's web authorization (§4.12): parameters in WeChat's
 * order, the redirect URL-encoded, `#wechat_redirect` at the end.
 */
export function oauthAuthorizeUrl(openBase: string, options: { appId: string; redirectUri: string; scope: 'snsapi_base' | 'snsapi_userinfo'; state?: string }): string {
  const state = options.state ? `&state=${options.state}` : '';
  return `${openBase.replace(/\/+$/, '')}/connect/oauth2/authorize?appid=${encodeURIComponent(options.appId)}&redirect_uri=${encodeURIComponent(options.redirectUri)}&response_type=code&scope=${options.scope}${state}#wechat_redirect`;
}

/** Exchanges a web-authorization code (single use, minutes-lived) for the fan's openid (§4.12). */
export async function exchangeOAuthCode(http: WechatHttp, credentials: { appId: string; secret: string; code: string }): Promise<T.OAuthTokenResponse> {
  return http.call<T.OAuthTokenResponse>('/sns/oauth2/access_token', {
    method: 'GET',
    auth: false,
    query: { appid: credentials.appId, secret: credentials.secret, code: credentials.code, grant_type: 'authorization_code' },
  });
}

type Ok = { errcode?: number; errmsg?: string };

function formOf(file: T.UploadFile, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  const bytes = file.data instanceof Buffer ? new Uint8Array(file.data.buffer, file.data.byteOffset, file.data.byteLength) : file.data;
  form.append('media', new Blob([bytes], { type: file.contentType ?? 'application/octet-stream' }), file.filename);
  for (const [key, value] of Object.entries(extra)) form.append(key, value);
  return form;
}

/**
 * Typed WeChat Official Account REST client. Every call carries the access token from the provider,
 * maps errcodes to WechatApiError and refetches the token once on 40001/40014/42001.
 */
export class WechatClient {
  readonly http: WechatHttp;

  constructor(options: HttpOptions, tokens: AccessTokenProvider) {
    this.http = new WechatHttp(options, tokens);
  }

  private get<R>(path: string, query?: Record<string, string | number | undefined>, idempotent = true): Promise<R> {
    return this.http.call<R>(path, { method: 'GET', query, idempotent });
  }

  private post<R>(path: string, json: unknown, idempotent = false): Promise<R> {
    return this.http.call<R>(path, { method: 'POST', json, idempotent });
  }

  /** Source IPs of WeChat's pushes. */
  getCallbackIp(): Promise<{ ip_list: string[] }> {
    return this.get('/cgi-bin/getcallbackip');
  }

  readonly users = {
    /** One page (≤10,000) of followers; stop when `data` is missing or `count` is 0. */
    list: (nextOpenid = ''): Promise<T.FollowerPage> => this.get('/cgi-bin/user/get', { next_openid: nextOpenid || undefined }),
    info: (openid: string, lang: 'zh_CN' | 'zh_TW' | 'en' = 'zh_CN'): Promise<T.UserInfo> => this.get('/cgi-bin/user/info', { openid, lang }),
    /** At most 100 openids a call. */
    batchInfo: (openids: string[], lang: 'zh_CN' | 'zh_TW' | 'en' = 'zh_CN'): Promise<{ user_info_list: T.UserInfo[] }> =>
      this.post('/cgi-bin/user/info/batchget', { user_list: openids.map((openid) => ({ openid, lang })) }, true),
    updateRemark: (openid: string, remark: string): Promise<Ok> => this.post('/cgi-bin/user/info/updateremark', { openid, remark }, true),
  };

  readonly tags = {
    create: (name: string): Promise<{ tag: T.Tag }> => this.post('/cgi-bin/tags/create', { tag: { name } }),
    list: (): Promise<{ tags: T.Tag[] }> => this.get('/cgi-bin/tags/get'),
    update: (id: number, name: string): Promise<Ok> => this.post('/cgi-bin/tags/update', { tag: { id, name } }, true),
    delete: (id: number): Promise<Ok> => this.post('/cgi-bin/tags/delete', { tag: { id } }, true),
    /** At most 50 openids a call. */
    tagFans: (tagId: number, openids: string[]): Promise<Ok> =>
      this.post('/cgi-bin/tags/members/batchtagging', { openid_list: openids, tagid: tagId }, true),
    untagFans: (tagId: number, openids: string[]): Promise<Ok> =>
      this.post('/cgi-bin/tags/members/batchuntagging', { openid_list: openids, tagid: tagId }, true),
    tagsOfFan: (openid: string): Promise<{ tagid_list: number[] }> => this.post('/cgi-bin/tags/getidlist', { openid }, true),
    fansOfTag: (tagId: number, nextOpenid = ''): Promise<T.OpenidPage> =>
      this.post('/cgi-bin/user/tag/get', { tagid: tagId, next_openid: nextOpenid }, true),
    blacklist: (beginOpenid = ''): Promise<T.OpenidPage> => this.post('/cgi-bin/tags/members/getblacklist', { begin_openid: beginOpenid }, true),
    /** At most 20 openids a call. */
    block: (openids: string[]): Promise<Ok> => this.post('/cgi-bin/tags/members/batchblacklist', { openid_list: openids }, true),
    unblock: (openids: string[]): Promise<Ok> => this.post('/cgi-bin/tags/members/batchunblacklist', { openid_list: openids }, true),
  };

  readonly messages = {
    /** A customer-service message; needs the fan's open window (45015/45047 otherwise). */
    sendCustom: (message: T.CustomMessage): Promise<Ok> => this.post('/cgi-bin/message/custom/send', message),
    typing: (openid: string, command: 'Typing' | 'CancelTyping'): Promise<Ok> =>
      this.post('/cgi-bin/message/custom/typing', { touser: openid, command }, true),
    /** A template message; `client_msg_id` makes it idempotent for 10 minutes. */
    sendTemplate: (message: T.TemplateMessage): Promise<Ok & { msgid: number | string }> =>
      this.post('/cgi-bin/message/template/send', message, message.client_msg_id !== undefined),
  };

  readonly menus = {
    create: (menu: { button: T.MenuButton[] }): Promise<Ok> => this.post('/cgi-bin/menu/create', menu, true),
    get: (): Promise<T.MenuGetResponse> => this.get('/cgi-bin/menu/get'),
    delete: (): Promise<Ok> => this.get('/cgi-bin/menu/delete', undefined, true),
    currentSelfMenu: (): Promise<{ is_menu_open: 0 | 1; selfmenu_info: { button: unknown[] } }> => this.get('/cgi-bin/get_current_selfmenu_info'),
    addConditional: (menu: { button: T.MenuButton[]; matchrule: T.MatchRule }): Promise<{ menuid: string }> =>
      this.post('/cgi-bin/menu/addconditional', menu),
    deleteConditional: (menuId: string): Promise<Ok> => this.post('/cgi-bin/menu/delconditional', { menuid: menuId }, true),
    tryMatch: (userId: string): Promise<{ button: T.MenuButton[] }> => this.post('/cgi-bin/menu/trymatch', { user_id: userId }, true),
  };

  readonly qrcodes = {
    create: (request: T.QrCodeRequest): Promise<T.QrCodeResponse> => this.post('/cgi-bin/qrcode/create', request),
    /** The showqrcode image URL; the ticket is URL-encoded (it often ends in ==). */
    imageUrl: (ticket: string): string => `${this.http.endpoints.mpBase.replace(/\/+$/, '')}/cgi-bin/showqrcode?ticket=${encodeURIComponent(ticket)}`,
  };

  readonly media = {
    /** Temporary media, kept 3 days. For `thumb` the id is in `thumb_media_id`. */
    upload: (type: T.MediaType, file: T.UploadFile): Promise<T.MediaUploadResponse> =>
      this.http.call('/cgi-bin/media/upload', { method: 'POST', query: { type }, form: formOf(file) }),
    /** The file, or `{ video_url }` for video. */
    get: (mediaId: string): Promise<BinaryResult | { video_url: string }> =>
      this.http.call('/cgi-bin/media/get', { method: 'GET', query: { media_id: mediaId }, binary: true, idempotent: true }),
    /** An image for article bodies (JPG/PNG under 1 MB); returns its mmbiz URL. */
    uploadImage: (file: T.UploadFile): Promise<{ url: string }> => this.http.call('/cgi-bin/media/uploadimg', { method: 'POST', form: formOf(file) }),
    /** Wraps a video for a mass send or preview (msgtype mpvideo, §4.5); returns the media_id to send. */
    uploadVideo: (video: { media_id: string; title: string; description: string }): Promise<T.MediaUploadResponse> => this.post('/cgi-bin/media/uploadvideo', video),
  };

  readonly materials = {
    /** Permanent material. Video needs `{ title, introduction }`. */
    add: (type: T.MediaType, file: T.UploadFile, video?: { title: string; introduction: string }): Promise<T.MaterialAddResponse> =>
      this.http.call('/cgi-bin/material/add_material', {
        method: 'POST',
        query: { type },
        form: formOf(file, video ? { description: JSON.stringify(video) } : {}),
      }),
    get: (mediaId: string): Promise<BinaryResult | Record<string, unknown>> =>
      this.http.call('/cgi-bin/material/get_material', { method: 'POST', json: { media_id: mediaId }, binary: true, idempotent: true }),
    delete: (mediaId: string): Promise<Ok> => this.post('/cgi-bin/material/del_material', { media_id: mediaId }, true),
    count: (): Promise<T.MaterialCount> => this.get('/cgi-bin/material/get_materialcount'),
    list: (type: 'image' | 'video' | 'voice' | 'news', offset = 0, count = 20): Promise<T.MaterialList> =>
      this.post('/cgi-bin/material/batchget_material', { type, offset, count }, true),
  };

  /** The draft box (§4.11): news messages of 1–8 articles, then published or mass-sent. */
  readonly drafts = {
    add: (articles: T.DraftArticle[]): Promise<{ media_id: string }> => this.post('/cgi-bin/draft/add', { articles }),
    get: (mediaId: string): Promise<{ news_item: T.DraftArticle[] }> => this.post('/cgi-bin/draft/get', { media_id: mediaId }, true),
    /** Replaces one article; `index` is 0-based (freepublish/delete counts from 1). */
    update: (mediaId: string, index: number, article: T.DraftArticle): Promise<Ok> => this.post('/cgi-bin/draft/update', { media_id: mediaId, index, articles: article }, true),
    delete: (mediaId: string): Promise<Ok> => this.post('/cgi-bin/draft/delete', { media_id: mediaId }, true),
    count: (): Promise<{ total_count: number }> => this.get('/cgi-bin/draft/count'),
  };

  /** Publishing drafts (发布, not a broadcast): asynchronous, ends with a PUBLISHJOBFINISH push (§4.11). */
  readonly publishing = {
    /** Takes the draft out of the draft box. */
    submit: (mediaId: string): Promise<{ publish_id: string | number; msg_data_id?: number | string }> => this.post('/cgi-bin/freepublish/submit', { media_id: mediaId }),
    status: (publishId: string): Promise<T.PublishStatus> => this.post('/cgi-bin/freepublish/get', { publish_id: publishId }, true),
    /** `index` is 1-based; 0 deletes every article. */
    delete: (articleId: string, index = 0): Promise<Ok> => this.post('/cgi-bin/freepublish/delete', { article_id: articleId, index }, true),
    getArticle: (articleId: string): Promise<{ news_item: Array<T.DraftArticle & { url: string; is_deleted: boolean }> }> =>
      this.post('/cgi-bin/freepublish/getarticle', { article_id: articleId }, true),
  };

  readonly mass = {
    /** To everyone or one tag. Pass `clientmsgid` so a repeated call is refused with 45065 instead of sending twice. */
    sendAll: (request: T.MassSendAllRequest): Promise<T.MassSendResponse> =>
      this.post('/cgi-bin/message/mass/sendall', request, request.clientmsgid !== undefined),
    /** To 2–10,000 openids (verified service accounts). */
    send: (request: T.MassSendRequest): Promise<T.MassSendResponse> => this.post('/cgi-bin/message/mass/send', request, request.clientmsgid !== undefined),
    preview: (request: T.MassPreviewRequest): Promise<{ msg_id?: number | string }> => this.post('/cgi-bin/message/mass/preview', request),
    status: (msgId: string | number): Promise<T.MassStatus> => this.post('/cgi-bin/message/mass/get', { msg_id: String(msgId) }, true),
    delete: (msgId: string | number, articleIdx = 0): Promise<Ok> =>
      this.post('/cgi-bin/message/mass/delete', { msg_id: msgId, article_idx: articleIdx }, true),
  };
}
