// Request and response shapes of the REST APIs, in WeChat's own field names (wechat-protocol.md §4).

export interface TokenResponse {
  access_token: string;
  expires_in: number;
}

export interface FollowerPage {
  total: number;
  count: number;
  /** Missing on the last (empty) page. */
  data?: { openid: string[] };
  next_openid?: string;
}

export type SubscribeScene =
  | 'ADD_SCENE_SEARCH'
  | 'ADD_SCENE_ACCOUNT_MIGRATION'
  | 'ADD_SCENE_PROFILE_CARD'
  | 'ADD_SCENE_QR_CODE'
  | 'ADD_SCENE_PROFILE_LINK'
  | 'ADD_SCENE_PROFILE_ITEM'
  | 'ADD_SCENE_PAID'
  | 'ADD_SCENE_WECHAT_ADVERTISEMENT'
  | 'ADD_SCENE_REPRINT'
  | 'ADD_SCENE_LIVESTREAM'
  | 'ADD_SCENE_CHANNELS'
  | 'ADD_SCENE_OTHERS';

export interface UserInfo {
  subscribe: 0 | 1;
  openid: string;
  language?: string;
  subscribe_time?: number;
  unionid?: string;
  remark?: string;
  groupid?: number;
  tagid_list?: number[];
  subscribe_scene?: SubscribeScene | string;
  qr_scene?: number;
  qr_scene_str?: string;
}

export interface Tag {
  id: number;
  name: string;
  count?: number;
}

export interface OpenidPage {
  total?: number;
  count: number;
  data?: { openid: string[] };
  next_openid?: string;
}

export interface NewsItem {
  title: string;
  description?: string;
  url?: string;
  picurl?: string;
}

/** A customer-service message (§4.3). */
export type CustomMessage = { touser: string; customservice?: { kf_account: string } } & (
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'image'; image: { media_id: string } }
  | { msgtype: 'voice'; voice: { media_id: string } }
  | { msgtype: 'video'; video: { media_id: string; thumb_media_id?: string; title?: string; description?: string } }
  | {
      msgtype: 'music';
      music: { title?: string; description?: string; musicurl: string; hqmusicurl?: string; thumb_media_id: string };
    }
  | { msgtype: 'news'; news: { articles: NewsItem[] } }
  | { msgtype: 'mpnewsarticle'; mpnewsarticle: { article_id: string } }
  | { msgtype: 'msgmenu'; msgmenu: { head_content: string; list: Array<{ id: string; content: string }>; tail_content: string } }
  | { msgtype: 'wxcard'; wxcard: { card_id: string } }
  | { msgtype: 'miniprogrampage'; miniprogrampage: { title: string; appid: string; pagepath: string; thumb_media_id: string } }
);

export interface TemplateMessage {
  touser: string;
  template_id: string;
  url?: string;
  miniprogram?: { appid: string; pagepath?: string };
  client_msg_id?: string;
  data: Record<string, { value: string; color?: string }>;
}

export type MenuButton =
  | { name: string; sub_button: MenuButton[] }
  | { type: 'click' | 'scancode_push' | 'scancode_waitmsg' | 'pic_sysphoto' | 'pic_photo_or_album' | 'pic_weixin' | 'location_select'; name: string; key: string }
  | { type: 'view'; name: string; url: string }
  | { type: 'miniprogram'; name: string; url: string; appid: string; pagepath: string }
  | { type: 'media_id' | 'view_limited'; name: string; media_id: string }
  | { type: 'article_id' | 'article_view_limited'; name: string; article_id: string };

export interface MatchRule {
  tag_id?: string;
  client_platform_type?: string;
}

export interface Menu {
  button: MenuButton[];
  menuid?: string;
}

export interface MenuGetResponse {
  menu: Menu;
  conditionalmenu?: Array<Menu & { matchrule: MatchRule }>;
}

export type QrCodeRequest =
  | { action_name: 'QR_SCENE'; expire_seconds?: number; action_info: { scene: { scene_id: number } } }
  | { action_name: 'QR_STR_SCENE'; expire_seconds?: number; action_info: { scene: { scene_str: string } } }
  | { action_name: 'QR_LIMIT_SCENE'; action_info: { scene: { scene_id: number } } }
  | { action_name: 'QR_LIMIT_STR_SCENE'; action_info: { scene: { scene_str: string } } };

export interface QrCodeResponse {
  ticket: string;
  expire_seconds?: number;
  url: string;
}

export type MediaType = 'image' | 'voice' | 'video' | 'thumb';

export interface UploadFile {
  data: Buffer | Uint8Array;
  filename: string;
  contentType?: string;
}

export interface MediaUploadResponse {
  type: MediaType;
  media_id?: string;
  /** For type `thumb` the id comes back under this key instead. */
  thumb_media_id?: string;
  created_at: number;
}

export interface MaterialAddResponse {
  media_id: string;
  url?: string;
}

export interface MaterialCount {
  voice_count: number;
  video_count: number;
  image_count: number;
  news_count: number;
}

export interface MaterialList {
  total_count: number;
  item_count: number;
  item: Array<{ media_id: string; name?: string; update_time: number; url?: string; content?: unknown }>;
}

/** The message part of a mass send (§4.5). */
export type MassContent =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'mpnews'; mpnews: { media_id: string } }
  | { msgtype: 'voice'; voice: { media_id: string } }
  | { msgtype: 'image'; images: { media_ids: string[]; recommend?: string; need_open_comment?: number; only_fans_can_comment?: number } }
  | { msgtype: 'mpvideo'; mpvideo: { media_id: string; title?: string; description?: string } }
  | { msgtype: 'wxcard'; wxcard: { card_id: string } };

export type MassSendAllRequest = MassContent & {
  filter: { is_to_all: boolean; tag_id?: number };
  send_ignore_reprint?: 0 | 1;
  clientmsgid?: string;
};

export type MassSendRequest = MassContent & { touser: string[]; send_ignore_reprint?: 0 | 1; clientmsgid?: string };

/** Previews take the older single-image form too (`image.media_id`), as WeChat's preview documentation shows it. */
export type MassPreviewRequest = (MassContent | { msgtype: 'image'; image: { media_id: string } }) & ({ touser: string } | { towxname: string });

export interface MassSendResponse {
  msg_id: number | string;
  msg_data_id?: number | string;
}

export interface MassStatus {
  msg_id: number | string;
  msg_status: 'SEND_SUCCESS' | 'SENDING' | 'SEND_FAIL' | 'DELETE';
}

/** A draft article (§4.11). `thumb_media_id` is a permanent material id; content images must be uploadimg URLs. */
export interface DraftArticle {
  article_type?: 'news' | 'newspic';
  title: string;
  author?: string;
  digest?: string;
  content: string;
  content_source_url?: string;
  thumb_media_id: string;
  /** Older draft documentation; WeChat ignores it where unsupported. */
  show_cover_pic?: 0 | 1;
  need_open_comment?: 0 | 1;
  only_fans_can_comment?: 0 | 1;
}

/** freepublish/get: publish_status 0 success, 1 publishing, 2 originality check failed, 3 failed, 4 rejected, 5 deleted by the account, 6 banned. */
export interface PublishStatus {
  publish_id: string | number;
  publish_status: number;
  article_id?: string;
  article_detail?: { count: number; item: Array<{ idx: number; article_url: string }> };
  fail_idx?: number[];
}

/** /sns/oauth2/access_token (§4.12): a per-user token, not the account's. */
export interface OAuthTokenResponse {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  openid: string;
  scope: string;
  is_snapshotuser?: number;
  unionid?: string;
}
