// Failed calls, as the fan and the staff clients report them.
import type { ErrorBody } from '@zhanggui/shared';
import { text } from './text.ts';

/** A failed call: `code` is the server's stable error code (branch on it); `message` is for people. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, message: string, status: number, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** The client's own code when no answer came (offline, timeout) or the answer was not JSON. */
export const NETWORK_ERROR = 'CLIENT_NETWORK';

/** Turns a non-2xx response into an ApiError carrying the server's code, message and details. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const payload = (await response.json().catch(() => undefined)) as Partial<ErrorBody> | undefined;
  const failure = payload?.error;
  if (failure && typeof failure.code === 'string') {
    return new ApiError(failure.code, failure.message || text.common.loadFailed, response.status, failure.details);
  }
  return new ApiError(NETWORK_ERROR, text.common.networkError, response.status);
}

/**
 * One JSON call: `unsafeHeaders` go with every state-changing request (the fan header or the CSRF token).
 * Resolves with the body (undefined for 204); a non-2xx answer or no answer throws an ApiError.
 */
export async function callJson<T>(method: string, url: string, unsafeHeaders: Record<string, string>, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': 'zh-CN' };
  let payload: string | undefined;
  if (method !== 'GET') {
    Object.assign(headers, unsafeHeaders, { 'Content-Type': 'application/json' });
    payload = JSON.stringify(body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin', signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(NETWORK_ERROR, text.common.networkError, 0);
  }
  if (response.status === 204) return undefined as T;
  if (response.ok) return (await response.json()) as T;
  throw await errorFromResponse(response);
}

/** The words to show for any failure: the server's message (already in Chinese), else our own. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError && error.message) return error.message;
  return text.common.networkError;
}

/** PROFILE_INVALID and VALIDATION_FAILED carry `details.fields`: field name → message. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields = (error.details as { fields?: unknown } | undefined)?.fields;
  if (!fields || typeof fields !== 'object') return {};
  const result: Record<string, string> = {};
  for (const [name, message] of Object.entries(fields)) if (typeof message === 'string') result[name] = message;
  return result;
}
