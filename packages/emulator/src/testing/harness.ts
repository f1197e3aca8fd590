import { createServer, type IncomingMessage, type Server } from 'node:http';
import { buildReplyXml, CallbackCodec, type CallbackQuery, type MessageMode, type OpenedPush, type Reply } from '@zhanggui/wechat';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator.ts';
import type { AccountInput } from '../accounts/account.ts';

/** Test support: an emulator with one account, and helpers to call its REST API like a platform would. */
export interface Harness {
  emu: Emulator;
  appId: string;
  secret: string;
  /** A fresh /cgi-bin/token access token. */
  token(): Promise<string>;
  /** Calls a WeChat path with access_token (unless `token: null`), JSON body for POST. */
  call(path: string, options?: { method?: 'GET' | 'POST'; query?: Record<string, string>; json?: unknown; raw?: string; token?: string | null }): Promise<any>;
  close(): Promise<void>;
}

let counter = 0;

export async function startHarness(account: Partial<AccountInput> = {}, options: EmulatorOptions = {}): Promise<Harness> {
  const emu = await startEmulator({ port: 0, ...options });
  const appId = account.appId ?? `wxtest${String(++counter).padStart(4, '0')}${process.pid % 100000}`;
  const secret = account.secret ?? 'secret-for-tests';
  emu.createAccount({ token: 'testtoken', mode: 'plaintext', ...account, appId, secret } as AccountInput);
  let cached: string | null = null;
  const token = async () => {
    const res = await fetch(`${emu.url}/cgi-bin/token?grant_type=client_credential&appid=${appId}&secret=${encodeURIComponent(secret)}`);
    const body = (await res.json()) as { access_token: string };
    cached = body.access_token;
    return cached;
  };
  const call: Harness['call'] = async (path, opts = {}) => {
    const result = await callOnce(path, opts, opts.token === undefined ? (cached ?? (await token())) : opts.token);
    // Like the SDKs: refetch the token and retry once on 40001/42001 when the harness chose the token.
    if (opts.token === undefined && (result?.errcode === 42001 || result?.errcode === 40001)) return callOnce(path, opts, await token());
    return result;
  };
  const callOnce = async (path: string, opts: Parameters<Harness['call']>[1] = {}, accessToken: string | null) => {
    const url = new URL(emu.url + path);
    if (accessToken) url.searchParams.set('access_token', accessToken);
    for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
    const method = opts.method ?? (opts.json !== undefined || opts.raw !== undefined ? 'POST' : 'GET');
    const body = opts.raw ?? (opts.json !== undefined ? JSON.stringify(opts.json) : undefined);
    const res = await fetch(url, { method, body, headers: body === undefined ? {} : { 'content-type': 'application/json' } });
    const text = await res.text();
    try {
      return JSON.parse(text);
    } catch {
      return { status: res.status, text };
    }
  };
  return { emu, appId, secret, token, call, close: () => emu.close() };
}

export interface ReceivedPush {
  query: CallbackQuery & Record<string, string>;
  body: string;
  opened?: OpenedPush;
  openError?: string;
}

export type Responder = (push: ReceivedPush, codec: CallbackCodec) => string | { status?: number; body?: string; delayMs?: number } | Promise<string | { status?: number; body?: string; delayMs?: number }>;

/** The developer's server in push tests: opens every push with @zhanggui/wechat's CallbackCodec and answers via `respond`. */
export interface Receiver {
  url: string;
  pushes: ReceivedPush[];
  codec: CallbackCodec;
  respond: Responder;
  close(): Promise<void>;
}

export async function startReceiver(credentials: { appId: string; token: string; encodingAesKey?: string; mode: MessageMode }): Promise<Receiver> {
  const codec = new CallbackCodec(
    { appId: credentials.appId, token: credentials.token, encodingAesKey: credentials.encodingAesKey },
    { requireEncryption: credentials.mode === 'safe' },
  );
  const receiver: Receiver = { url: '', pushes: [], codec, respond: () => 'success', close: async () => {} };
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams) as ReceivedPush['query'];
    const push: ReceivedPush = { query, body };
    try {
      push.opened = codec.open(query, body);
    } catch (error) {
      push.openError = (error as Error).message;
    }
    receiver.pushes.push(push);
    const answer = await receiver.respond(push, codec);
    const out = typeof answer === 'string' ? { body: answer } : answer;
    // Unref'd: a server that "never answers" must not keep the test process alive.
    if (out.delayMs) await new Promise((resolve) => setTimeout(resolve, out.delayMs).unref());
    res.writeHead(out.status ?? 200, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(out.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  receiver.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/wx/callback`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

/** Answers a push with a passive reply, sealed (encrypted) when the push was. */
export function passiveReply(push: ReceivedPush, codec: CallbackCodec, reply: Reply): string {
  const message = push.opened!.message;
  const xml = buildReplyXml(reply, {
    toUser: message.fromUserName,
    fromUser: message.toUserName,
    answering: message.msgType === 'event' ? 'event' : 'message',
  });
  return codec.seal(xml, push.opened!);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
