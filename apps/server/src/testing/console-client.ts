import type { SessionView } from '@zhanggui/shared';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '@zhanggui/shared';
import type { Platform } from '../app.ts';

/** A signed-in console, talking to the real HTTP stack in process (inject), cookie and CSRF included. */
export interface ConsoleClient {
  session: SessionView;
  cookie: string;
  request(method: string, url: string, body?: unknown, options?: { csrf?: boolean; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  /** Sends one file (and form fields after it) as multipart/form-data, as the console's upload controls do. */
  upload(
    url: string,
    field: string,
    file: { filename: string; contentType?: string; data: Buffer } | null,
    method?: 'POST' | 'PUT',
    fields?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export async function signIn(http: FastifyInstance, username: string, password: string): Promise<ConsoleClient> {
  const login = await http.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const session = login.json() as SessionView;
  const request: ConsoleClient['request'] = (method, url, body, options = {}) =>
    http.inject({
      method: method as never,
      url,
      headers: { cookie, ...(options.csrf === false ? {} : { 'x-csrf-token': session.csrfToken }), ...options.headers },
      ...(body === undefined ? {} : { payload: body as never }),
    });
  return {
    session,
    cookie,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    put: (url, body) => request('PUT', url, body ?? {}),
    delete: (url) => request('DELETE', url),
    upload: (url, field, file, method = 'POST', fields = {}) => {
      const boundary = `zg${Date.now().toString(36)}`;
      const parts: Buffer[] = [];
      if (file) {
        const type = file.contentType ?? 'application/octet-stream';
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.filename}"\r\nContent-Type: ${type}\r\n\r\n`), file.data, Buffer.from('\r\n'));
      }
      for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
      parts.push(Buffer.from(`--${boundary}--\r\n`));
      return request(method, url, Buffer.concat(parts), { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    },
  };
}

let counter = 0;
/** Creates an operator (optionally a member of an account with a role) and signs them in. */
export async function operatorWithRole(platform: Platform, accountId: number | null, role: Role | null, options: { admin?: boolean } = {}): Promise<ConsoleClient> {
  const username = `op${process.pid}x${++counter}`;
  const password = 'correct horse battery';
  const operator = await platform.operators.create({ username, displayName: `Operator ${counter}`, password, isAdmin: options.admin ?? false });
  if (accountId !== null && role) await platform.operators.setRole(accountId, operator.id, role);
  return signIn(platform.http, username, password);
}
