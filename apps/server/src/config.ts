import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/** The only reader of process.env. Validated once at boot; problems are listed together and the process exits. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The URL WeChat (or the emulator) reaches this server at; callback URLs are built from it. */
  PUBLIC_URL: z.string().url().optional(),
  /** PostgreSQL server; unset means the embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().default('./data'),
  /** 32 bytes as base64 or hex: the key that encrypts secrets at rest. Generated into DATA_DIR when absent (not in production). */
  MASTER_KEY: z.string().optional(),
  /** Where the WeChat REST API lives: the real one, a fixed-IP egress proxy, or the emulator. */
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  WECHAT_MP_BASE: z.string().url().default('https://mp.weixin.qq.com'),
  WECHAT_OPEN_BASE: z.string().url().default('https://open.weixin.qq.com'),
  /** Largest callback body accepted, in bytes. */
  WEBHOOK_BODY_LIMIT: z.coerce.number().int().min(1024).default(64 * 1024),
  /** How far a push's timestamp may be from our clock, in seconds. */
  WEBHOOK_MAX_CLOCK_SKEW: z.coerce.number().int().min(0).default(300),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Which roles this process runs: web (HTTP), worker (jobs), cron (schedules). */
  SERVICES: z.string().default('web,worker,cron'),
  /** A name for this process in leases and logs. */
  NODE_NAME: z.string().optional(),
  /** Trust X-Forwarded-For (only behind a reverse proxy you run; otherwise clients could fake their IP). */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** `zhanggui demo`: where the in-process WeChat emulator listens. */
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(9000),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  publicUrl: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  dataDir: string;
  masterKey: Buffer;
  wechat: { apiBase: string; mpBase: string; openBase: string };
  webhook: { bodyLimit: number; maxClockSkew: number };
  logLevel: Env['LOG_LEVEL'];
  services: Set<'web' | 'worker' | 'cron'>;
  nodeName: string;
  emulatorPort: number;
  trustProxy: boolean;
  /** Session cookies get the Secure flag when the public URL is https. */
  secureCookies: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Builds the config from an environment (process.env by default) plus explicit overrides from the CLI. */
export function loadConfig(source: Record<string, string | undefined> = process.env, overrides: Partial<Env> = {}): Config {
  const parsed = schema.safeParse({ ...pickDefined(source), ...pickDefined(overrides) });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];
  const services = new Set(env.SERVICES.split(',').map((s) => s.trim()).filter(Boolean));
  for (const service of services) if (!['web', 'worker', 'cron'].includes(service)) problems.push(`SERVICES: unknown service "${service}"`);
  const dataDir = resolve(env.DATA_DIR);
  let masterKey: Buffer | undefined;
  if (env.MASTER_KEY) {
    masterKey = decodeKey(env.MASTER_KEY);
    if (!masterKey) problems.push('MASTER_KEY: must be 32 bytes, as 64 hex characters or base64');
  } else if (env.NODE_ENV === 'production') {
    problems.push('MASTER_KEY: required in production (32 bytes as hex or base64; e.g. `openssl rand -hex 32`)');
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: (env.PUBLIC_URL ?? `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}`).replace(/\/+$/, ''),
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') },
    dataDir,
    masterKey: masterKey ?? loadOrCreateDevKey(resolve(dataDir, 'master.key')),
    wechat: { apiBase: env.WECHAT_API_BASE, mpBase: env.WECHAT_MP_BASE, openBase: env.WECHAT_OPEN_BASE },
    webhook: { bodyLimit: env.WEBHOOK_BODY_LIMIT, maxClockSkew: env.WEBHOOK_MAX_CLOCK_SKEW },
    logLevel: env.LOG_LEVEL,
    services: services as Config['services'],
    nodeName: env.NODE_NAME ?? `node-${process.pid}`,
    emulatorPort: env.EMULATOR_PORT,
    trustProxy: env.TRUST_PROXY === 'true',
    secureCookies: (env.PUBLIC_URL ?? '').startsWith('https://'),
  };
}

function pickDefined(source: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
}

function decodeKey(value: string): Buffer | undefined {
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  return key.length === 32 ? key : undefined;
}

/** Outside production a missing MASTER_KEY is generated once and kept beside the data, so restarts can still decrypt. */
function loadOrCreateDevKey(path: string): Buffer {
  if (existsSync(path)) {
    const key = decodeKey(readFileSync(path, 'utf8').trim());
    if (key) return key;
    throw new ConfigError([`${path}: does not hold a 32-byte key`]);
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600 });
  return key;
}
