import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '@zhanggui/emulator';
import { endpointsAt, generateEncodingAesKey } from '@zhanggui/wechat';
import { loadConfig } from '../config.ts';
import { createPlatform, type Platform } from '../app.ts';
import { flags, untilSignal, type Io } from '../main.ts';

const DEMO_FANS = 20;

interface DemoCredentials {
  appId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  /** The demo operator's console password. */
  password: string;
}

/**
 * `zhanggui demo` (what `npm start` runs): the platform on the embedded database, the WeChat emulator in
 * process on its own port (the platform reaches it only over HTTP, as it would WeChat), and a demo account
 * in safe mode with reply rules and simulated fans. State survives restarts under DATA_DIR.
 */
export async function demoCommand(argv: string[], io: Io): Promise<number> {
  const base = loadConfig(process.env, flags(argv));
  mkdirSync(base.dataDir, { recursive: true });
  const emulator = await startEmulator({ host: '127.0.0.1', port: base.emulatorPort, stateFile: join(base.dataDir, 'emulator-state.json') });
  const config = { ...base, wechat: endpointsAt(emulator.url) };
  let platform: Platform;
  try {
    platform = await createPlatform(config);
  } catch (error) {
    await emulator.close();
    throw error;
  }
  const address = await platform.listen();
  const credentials = demoCredentials(join(base.dataDir, 'demo-account.json'));
  const { accountId, firstRun } = await ensureDemoAccount(platform, emulator, credentials, config.publicUrl);
  await ensureDemoOperator(platform, accountId, credentials.password);
  const openids = await ensureDemoFans(emulator, credentials.appId, firstRun);

  io.out(`
掌柜 Zhanggui demo is running (embedded database at ${config.database.kind === 'pglite' ? config.database.dataDir : 'PostgreSQL'})

  Console            ${config.publicUrl}/   sign in as  demo / ${credentials.password}
  Platform           ${address}
  Callback URL       ${config.publicUrl}/wx/${accountId}   (safe mode, as pasted into WeChat)
  WeChat emulator    ${emulator.url}
  Play a fan         ${emulator.url}/phone/${credentials.appId}/${openids[0]}
  All demo fans      ${emulator.url}/phone

Demo account 掌柜演示店: AppID ${credentials.appId}  Token ${credentials.token}  EncodingAESKey ${credentials.encodingAesKey}
On the phone page, follow and send 营业时间, 地址, 优惠 or 牛仔裤; anything else gets the default reply.
Press Ctrl+C to stop.`);
  await untilSignal(platform, () => emulator.close());
  return 0;
}

function demoCredentials(path: string): DemoCredentials {
  if (existsSync(path)) {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as DemoCredentials;
    if (saved.password) return saved;
    const upgraded = { ...saved, password: `zg-${randomBytes(6).toString('base64url')}` };
    writeFileSync(path, `${JSON.stringify(upgraded, null, 2)}\n`, { mode: 0o600 });
    return upgraded;
  }
  const credentials: DemoCredentials = {
    appId: `wx${randomBytes(8).toString('hex')}`,
    secret: randomBytes(16).toString('hex'),
    token: `zhanggui${randomBytes(4).toString('hex')}`,
    encodingAesKey: generateEncodingAesKey(),
    password: `zg-${randomBytes(6).toString('base64url')}`,
  };
  writeFileSync(path, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

async function ensureDemoAccount(platform: Platform, emulator: Emulator, credentials: DemoCredentials, publicUrl: string) {
  let account = await platform.accounts.findByAppId(credentials.appId);
  const firstRun = !account;
  if (!account) {
    account = await platform.accounts.create({
      name: '掌柜演示店',
      appId: credentials.appId,
      appSecret: credentials.secret,
      token: credentials.token,
      encodingAesKey: credentials.encodingAesKey,
      messageMode: 'safe',
      accountType: 'service',
      verified: true,
    });
    await seedReplyRules(platform, account.id);
  }
  const callbackUrl = `${publicUrl}/wx/${account.id}`;
  if (emulator.accounts().some((a) => a.appId === credentials.appId)) {
    emulator.updateAccount(credentials.appId, { callbackUrl });
  } else {
    emulator.createAccount({
      appId: credentials.appId,
      secret: credentials.secret,
      token: credentials.token,
      encodingAesKey: credentials.encodingAesKey,
      mode: 'safe',
      type: 'service',
      verified: true,
      name: '掌柜演示店',
      callbackUrl,
    });
  }
  return { accountId: account.id, firstRun };
}

/** The demo's operator: an instance admin who owns the demo account (password kept in demo-account.json). */
async function ensureDemoOperator(platform: Platform, accountId: number, password: string): Promise<void> {
  let operator = await platform.operators.findByUsername('demo');
  if (!operator) {
    const created = await platform.operators.create({ username: 'demo', displayName: '演示店长', password, isAdmin: true });
    operator = { ...created, passwordHash: '' };
  } else {
    await platform.operators.setPassword(operator.id, password);
  }
  if (!(await platform.operators.membership(operator.id, accountId))) await platform.operators.setRole(accountId, operator.id, 'owner');
}

async function seedReplyRules(platform: Platform, accountId: number): Promise<void> {
  const rules = [
    { name: '关注欢迎语', trigger: 'subscribe' as const, replies: [{ type: 'text' as const, content: '欢迎关注掌柜演示店！回复「营业时间」「地址」「优惠」试试看～' }] },
    { name: '默认回复', trigger: 'default' as const, replies: [{ type: 'text' as const, content: '收到您的消息，店员会尽快回复您。' }] },
    {
      name: '营业时间',
      trigger: 'keyword' as const,
      keywords: [{ text: '营业时间', match: 'exact' as const }, { text: '几点开门', match: 'contains' as const }],
      replies: [{ type: 'text' as const, content: '营业时间：每天 9:00–21:00，节假日照常营业。' }],
    },
    { name: '地址', trigger: 'keyword' as const, keywords: [{ text: '地址', match: 'contains' as const }], replies: [{ type: 'text' as const, content: '上海市黄浦区南京东路 100 号（地铁 2 号线南京东路站 3 号口）' }] },
    { name: '优惠', trigger: 'keyword' as const, keywords: [{ text: '优惠', match: 'contains' as const }], replies: [{ type: 'text' as const, content: '本周会员日：全场 9.5 折，出示本消息即可享受。' }] },
    {
      name: '牛仔裤',
      trigger: 'keyword' as const,
      keywords: [{ text: '牛仔裤', match: 'contains' as const }],
      replies: [{ type: 'news' as const, articles: [{ title: '新款直筒牛仔裤 ¥199', description: '弹力修身，四色可选', url: 'https://shop.example.com/jeans' }] }],
    },
  ];
  for (const rule of rules) await platform.replies.create(accountId, rule);
}

/** ~20 fans; on the first run each follows (so the platform meets them) and a few say hello. */
async function ensureDemoFans(emulator: Emulator, appId: string, firstRun: boolean): Promise<string[]> {
  const existing = emulator.listFans(appId, 0, DEMO_FANS);
  if (existing.total < DEMO_FANS) emulator.createFans(appId, DEMO_FANS - existing.total, { subscribed: false });
  const openids = Array.from({ length: DEMO_FANS }, (_, i) => emulator.fanOpenid(appId, i));
  if (firstRun) {
    for (const openid of openids) await emulator.follow(appId, openid);
    await emulator.sendText(appId, openids[1]!, '营业时间');
    await emulator.sendText(appId, openids[2]!, '请问有牛仔裤吗？');
    await emulator.sendText(appId, openids[3]!, '你好');
  }
  return openids;
}
