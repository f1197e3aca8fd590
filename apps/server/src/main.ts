import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Env } from './config.ts';
import { createPlatform, type Platform } from './app.ts';
import { openDatabase } from './platform/db/database.ts';
import { DataDirLockedError } from './platform/db/lock-file.ts';
import { wechatDebugCommand } from './cli/wechat-debug.command.ts';

const USAGE = `掌柜 Zhanggui — WeChat Official Account platform

Usage: zhanggui <command> [options]

  start      Run the platform (web, worker and cron roles; --services=web,worker,cron to choose)
  demo       Run everything on the embedded database with the WeChat emulator and a demo account
  migrate    Apply database migrations and exit
  emulator   Run the WeChat emulator on its own (--port 9000 --appid … --secret … --token … --aes-key … --mode safe --callback URL)
  wechat     decrypt | encrypt   safe-mode debugging;  token --account ID   fetch the account's access token through the broker
  account    add | list          manage connected accounts from the shell
  operator   add                 add a console operator (--admin for an instance administrator)

Configuration comes from the environment (see README: PORT, DATABASE_URL, DATA_DIR, MASTER_KEY, WECHAT_API_BASE, …).`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => Promise<string>;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await startCommand(rest, io);
      case 'demo': {
        const { demoCommand } = await import('./cli/demo.command.ts');
        return await demoCommand(rest, io);
      }
      case 'migrate': {
        const config = loadConfig(process.env, flags(rest));
        const db = await openDatabase(config.database);
        await db.close();
        io.out(`migrations applied (${config.database.kind})`);
        return 0;
      }
      case 'emulator': {
        const { runEmulatorCli } = await import('@zhanggui/emulator');
        return await runEmulatorCli(rest);
      }
      case 'wechat': {
        if (rest[0] === 'token') {
          const { tokenCommand } = await import('./cli/account.command.ts');
          return await tokenCommand(rest.slice(1), io);
        }
        return await wechatDebugCommand(rest, io);
      }
      case 'account': {
        const { accountCommand } = await import('./cli/account.command.ts');
        return await accountCommand(rest, io);
      }
      case 'operator': {
        const { operatorCommand } = await import('./cli/account.command.ts');
        return await operatorCommand(rest, io);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command ? 0 : 2;
      default:
        io.err(`unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

/** `--port 3000 --host 0.0.0.0 --services web` → config overrides. */
export function flags(argv: string[]): Partial<Env> {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { port: { type: 'string' }, host: { type: 'string' }, services: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  const overrides: Record<string, string> = {};
  if (typeof values.port === 'string') overrides.PORT = values.port;
  if (typeof values.host === 'string') overrides.HOST = values.host;
  if (typeof values.services === 'string') overrides.SERVICES = values.services;
  if (typeof values['data-dir'] === 'string') overrides.DATA_DIR = values['data-dir'];
  return overrides as Partial<Env>;
}

async function startCommand(argv: string[], io: Io): Promise<number> {
  const config = loadConfig(process.env, flags(argv));
  const platform = await createPlatform(config);
  await bootstrapAdmin(platform, io);
  if (config.services.has('web')) {
    const address = await platform.listen();
    io.out(`zhanggui listening on ${address} (${config.database.kind}; services: ${[...config.services].join(',')})`);
  }
  await untilSignal(platform);
  return 0;
}

/** First run: an instance administrator with a one-time password, printed once. */
async function bootstrapAdmin(platform: Platform, io: Io): Promise<void> {
  if ((await platform.operators.count()) > 0) return;
  const { randomBytes } = await import('node:crypto');
  const password = randomBytes(12).toString('base64url');
  await platform.operators.create({ username: 'admin', displayName: 'Administrator', password, isAdmin: true });
  io.out(`first run: created operator "admin" with password ${password} — sign in at ${platform.config.publicUrl}/ and change it`);
}

/** Waits for SIGINT/SIGTERM, then closes the platform (finishing in-flight writes). */
export function untilSignal(platform: Pick<Platform, 'close'>, extra: () => Promise<void> = async () => {}): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      Promise.allSettled([platform.close(), extra()]).then(() => resolve());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
