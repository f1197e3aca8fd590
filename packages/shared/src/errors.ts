/**
 * The catalogue of stable error codes: HTTP status and a message in zh-CN and English.
 * Clients branch on `code`, never on the message. Modules add their codes here.
 */
export interface ErrorSpec {
  status: number;
  zh: string;
  en: string;
}

export const ERRORS = {
  // Generic
  VALIDATION_FAILED: { status: 400, zh: '输入有误，请检查标出的字段', en: 'Some fields are invalid' },
  NOT_FOUND: { status: 404, zh: '找不到该资源', en: 'Not found' },
  REQUEST_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  RATE_LIMITED: { status: 429, zh: '操作过于频繁，请稍后再试', en: 'Too many requests; try again shortly' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },

  // Operators and sessions
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_RATE_LIMITED: { status: 429, zh: '登录尝试过多，请稍后再试', en: 'Too many sign-in attempts; try again later' },
  CSRF_FAILED: { status: 403, zh: '请求缺少有效的 CSRF 令牌，请刷新页面后重试', en: 'Missing or invalid CSRF token; reload the page and try again' },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限', en: 'You do not have permission to do this' },
  OPERATOR_USERNAME_TAKEN: { status: 409, zh: '该用户名已被使用', en: 'This username is taken' },
  OPERATOR_NOT_FOUND: { status: 404, zh: '找不到该操作员', en: 'Operator not found' },
  PASSWORD_TOO_WEAK: { status: 400, zh: '密码至少 10 位', en: 'The password must have at least 10 characters' },
  LAST_OWNER: { status: 409, zh: '公众号至少需要一位所有者', en: 'An account needs at least one owner' },

  // Inbox and fans
  CONVERSATION_NOT_FOUND: { status: 404, zh: '找不到该会话', en: 'Conversation not found' },
  FAN_NOT_FOUND: { status: 404, zh: '找不到该粉丝', en: 'Fan not found' },
  INBOX_WINDOW_CLOSED: {
    status: 409,
    zh: '粉丝 48 小时内没有发消息，已不能主动回复；等粉丝再次发消息后即可回复',
    en: 'The fan has not written in the last 48 hours, so you cannot reply until they write again',
  },
  INBOX_QUOTA_USED: { status: 409, zh: '本次可回复的消息条数已用完，请等待粉丝再次发消息', en: 'The replies allowed in this window are used up; wait for the fan to write again' },
  INBOX_NOT_ALLOWED: {
    status: 409,
    zh: '该公众号类型不能使用客服消息接口（需认证的服务号或订阅号）',
    en: 'This type of account cannot use customer-service messages (it must be verified)',
  },
  UPLOAD_INVALID: { status: 400, zh: '文件格式或大小不符合要求', en: 'The file type or size is not accepted' },
  TAG_NAME_TAKEN: { status: 409, zh: '已有同名标签', en: 'A tag with this name exists' },
  TAG_SYSTEM: { status: 409, zh: '系统标签不能修改或删除', en: 'System tags cannot be changed or deleted' },
  JOB_NOT_FOUND: { status: 404, zh: '找不到该任务', en: 'Job not found' },
  JOB_ALREADY_RUNNING: { status: 409, zh: '已有同类任务在进行中', en: 'A job of this kind is already running' },

  // WeChat callback (the webhook)
  WX_ACCOUNT_NOT_FOUND: { status: 404, zh: '回调地址对应的公众号不存在', en: 'No account at this callback URL' },
  WX_SIGNATURE_INVALID: { status: 401, zh: '签名校验失败（请检查 Token）', en: 'Signature check failed (check the Token)' },
  WX_TIMESTAMP_STALE: { status: 401, zh: '请求时间戳已过期（请检查服务器时间）', en: 'Timestamp too old or in the future (check the server clock)' },
  WX_BODY_TOO_LARGE: { status: 413, zh: '回调消息体过大', en: 'Callback body too large' },
  WX_XML_MALFORMED: { status: 400, zh: 'XML 格式错误', en: 'Malformed XML' },
  WX_XML_DOCTYPE: { status: 400, zh: '拒绝包含 DOCTYPE 或实体声明的 XML', en: 'XML with a DOCTYPE or entity declaration is refused' },
  WX_APPID_MISMATCH: { status: 401, zh: '消息解密后的 AppID 与公众号不符', en: 'The decrypted message belongs to another AppID' },
  WX_DECRYPT_FAILED: { status: 400, zh: '消息解密失败（请检查 EncodingAESKey）', en: 'Decryption failed (check the EncodingAESKey)' },
  WX_ENCRYPTION_REQUIRED: { status: 400, zh: '该公众号为安全模式，只接受加密消息', en: 'This account is in safe mode and only accepts encrypted pushes' },
  WX_MESSAGE_INVALID: { status: 400, zh: '消息内容不完整', en: 'The message is incomplete' },

  // Accounts
  ACCOUNT_NOT_FOUND: { status: 404, zh: '公众号不存在', en: 'Account not found' },
  ACCOUNT_APPID_TAKEN: { status: 409, zh: '该 AppID 已接入', en: 'An account with this AppID is already connected' },

  // Menus and QR channels
  MENU_INVALID: { status: 400, zh: '菜单不符合微信的要求，请按提示修改', en: 'The menu breaks WeChat’s limits; see the problems listed' },
  MENU_EMPTY: { status: 409, zh: '还没有可发布的菜单', en: 'There is no menu to publish' },
  QR_CHANNEL_NOT_FOUND: { status: 404, zh: '找不到该渠道', en: 'Channel not found' },
  QR_CODE_NOT_FOUND: { status: 404, zh: '找不到该二维码', en: 'QR code not found' },
  QR_PERMANENT_QUOTA: { status: 409, zh: '永久二维码已达上限（每个公众号 100,000 个），请改用临时二维码', en: 'The account has used all 100,000 permanent codes; use temporary codes' },
  POSTER_INVALID: { status: 400, zh: '海报背景须为 PNG 或 JPEG 图片，且不超过 2 MB', en: 'The poster background must be a PNG or JPEG of at most 2 MB' },

  // Broadcasts
  BROADCAST_NOT_FOUND: { status: 404, zh: '找不到该群发', en: 'Broadcast not found' },
  BROADCAST_NOT_ALLOWED: { status: 409, zh: '未认证的公众号不能群发（需先完成微信认证）', en: 'Unverified accounts cannot broadcast (verify the account first)' },
  BROADCAST_TARGET_NOT_ALLOWED: {
    status: 409,
    zh: '订阅号只能群发给全部粉丝或一个标签；按条件筛选或限制打扰次数需要认证服务号',
    en: 'A subscription account can only broadcast to all fans or one tag; filters and fatigue caps need a verified service account',
  },
  BROADCAST_QUOTA_EXCEEDED: { status: 409, zh: '群发次数已用完', en: 'No broadcast quota left' },
  BROADCAST_AUDIENCE_TOO_SMALL: { status: 409, zh: '按名单群发至少需要 2 位粉丝', en: 'A broadcast to a list needs at least 2 fans' },
  BROADCAST_NOT_EDITABLE: { status: 409, zh: '该群发已开始或已结束，不能再修改或取消', en: 'This broadcast has started or ended and can no longer be changed or cancelled' },

  // Material library (details name the kind and its limit: { kind, formats, maxBytes })
  MATERIAL_NOT_FOUND: { status: 404, zh: '找不到该素材', en: 'Material not found' },
  MATERIAL_FILE_MISSING: { status: 400, zh: '请选择要上传的文件（表单字段 file）', en: 'Choose a file to upload (form field "file")' },
  MATERIAL_TYPE_INVALID: {
    status: 400,
    zh: '文件格式不符：图片 bmp/png/jpeg/jpg/gif，语音 mp3/wma/wav/amr，视频 mp4，缩略图 jpg；扩展名须与文件内容一致',
    en: 'Unsupported file: images bmp/png/jpeg/jpg/gif, voice mp3/wma/wav/amr, video mp4, thumbs jpg; the extension must match the content',
  },
  MATERIAL_TOO_LARGE: {
    status: 400,
    zh: '文件过大：图片最大 10 MB，语音最大 2 MB，视频最大 10 MB，缩略图最大 64 KB',
    en: 'File too large: images up to 10 MB, voice up to 2 MB, video up to 10 MB, thumbs up to 64 KB',
  },
  MATERIAL_IN_USE: {
    status: 409,
    zh: '素材正在被自动回复、菜单、图文或群发使用，请先解除引用再删除',
    en: 'The material is used by an automatic reply, the menu, a news draft or a broadcast; remove those uses first',
  },
  ARTICLE_IMAGE_INVALID: { status: 400, zh: '正文图片须为 JPG 或 PNG，且小于 1 MB', en: 'Article images must be JPG or PNG and under 1 MB' },
  NEWS_NOT_FOUND: { status: 404, zh: '找不到该图文', en: 'News draft not found' },
  NEWS_PUBLISHING: { status: 409, zh: '图文正在发布中，发布结束后才能修改或删除', en: 'The news is being published; change or delete it once publishing ends' },
  NEWS_IN_USE: { status: 409, zh: '图文正在被待发送的群发使用，发送前不能修改或删除', en: 'A broadcast waiting to be sent uses this news; it cannot be changed or deleted until it has gone out' },

  // Membership cards, points and coupons
  PROGRAM_NOT_ENABLED: { status: 409, zh: '本公众号尚未开通会员卡', en: 'This account has no membership card programme yet' },
  PROGRAM_INVALID: { status: 400, zh: '会员卡设置有误，请检查标出的字段', en: 'The card programme settings are invalid' },
  LOGO_INVALID: { status: 400, zh: 'Logo 须为 1 MB 以内的 JPG 或 PNG 图片', en: 'The logo must be a JPG or PNG image under 1 MB' },
  MEMBER_NOT_FOUND: { status: 404, zh: '找不到该会员', en: 'Member not found' },
  MEMBER_REQUIRED: { status: 409, zh: '请先领取会员卡', en: 'Get the membership card first' },
  PROFILE_INVALID: { status: 400, zh: '资料填写有误，请检查标出的项目', en: 'Some profile fields are invalid' },
  POINTS_INSUFFICIENT: { status: 409, zh: '积分不足', en: 'Not enough points' },
  ORDER_ALREADY_RECORDED: { status: 409, zh: '这张小票已经积过分了', en: 'Points were already given for this receipt' },
  COUPON_TEMPLATE_NOT_FOUND: { status: 404, zh: '找不到该优惠券', en: 'Coupon template not found' },
  COUPON_TEMPLATE_INVALID: { status: 400, zh: '优惠券设置有误，请检查标出的字段', en: 'The coupon template is invalid' },
  COUPON_TEMPLATE_DISABLED: { status: 409, zh: '该优惠券已停发', en: 'This coupon is no longer being issued' },
  COUPON_OUT_OF_STOCK: { status: 409, zh: '优惠券已被领完', en: 'This coupon has run out' },
  COUPON_LIMIT_REACHED: { status: 409, zh: '已达到每人可领取的数量', en: 'You already have as many of this coupon as one person may hold' },
  COUPON_NOT_CLAIMABLE: { status: 409, zh: '该优惠券不能直接领取', en: 'This coupon cannot be claimed directly' },
  COUPON_NOT_FOUND: { status: 404, zh: '券码不存在，请核对后重试', en: 'No coupon has this code; check it and try again' },
  COUPON_ALREADY_REDEEMED: { status: 409, zh: '该券已核销，不能重复使用', en: 'This coupon has already been redeemed' },
  COUPON_EXPIRED: { status: 409, zh: '该券已过期', en: 'This coupon has expired' },
  COUPON_NOT_YET_VALID: { status: 409, zh: '该券尚未到使用时间', en: 'This coupon is not valid yet' },
  COUPON_VOID: { status: 409, zh: '该券已作废', en: 'This coupon has been voided' },
  COUPON_MIN_SPEND: { status: 409, zh: '订单金额未达到使用门槛', en: 'The order does not reach the minimum spend' },
  FAN_AUTH_REQUIRED: { status: 401, zh: '请在微信中重新打开页面', en: 'Open this page again in WeChat' },
  FAN_AUTH_FAILED: { status: 400, zh: '微信授权失败，请重新打开页面', en: 'WeChat authorization failed; open the page again' },
  FAN_REQUEST_INVALID: { status: 403, zh: '请求无效，请刷新页面', en: 'Invalid request; reload the page' },

  // Calls to WeChat
  WECHAT_API_FAILED: { status: 502, zh: '微信接口调用失败', en: 'The WeChat API call failed' },
  WECHAT_UNREACHABLE: { status: 502, zh: '无法连接微信服务器', en: 'WeChat could not be reached' },
  WECHAT_TOKEN_UNAVAILABLE: { status: 503, zh: '暂时无法获取 access_token', en: 'No access token could be obtained right now' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/** The JSON body of every error response. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    /** Field-level problems for VALIDATION_FAILED; WeChat's errcode for WeChat failures. */
    details?: unknown;
  };
}
