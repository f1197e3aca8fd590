import { parseArgs } from 'node:util';
import { generateEncodingAesKey } from '@zhanggui/wechat';
import { loadConfig } from '../config.ts';
import { createPlatform } from '../app.ts';
import { flags, type Io } from '../main.ts';

/** `zhanggui account add --name … --appid … --secret … --token … [--aes-key …] [--mode safe]` and `account list`. */
export async function accountCommand(argv: string[], io: Io): Promise<number> {
  const [action, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    strict: false,
    options: {
      name: { type: 'string' },
      appid: { type: 'string' },
      secret: { type: 'string' },
      token: { type: 'string' },
      'aes-key': { type: 'string' },
      mode: { type: 'string' },
      type: { type: 'string' },
      verified: { type: 'boolean' },
    },
  });
  const config = loadConfig(process.env, { ...flags(rest), SERVICES: 'worker', LOG_LEVEL: 'warn' });
  const platform = await createPlatform(config);
  try {
    if (action === 'list') {
      for (const account of await platform.accounts.list()) {
        io.out(`${account.id}\t${account.appId}\t${account.messageMode}\t${account.accountType}${account.verified ? ' (verified)' : ''}\t${account.name}\t${config.publicUrl}/wx/${account.id}`);
      }
      return 0;
    }
    if (action === 'add') {
      const mode = (values.mode as 'plaintext' | 'compatible' | 'safe' | undefined) ?? 'safe';
      const aesKey = typeof values['aes-key'] === 'string' ? values['aes-key'] : mode === 'plaintext' ? undefined : generateEncodingAesKey();
      const account = await platform.accounts.create({
        name: String(values.name ?? values.appid ?? ''),
        appId: String(values.appid ?? ''),
        appSecret: String(values.secret ?? ''),
        token: String(values.token ?? ''),
        encodingAesKey: aesKey,
        messageMode: mode,
        accountType: values.type === 'service' ? 'service' : 'subscription',
        verified: values.verified === true,
      });
      io.out(`account ${account.id} added. Callback URL: ${config.publicUrl}/wx/${account.id}`);
      if (aesKey && values['aes-key'] === undefined) io.out(`EncodingAESKey (paste into WeChat): ${aesKey}`);
      return 0;
    }
    io.err('usage: zhanggui account add --name N --appid wx… --secret S --token T [--aes-key K] [--mode safe|compatible|plaintext] [--type service] [--verified]\n       zhanggui account list');
    return 2;
  } finally {
    await platform.close();
  }
}

/** `zhanggui operator add --username U --password P [--name N] [--admin] [--account ID --role owner|admin|editor|agent|analyst]` */
export async function operatorCommand(argv: string[], io: Io): Promise<number> {
  const [action, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    strict: false,
    options: { username: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean' }, account: { type: 'string' }, role: { type: 'string' } },
  });
  if (action !== 'add' || typeof values.username !== 'string' || typeof values.password !== 'string') {
    io.err('usage: zhanggui operator add --username U --password P [--name N] [--admin] [--account ID --role owner|admin|editor|agent|analyst]');
    return 2;
  }
  const config = loadConfig(process.env, { SERVICES: 'worker', LOG_LEVEL: 'warn' });
  const platform = await createPlatform(config);
  try {
    const operator = await platform.operators.create({
      username: values.username,
      displayName: typeof values.name === 'string' ? values.name : values.username,
      password: values.password,
      isAdmin: values.admin === true,
    });
    if (typeof values.account === 'string') {
      const role = (typeof values.role === 'string' ? values.role : 'agent') as 'owner' | 'admin' | 'editor' | 'agent' | 'analyst';
      await platform.operators.setRole(Number(values.account), operator.id, role);
    }
    io.out(`operator ${operator.username} (#${operator.id}) added`);
    return 0;
  } finally {
    await platform.close();
  }
}

/** `zhanggui wechat token --account ID`: fetches the access token through the shared broker (one refresh across processes). */
export async function tokenCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args: argv, strict: false, options: { account: { type: 'string' } } });
  const accountId = Number(values.account);
  if (!Number.isInteger(accountId)) {
    io.err('usage: zhanggui wechat token --account ID');
    return 2;
  }
  const config = loadConfig(process.env, { SERVICES: 'worker', LOG_LEVEL: 'warn' });
  const platform = await createPlatform(config);
  try {
    const token = await platform.tokens.getToken(accountId);
    const health = await platform.tokens.health(accountId);
    io.out(JSON.stringify({ accountId, token: `${token.slice(0, 6)}…${token.slice(-4)}`, tokenSha: (await import('node:crypto')).createHash('sha256').update(token).digest('hex').slice(0, 16), expiresAt: health.expiresAt, refreshCount: health.refreshCount }));
    return 0;
  } finally {
    await platform.close();
  }
}
