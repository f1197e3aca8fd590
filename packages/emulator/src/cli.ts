import { pathToFileURL } from 'node:url';
import type { MessageMode } from '@zhanggui/wechat';
import { EmulatorError } from './core/emulator-error.ts';
import { startEmulator, type Emulator } from './emulator.ts';

const USAGE = `usage: zhanggui emulator [options]
  --port 9000              port (default 9000; 0 = random)
  --host 127.0.0.1         interface to listen on
  --state-file PATH        keep accounts, fans, menus and phone histories across restarts
  --appid wx… --secret …   create (or update) one account; needs --token too
  --token TOKEN            push signature token (3–32 letters or digits)
  --aes-key KEY            43-character EncodingAESKey (generated when absent)
  --mode safe              plaintext | compatible | safe (default safe)
  --type service           service | subscription (default service)
  --verified / --unverified   (default verified)
  --callback URL           the platform's callback URL for pushes
  --name NAME              account name on the phone pages
  --fans 20                make sure the account has at least this many fans
  --timeout-ms 5000 --retries 3 --retry-spacing-ms 0   push delivery`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Stops the emulator (tests); SIGINT/SIGTERM do the same. */
  signal?: AbortSignal;
}

const BOOLEAN_FLAGS = new Set(['verified', 'unverified', 'help']);

/** Parses `--key value`, `--key=value` and boolean flags. */
export function parseCliFlags(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') {
      flags.set('help', 'true');
      continue;
    }
    if (!arg.startsWith('--')) throw new EmulatorError('CLI_ARGUMENT', `unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (inline !== undefined) flags.set(name, inline);
    else if (BOOLEAN_FLAGS.has(name)) flags.set(name, 'true');
    else {
      const value = argv[++i];
      if (value === undefined) throw new EmulatorError('CLI_ARGUMENT', `--${name} needs a value`);
      flags.set(name, value);
    }
  }
  return flags;
}

/**
 * `zhanggui emulator …`: starts the emulator, optionally with one account and some fans, prints its URLs
 * and runs until SIGINT/SIGTERM (or `io.signal`). Resolves with the exit code.
 */
export async function runEmulatorCli(argv: string[], io: CliIo = { out: console.log, err: console.error }): Promise<number> {
  let flags: Map<string, string>;
  try {
    flags = parseCliFlags(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (flags.has('help')) {
    io.out(USAGE);
    return 0;
  }
  const number = (name: string) => (flags.has(name) ? Number(flags.get(name)) : undefined);
  let emulator: Emulator;
  try {
    emulator = await startEmulator({
      host: flags.get('host') ?? '127.0.0.1',
      port: number('port') ?? 9000,
      stateFile: flags.get('state-file'),
      delivery: { timeoutMs: number('timeout-ms'), retries: number('retries'), retrySpacingMs: number('retry-spacing-ms') },
    });
  } catch (error) {
    io.err(`the emulator could not start: ${(error as Error).message}`);
    return 1;
  }
  try {
    setUpAccount(emulator, flags, io);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    await emulator.close();
    return 2;
  }
  io.out(`掌柜 WeChat emulator listening on ${emulator.url}`);
  io.out(`  API base (api/mp/open): ${emulator.url}`);
  io.out(`  phone pages:            ${emulator.url}/phone`);
  io.out(`  control API:            ${emulator.url}/_emulator/accounts`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    io.signal?.addEventListener('abort', stop, { once: true });
    if (io.signal?.aborted) stop();
  });
  await emulator.close();
  return 0;
}

function setUpAccount(emulator: Emulator, flags: Map<string, string>, io: CliIo): void {
  const appId = flags.get('appid');
  if (!appId) return;
  const secret = flags.get('secret');
  const token = flags.get('token');
  if (!secret || !token) throw new EmulatorError('CLI_ARGUMENT', '--appid needs --secret and --token');
  const input = {
    secret,
    token,
    encodingAesKey: flags.get('aes-key'),
    mode: (flags.get('mode') ?? 'safe') as MessageMode,
    type: (flags.get('type') ?? 'service') as 'service' | 'subscription',
    verified: !flags.has('unverified') && flags.get('verified') !== 'false',
    callbackUrl: flags.get('callback'),
    name: flags.get('name'),
  };
  const exists = emulator.accounts().some((a) => a.appId === appId);
  const info = exists ? emulator.updateAccount(appId, input) : emulator.createAccount({ appId, ...input });
  const wanted = Number(flags.get('fans') ?? 0);
  if (!Number.isInteger(wanted) || wanted < 0) throw new EmulatorError('CLI_ARGUMENT', '--fans must be a whole number');
  if (wanted > info.fanCount) emulator.createFans(appId, wanted - info.fanCount);
  const kind = `${info.type}, ${info.verified ? 'verified' : 'unverified'}, ${info.mode}`;
  io.out(`  account ${info.appId} (${kind}) ${info.originalId}`);
  io.out(`    token ${info.token}  EncodingAESKey ${info.encodingAesKey}`);
  io.out(`    callback ${info.callbackUrl ?? '(none yet: PATCH /_emulator/accounts/' + info.appId + ')'}`);
  io.out(`    fans ${Math.max(wanted, info.fanCount)}: ${emulator.url}/phone?appId=${encodeURIComponent(info.appId)}`);
}

// `node --import tsx packages/emulator/src/cli.ts --port 9000 …`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runEmulatorCli(process.argv.slice(2)).then((code) => process.exit(code));
}
