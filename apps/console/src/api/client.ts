// The one place that talks HTTP to the server: JSON in and out, the CSRF header on every state-changing
// request, Accept-Language for translated error messages, and errors as ApiError carrying the stable code.
import type { ErrorBody } from '@zhanggui/shared';

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

/** Codes the client itself produces when there is no server answer to report. */
export const CLIENT_ERROR = { network: 'CLIENT_NETWORK', badResponse: 'CLIENT_BAD_RESPONSE' } as const;

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  form?: FormData;
  signal?: AbortSignal;
}

const state = {
  csrfToken: null as string | null,
  language: 'zh-CN' as string,
  onUnauthorized: null as (() => void) | null,
};

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function setRequestLanguage(language: string): void {
  state.language = language;
}

/** Called when a request comes back 401 AUTH_REQUIRED: the session ended (expired, or signed out elsewhere). */
export function onUnauthorized(handler: (() => void) | null): void {
  state.onUnauthorized = handler;
}

/** `/api/...` plus a query string with empty values left out. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': state.language };
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(CLIENT_ERROR.network, '', 0);
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;

  const failure = (payload as Partial<ErrorBody> | undefined)?.error;
  const error = failure
    ? new ApiError(failure.code, failure.message, response.status, failure.details)
    : new ApiError(CLIENT_ERROR.badResponse, '', response.status);
  if (error.code === 'AUTH_REQUIRED' && path !== '/auth/me') state.onUnauthorized?.();
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** multipart/form-data (a file field); POST by default, PUT where the route replaces a single file. */
  upload: <T>(path: string, form: FormData, method: 'POST' | 'PUT' = 'POST') => request<T>(method, path, { form }),
};

/** Lists are bare arrays in the contract; tolerate `{ items }` as well. */
export function listOf<T>(result: T[] | { items: T[] }): T[] {
  return Array.isArray(result) ? result : result.items;
}
