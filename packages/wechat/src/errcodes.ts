/**
 * WeChat errcodes mapped to our stable codes and plain-word explanations (wechat-protocol.md §5.1).
 * Operators see these messages, never WeChat's raw errmsg; clients branch on `code`.
 */
export interface ErrcodeInfo {
  code: string;
  zh: string;
  en: string;
}

const table: Record<number, ErrcodeInfo> = {
  [-1]: { code: 'WX_SYSTEM_BUSY', zh: '微信系统繁忙，请稍后重试', en: 'WeChat is busy; try again shortly' },
  40001: {
    code: 'WX_CREDENTIAL_INVALID',
    zh: 'AppSecret 错误，或 access_token 已失效（可能被其他系统刷新）',
    en: 'Wrong AppSecret, or the access token is no longer valid (perhaps refreshed by another system)',
  },
  40002: { code: 'WX_GRANT_TYPE_INVALID', zh: 'grant_type 不合法', en: 'Invalid grant_type' },
  40003: { code: 'WX_OPENID_INVALID', zh: 'openid 无效，或该用户未关注公众号', en: 'Invalid openid, or the user does not follow the account' },
  40004: { code: 'WX_MEDIA_TYPE_INVALID', zh: '媒体文件类型不合法', en: 'Invalid media type' },
  40005: { code: 'WX_FILE_TYPE_INVALID', zh: '文件格式不合法', en: 'Invalid file type' },
  40006: { code: 'WX_FILE_SIZE_INVALID', zh: '文件大小不合法', en: 'Invalid file size' },
  40007: { code: 'WX_MEDIA_ID_INVALID', zh: 'media_id 无效或已过期', en: 'Invalid or expired media_id' },
  40008: { code: 'WX_MESSAGE_TYPE_INVALID', zh: '消息类型不合法', en: 'Invalid message type' },
  40013: { code: 'WX_APPID_INVALID', zh: 'AppID 无效，请检查是否填写正确', en: 'Invalid AppID; check that it was entered correctly' },
  40014: { code: 'WX_ACCESS_TOKEN_INVALID', zh: 'access_token 不合法', en: 'Malformed access token' },
  40016: { code: 'WX_MENU_BUTTON_COUNT', zh: '一级菜单数量不合法（1–3 个）', en: 'Invalid number of top-level buttons (1–3)' },
  40017: { code: 'WX_MENU_BUTTON_TYPE', zh: '菜单按钮类型不合法', en: 'Invalid button type' },
  40018: { code: 'WX_MENU_BUTTON_NAME', zh: '菜单名称过长', en: 'Button name too long' },
  40019: { code: 'WX_MENU_BUTTON_KEY', zh: '菜单 KEY 过长', en: 'Button key too long' },
  40020: { code: 'WX_MENU_BUTTON_URL', zh: '菜单链接过长', en: 'Button URL too long' },
  40023: { code: 'WX_MENU_SUB_BUTTON_COUNT', zh: '子菜单数量不合法（1–5 个）', en: 'Invalid number of sub-buttons (1–5)' },
  40029: { code: 'WX_OAUTH_CODE_INVALID', zh: '网页授权 code 无效', en: 'Invalid OAuth code' },
  40032: { code: 'WX_OPENID_LIST_SIZE', zh: 'openid 列表数量超出限制', en: 'Too many openids in the list' },
  40033: { code: 'WX_CHARSET_INVALID', zh: '请求含有非法字符编码', en: 'Invalid characters in the request' },
  40037: { code: 'WX_TEMPLATE_ID_INVALID', zh: '模板 ID 无效', en: 'Invalid template id' },
  40053: { code: 'WX_ACTION_INVALID', zh: '操作不合法（例如永久二维码已达上限）', en: 'Invalid action (e.g. the permanent QR code limit was reached)' },
  40059: { code: 'WX_MSG_ID_INVALID', zh: '群发消息 ID 无效', en: 'Invalid mass message id' },
  40125: { code: 'WX_APPSECRET_INVALID', zh: 'AppSecret 错误，请到公众平台重置后重新填写', en: 'Wrong AppSecret; reset it in the WeChat console and enter it again' },
  40130: { code: 'WX_OPENID_LIST_TOO_SHORT', zh: '按 openid 群发至少需要 2 个用户', en: 'A send by openid needs at least two openids' },
  40163: { code: 'WX_OAUTH_CODE_USED', zh: '网页授权 code 已被使用', en: 'The OAuth code was already used' },
  40164: {
    code: 'WX_IP_NOT_WHITELISTED',
    zh: '服务器 IP 不在公众号的 IP 白名单中，请在公众平台「基本配置」中添加',
    en: "This server's IP is not in the account's IP whitelist; add it under Basic Configuration in the WeChat console",
  },
  41001: { code: 'WX_ACCESS_TOKEN_MISSING', zh: '缺少 access_token', en: 'Access token missing' },
  41002: { code: 'WX_APPID_MISSING', zh: '缺少 AppID', en: 'AppID missing' },
  41004: { code: 'WX_APPSECRET_MISSING', zh: '缺少 AppSecret', en: 'AppSecret missing' },
  42001: { code: 'WX_ACCESS_TOKEN_EXPIRED', zh: 'access_token 已过期', en: 'Access token expired' },
  42003: { code: 'WX_OAUTH_CODE_EXPIRED', zh: '网页授权 code 已过期', en: 'OAuth code expired' },
  43001: { code: 'WX_REQUIRE_GET', zh: '需要 GET 请求', en: 'GET required' },
  43002: { code: 'WX_REQUIRE_POST', zh: '需要 POST 请求', en: 'POST required' },
  43004: { code: 'WX_REQUIRE_SUBSCRIBE', zh: '该用户未关注公众号', en: 'The user does not follow the account' },
  43019: { code: 'WX_USER_BLACKLISTED', zh: '该用户在黑名单中', en: 'The user is on the blacklist' },
  43101: { code: 'WX_USER_REFUSED', zh: '用户拒绝接收此消息', en: 'The user refuses this message' },
  44001: { code: 'WX_MEDIA_EMPTY', zh: '文件为空', en: 'Empty file' },
  44002: { code: 'WX_POST_EMPTY', zh: '请求内容为空', en: 'Empty POST body' },
  45001: { code: 'WX_MEDIA_TOO_LARGE', zh: '文件超过大小限制', en: 'File too large' },
  45008: { code: 'WX_ARTICLE_COUNT', zh: '图文消息的文章数量超出限制', en: 'Too many articles in the news message' },
  45009: { code: 'WX_DAILY_QUOTA_EXCEEDED', zh: '接口今日调用次数已达上限', en: "The API's daily call quota is used up" },
  45011: { code: 'WX_MINUTE_QUOTA_EXCEEDED', zh: '接口调用过于频繁，请稍后再试', en: 'Calls too frequent; try again in a minute' },
  45015: {
    code: 'WX_CS_WINDOW_CLOSED',
    zh: '粉丝 48 小时内未与公众号互动（或已取消关注），无法发送客服消息',
    en: 'The fan has not interacted within 48 hours (or unfollowed); customer-service messages cannot be sent',
  },
  45026: { code: 'WX_TEMPLATE_LIMIT', zh: '模板数量已达上限', en: 'Template limit reached' },
  45028: { code: 'WX_MASS_QUOTA_EXCEEDED', zh: '群发次数已用完', en: 'No mass-send quota left' },
  45047: {
    code: 'WX_CS_QUOTA_EXCEEDED',
    zh: '本次互动后可发送的客服消息已达上限，请等待粉丝再次发消息',
    en: 'The customer-service messages allowed after the fan’s last interaction are used up; wait for the fan to write again',
  },
  45056: { code: 'WX_TAG_LIMIT', zh: '标签数量已达上限（100 个）', en: 'Tag limit reached (100)' },
  45057: { code: 'WX_TAG_TOO_MANY_FANS', zh: '该标签下粉丝超过 10 万，不能直接删除', en: 'The tag has over 100,000 fans and cannot be deleted' },
  45058: { code: 'WX_TAG_SYSTEM', zh: '系统默认标签不能修改', en: 'System tags cannot be changed' },
  45059: { code: 'WX_FAN_TAG_LIMIT', zh: '粉丝的标签数量已达上限（20 个）', en: 'A fan would exceed 20 tags' },
  45065: { code: 'WX_CLIENTMSGID_EXISTS', zh: '相同 clientmsgid 的群发已提交', en: 'A mass send with this clientmsgid was already submitted' },
  45066: { code: 'WX_CLIENTMSGID_RETRY_TOO_FAST', zh: '相同 clientmsgid 重试过快，请 1 分钟后再试', en: 'Retried the same clientmsgid too fast; wait a minute' },
  45067: { code: 'WX_CLIENTMSGID_TOO_LONG', zh: 'clientmsgid 过长', en: 'clientmsgid too long' },
  45157: { code: 'WX_TAG_NAME_DUPLICATE', zh: '标签名已存在', en: 'A tag with this name already exists' },
  45158: { code: 'WX_TAG_NAME_TOO_LONG', zh: '标签名过长（不超过 30 个字符）', en: 'Tag name too long (30 characters at most)' },
  45159: { code: 'WX_TAG_ID_INVALID', zh: '标签 ID 无效', en: 'Invalid tag id' },
  46001: { code: 'WX_MEDIA_NOT_FOUND', zh: '媒体文件不存在', en: 'Media not found' },
  46003: { code: 'WX_MENU_NOT_FOUND', zh: '菜单不存在', en: 'No menu' },
  46004: { code: 'WX_USER_NOT_FOUND', zh: '用户不存在', en: 'User not found' },
  47001: { code: 'WX_DATA_FORMAT', zh: '请求数据格式错误', en: 'Malformed request data' },
  47003: { code: 'WX_ARGUMENT_INVALID', zh: '参数不合法', en: 'Invalid argument' },
  48001: {
    code: 'WX_API_UNAUTHORIZED',
    zh: '公众号没有此接口权限（可能需要认证或服务号）',
    en: 'The account is not allowed to use this API (it may need verification or a service account)',
  },
  48002: { code: 'WX_USER_BLOCKS_MESSAGES', zh: '粉丝已关闭接收消息', en: 'The fan has turned off messages from the account' },
  48004: { code: 'WX_API_BANNED', zh: '接口已被封禁', en: 'The API is banned for this account' },
  48005: { code: 'WX_MATERIAL_IN_USE', zh: '素材正在被自动回复或菜单使用', en: 'The material is used by an auto-reply or menu' },
  48006: { code: 'WX_CLEAR_QUOTA_LIMIT', zh: '本月清零次数已用完', en: 'No quota clears left this month' },
  49003: { code: 'WX_OPENID_NOT_OF_APP', zh: 'openid 不属于此公众号', en: 'The openid belongs to another account' },
  53500: { code: 'WX_PUBLISH_BANNED', zh: '发布功能被封禁', en: 'Publishing is banned' },
  53501: { code: 'WX_PUBLISH_TOO_OFTEN', zh: '发布过于频繁', en: 'Publishing too often' },
  53502: { code: 'WX_PUBLISH_ID_INVALID', zh: 'publish_id 无效', en: 'Invalid publish_id' },
  53600: { code: 'WX_ARTICLE_ID_INVALID', zh: 'article_id 无效', en: 'Invalid article_id' },
  61500: { code: 'WX_DATACUBE_DATE_FORMAT', zh: '日期格式错误', en: 'Date format error' },
  61501: { code: 'WX_DATACUBE_DATE_RANGE', zh: '日期范围错误', en: 'Date range error' },
  65301: { code: 'WX_MENU_CONDITIONAL_NOT_FOUND', zh: '个性化菜单不存在', en: 'No such conditional menu' },
  65302: { code: 'WX_MENU_TRYMATCH_NO_USER', zh: '没有该用户', en: 'No such user' },
  65303: { code: 'WX_MENU_DEFAULT_MISSING', zh: '请先创建默认菜单', en: 'Create the default menu first' },
  65304: { code: 'WX_MENU_MATCHRULE_EMPTY', zh: '匹配规则不能为空', en: 'The match rule is empty' },
  65320: { code: 'WX_MENU_MATCHRULE_PRIVACY', zh: '匹配规则不能使用性别、地区等隐私字段', en: 'Match rules may not use privacy fields (sex, region, language)' },
  89501: { code: 'WX_AWAITING_ADMIN', zh: '等待管理员确认', en: 'Waiting for the administrator to confirm' },
  89503: { code: 'WX_AWAITING_ADMIN', zh: '此 IP 调用需要管理员确认', en: 'Calls from this IP need the administrator’s confirmation' },
};

/** Our stable code and message for a WeChat errcode; unknown codes map to WX_API_ERROR. */
export function describeErrcode(errcode: number): ErrcodeInfo {
  return (
    table[errcode] ?? {
      code: 'WX_API_ERROR',
      zh: `微信接口返回错误（${errcode}）`,
      en: `WeChat returned an error (${errcode})`,
    }
  );
}

/** errcodes after which the access token must be refetched and the call retried once. */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

/** A failed WeChat API call. `errmsg` is WeChat's own text, kept for logs; show `zh`/`en` to people. */
export class WechatApiError extends Error {
  override readonly name = 'WechatApiError';
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly path: string,
    /** The response body, for calls whose errors carry data (45065 returns the existing msg_id). */
    readonly body: Record<string, unknown> = {},
  ) {
    const info = describeErrcode(errcode);
    super(`${path}: ${errcode} ${errmsg}`);
    this.code = info.code;
    this.zh = info.zh;
    this.en = info.en;
  }
}
