import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountState } from '../accounts/account-state.ts';
import type { Capability } from '../accounts/permissions.ts';
import { EmulatorError } from '../core/emulator-error.ts';
import { sleep } from '../core/tasks.ts';
import { WxError } from '../core/wx-error.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import { formOf, MultipartError, parseMultipart, type MultipartPart } from '../media/multipart.ts';

/** A file response (media/get, get_material); everything else a handler returns is sent as JSON. */
export class BinaryBody {
  constructor(
    readonly data: Buffer,
    readonly contentType: string,
    readonly filename: string,
  ) {}
}

export type Json = Record<string, unknown>;
export type Query = Record<string, string | undefined>;

export interface OpenCall {
  query: Query;
  body: Json;
  form?: { files: Map<string, MultipartPart>; fields: Map<string, string> };
  ip: string;
  request: FastifyRequest;
}

export interface ApiCall extends OpenCall {
  account: AccountState;
}

interface SpecBase {
  method: 'GET' | 'POST';
  path: string;
  /** json (default for POST), multipart (uploads) or none (GET). */
  body?: 'json' | 'multipart' | 'none';
  /** Refuse `\uXXXX` escapes of non-ASCII with 40033 (menu and tag names, §0). */
  rawUnicodeOnly?: boolean;
}

/** A business API: access_token in the query (§0), then permission (§5.3) and daily quota (§5.2). */
export interface ApiSpec extends SpecBase {
  capability?: Capability;
  handler: (call: ApiCall) => unknown;
}

/** An API authenticated otherwise (appid + secret, OAuth code); the handler calls `admit` itself. */
export interface OpenApiSpec extends SpecBase {
  handler: (call: OpenCall) => unknown;
}

export function registerApi(app: FastifyInstance, core: EmulatorCore, spec: ApiSpec): void {
  registerOpenApi(app, {
    ...spec,
    handler: async (call) => {
      const token = call.query.access_token;
      if (!token) throw new WxError(41001);
      const account = core.accounts.resolveToken(token, core.clock.now());
      await admit(core, account, spec.path, call.ip, spec.capability);
      // Assign (not spread) so the lazy body getters stay lazy.
      return spec.handler(Object.assign(call, { account }));
    },
  });
}

export function registerOpenApi(app: FastifyInstance, spec: OpenApiSpec): void {
  // Both methods are routed so the wrong one answers 43001/43002 instead of a 404 (§0).
  app.route({
    method: ['GET', 'POST'],
    url: spec.path,
    handler: async (request, reply) => {
      try {
        if (request.method !== spec.method) throw new WxError(spec.method === 'GET' ? 43001 : 43002);
        const mode = spec.body ?? (spec.method === 'POST' ? 'json' : 'none');
        const call: OpenCall = { query: firstValues(request.query), body: {}, ip: request.ip, request };
        // Bodies are read lazily by `bodyOf` so token and quota errors come first, as on WeChat.
        const result = await spec.handler(withLazyBody(call, request, mode, spec.rawUnicodeOnly ?? false));
        return sendResult(reply, result);
      } catch (error) {
        return sendError(reply, error, request);
      }
    },
  });
}

/**
 * Lets a call through for an account: counts it, applies injected latency and errors, the permission
 * matrix (48001) and the daily quota (45009).
 */
export async function admit(core: EmulatorCore, account: AccountState, path: string, ip: string, capability?: Capability): Promise<void> {
  account.usage.record(path);
  const latency = account.faults.takeApiLatency(path);
  if (latency > 0) await sleep(latency);
  const injected = account.faults.takeApiError(path, ip);
  if (injected) throw injected;
  if (capability && !account.can(capability)) throw new WxError(48001);
  if (!account.usage.admit(path, account.quotaFor(path), core.clock.now())) throw new WxError(45009);
}

function withLazyBody(call: OpenCall, request: FastifyRequest, mode: 'json' | 'multipart' | 'none', rawUnicodeOnly: boolean): OpenCall {
  let parsed: Json | undefined;
  let form: OpenCall['form'];
  return Object.defineProperties(call, {
    body: {
      enumerable: true,
      get: () => {
        if (mode !== 'json') return {};
        parsed ??= parseJsonBody(request.body, rawUnicodeOnly);
        return parsed;
      },
    },
    form: {
      enumerable: true,
      get: () => {
        if (mode !== 'multipart') return undefined;
        form ??= parseForm(request);
        return form;
      },
    },
  });
}

/** §0: empty body 44002, unparseable 47001, `\uXXXX` for non-ASCII 40033 where WeChat refuses it. */
export function parseJsonBody(raw: unknown, rawUnicodeOnly: boolean): Json {
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : typeof raw === 'string' ? raw : '';
  if (text.trim() === '') throw new WxError(44002);
  if (rawUnicodeOnly && /\\u(?:00[89a-fA-F][0-9a-fA-F]|0[1-9a-fA-F][0-9a-fA-F]{2}|[1-9a-fA-F][0-9a-fA-F]{3})/.test(text)) throw new WxError(40033);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WxError(47001);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WxError(47001);
  return value as Json;
}

function parseForm(request: FastifyRequest): NonNullable<OpenCall['form']> {
  const contentType = String(request.headers['content-type'] ?? '');
  if (!Buffer.isBuffer(request.body) || !/^multipart\/form-data/i.test(contentType)) throw new WxError(41005);
  try {
    return formOf(parseMultipart(request.body, contentType));
  } catch (error) {
    if (error instanceof MultipartError) throw new WxError(47001, `data format error: ${error.message}`);
    throw error;
  }
}

function firstValues(query: unknown): Query {
  const out: Query = {};
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    out[key] = Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
  }
  return out;
}

export function sendResult(reply: FastifyReply, result: unknown): FastifyReply {
  if (result instanceof BinaryBody) {
    return reply
      .header('content-type', result.contentType)
      .header('content-disposition', `attachment; filename="${result.filename.replace(/["\r\n]/g, '_')}"`)
      .send(result.data);
  }
  // Raw UTF-8 JSON, as WeChat answers (its content type says encoding=utf-8).
  return reply.header('content-type', 'application/json; encoding=utf-8').send(JSON.stringify(result ?? { errcode: 0, errmsg: 'ok' }));
}

export function sendError(reply: FastifyReply, error: unknown, request: FastifyRequest): FastifyReply {
  if (error instanceof WxError) return sendResult(reply, error.body());
  if (error instanceof EmulatorError) return sendResult(reply, new WxError(-1, `system error (emulator: ${error.message})`).body());
  request.log.error({ err: error }, 'emulator API handler failed');
  return sendResult(reply, new WxError(-1).body());
}

/** `{"errcode":0,"errmsg":"ok"}` plus fields. */
export function ok(fields: Json = {}): Json {
  return { errcode: 0, errmsg: 'ok', ...fields };
}
