import { ERRORS, type ErrorBody, type ErrorCode } from '@zhanggui/shared';
import { CallbackError, WechatApiError } from '@zhanggui/wechat';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { issueMessage, saidIn } from './validation-messages.ts';

/** An error with a stable code from the catalogue; its HTTP status comes from there. */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? ERRORS[code].en);
    this.status = ERRORS[code].status;
  }
}

/** zh-CN unless the caller prefers English (`?lang=` wins: EventSource cannot set Accept-Language). */
export function languageOf(request: FastifyRequest): 'zh' | 'en' {
  const query = (request.query as { lang?: unknown } | undefined)?.lang;
  if (query === 'en' || query === 'zh') return query;
  const header = request.headers['accept-language'] ?? '';
  return /^en\b/i.test(header) ? 'en' : 'zh';
}

/** Maps any thrown error to a status and the stable JSON error body. Unknown errors become INTERNAL. */
export function toErrorResponse(error: unknown, lang: 'zh' | 'en'): { status: number; body: ErrorBody } {
  const message = (code: ErrorCode) => ERRORS[code][lang];
  if (error instanceof AppError) return { status: error.status, body: { error: { code: error.code, message: message(error.code), details: localizeDetails(error.details, lang) } } };
  if (error instanceof CallbackError) {
    return { status: error.status, body: { error: { code: error.code, message: message(error.code), details: error.message } } };
  }
  if (error instanceof WechatApiError) {
    // WeChat refusing a request (quota, window, bad id…) is 422; WeChat being busy or unreachable is 503.
    return {
      status: error.errcode === -1 ? 503 : 422,
      body: { error: { code: error.code, message: lang === 'en' ? error.en : error.zh, details: { errcode: error.errcode, path: error.path } } },
    };
  }
  if (error instanceof ZodError) {
    return {
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: message('VALIDATION_FAILED'), details: error.issues.map((i) => ({ path: i.path.join('.'), message: issueMessage(i, lang) })) } },
    };
  }
  const fastifyCode = (error as { code?: string }).code;
  if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, body: { error: { code: 'REQUEST_TOO_LARGE', message: message('REQUEST_TOO_LARGE') } } };
  if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: message('UNSUPPORTED_MEDIA_TYPE') } } };
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) {
    return { status, body: { error: { code: 'VALIDATION_FAILED', message: (error as Error).message } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: message('INTERNAL') } } };
}

/** `[{ path, message }]` details of our own checks, their messages in the caller's language. */
function localizeDetails(details: unknown, lang: 'zh' | 'en'): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((detail: unknown) =>
    detail && typeof detail === 'object' && typeof (detail as { message?: unknown }).message === 'string' ? { ...detail, message: saidIn((detail as { message: string }).message, lang) } : detail,
  );
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: unknown): FastifyReply {
  const { status, body } = toErrorResponse(error, languageOf(request));
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}
