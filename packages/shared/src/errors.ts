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
