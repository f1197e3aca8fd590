import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '@zhanggui/emulator';
import { endpointsAt, generateEncodingAesKey } from '@zhanggui/wechat';
import { loadConfig } from '../config.ts';
import { createPlatform, type Platform } from '../app.ts';
import { flags, untilSignal, type Io } from '../main.ts';
import { DEMO_CONTENT_VERSION, seedDemoContent } from './demo-content.ts';

const DEMO_FANS = 20;

interface DemoCredentials {
  appId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  /** The demo operator's console password. */
  password: string;
  /** Which demo content the account has (see demo-content.ts); absent in demos made before it existed. */
  contentVersion?: number;
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
  const credentialsFile = join(base.dataDir, 'demo-account.json');
  const credentials = demoCredentials(credentialsFile);
  const { accountId, firstRun } = await ensureDemoAccount(platform, emulator, credentials, config.publicUrl);
  const seeded = firstRun ? 0 : (credentials.contentVersion ?? 1);
  if (seeded < DEMO_CONTENT_VERSION) saveCredentials(credentialsFile, { ...credentials, contentVersion: await seedDemoContent(platform, accountId, seeded) });
  await ensureDemoOperator(platform, accountId, credentials.password);
  const openids = await ensureDemoFans(emulator, credentials.appId, firstRun);

  io.out(`
掌柜 Zhanggui demo is running (embedded database at ${config.database.kind === 'pglite' ? config.database.dataDir : 'PostgreSQL'})

  Console            ${config.publicUrl}/   sign in as  demo / ${credentials.password}
  Member centre      ${config.publicUrl}/h5/${accountId}/member   (open it from the phone's 会员 menu)
  Till (核销)        ${config.publicUrl}/h5/staff   sign in as  till / ${credentials.password}
  Platform           ${address}
  Callback URL       ${config.publicUrl}/wx/${accountId}   (safe mode, as pasted into WeChat)
  WeChat emulator    ${emulator.url}
  Play a fan         ${emulator.url}/phone/${credentials.appId}/${openids[0]}
  All demo fans      ${emulator.url}/phone

Demo account 掌柜演示店: AppID ${credentials.appId}  Token ${credentials.token}  EncodingAESKey ${credentials.encodingAesKey}
On the phone page, send 营业时间, 优惠, 牛仔裤 or 退货 (searched), 900 (a menu), 闯关 (a quiz), 下单 (an order),
or share a location for the nearest stores; anything no rule or search answers gets the default reply.
Tap the menu at the bottom of the chat, or 扫一扫 the 南京东路店门口 code (picked from the list) to be welcomed,
tagged and shown the in-store menu. Scan 收银台会员码 (or send 会员卡) for a membership card, 签到 to check in,
and 会员 → 领新人券 for a coupon; redeem its code on the till page. In the console: 会员卡, 会员, 优惠券,
自定义菜单, 渠道二维码, 素材库 and 群发.
Press Ctrl+C to stop.`);
  await untilSignal(platform, () => emulator.close());
  return 0;
}

function demoCredentials(path: string): DemoCredentials {
  if (existsSync(path)) {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as DemoCredentials;
    if (saved.password) return saved;
    const upgraded = { ...saved, password: `zg-${randomBytes(6).toString('base64url')}` };
    saveCredentials(path, upgraded);
    return upgraded;
  }
  const credentials: DemoCredentials = {
    appId: `wx${randomBytes(8).toString('hex')}`,
    secret: randomBytes(16).toString('hex'),
    token: `zhanggui${randomBytes(4).toString('hex')}`,
    encodingAesKey: generateEncodingAesKey(),
    password: `zg-${randomBytes(6).toString('base64url')}`,
  };
  saveCredentials(path, credentials);
  return credentials;
}

function saveCredentials(path: string, credentials: DemoCredentials): void {
  writeFileSync(path, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
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
  // A till login for the staff page (核销): it can redeem coupons and record orders, nothing else.
  let till = await platform.operators.findByUsername('till');
  if (!till) {
    const created = await platform.operators.create({ username: 'till', displayName: '收银台', password, isAdmin: false });
    till = { ...created, passwordHash: '' };
  } else {
    await platform.operators.setPassword(till.id, password);
  }
  if (!(await platform.operators.membership(till.id, accountId))) await platform.operators.setRole(accountId, till.id, 'staff');
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
    await emulator.sendText(appId, openids[4]!, '闯关');
    await emulator.sendText(appId, openids[3]!, '你好');
  }
  return openids;
}
