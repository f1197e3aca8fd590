import { randomBytes } from 'node:crypto';
import {
  buildXml,
  computeMsgSignature,
  computeSignature,
  generateEncodingAesKey,
  MessageCrypto,
  type MessageMode,
  type XmlBuildNode,
} from '@zhanggui/wechat';
import { loadConfig, type Config, type Env } from '../config.ts';
import { createPlatform, type Platform } from '../app.ts';
import { createTestDatabase } from './test-database.ts';

/** A platform on a fresh test database, logging nothing, with WeChat at `wechatBase` (the emulator). */
export async function createTestPlatform(overrides: Partial<Env> & { wechatBase?: string } = {}): Promise<Platform> {
  const { wechatBase, ...env } = overrides;
  const config: Config = loadConfig(
    {},
    {
      NODE_ENV: 'test',
      MASTER_KEY: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
      PORT: 0,
      ...(wechatBase ? { WECHAT_API_BASE: wechatBase, WECHAT_MP_BASE: wechatBase, WECHAT_OPEN_BASE: wechatBase } : {}),
      ...env,
    },
  );
  return createPlatform(config, { db: await createTestDatabase() });
}

/** Credentials of a made-up account, valid by WeChat's formats. */
export function fakeAccountCredentials(mode: MessageMode = 'safe') {
  return {
    name: `测试号 ${mode}`,
    appId: `wx${randomBytes(8).toString('hex')}`,
    appSecret: randomBytes(16).toString('hex'),
    token: `tok${randomBytes(6).toString('hex')}`,
    encodingAesKey: generateEncodingAesKey(),
    messageMode: mode,
    originalId: `gh_${randomBytes(6).toString('hex')}`,
  };
}

let msgIdCounter = 5_000_000_000_000_000_000n;
/** A unique 64-bit MsgId above 2^53, as WeChat sends. */
export function nextMsgId(): string {
  msgIdCounter += 1n;
  return msgIdCounter.toString();
}

/** Builds a signed push as WeChat would send it: the URL (path + query) and the body. */
export function signPush(
  account: { id: number; appId: string; token: string; encodingAesKey?: string; messageMode: MessageMode },
  fields: XmlBuildNode,
  options: { timestamp?: number; nonce?: string } = {},
): { url: string; body: string } {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? String(100000000 + Math.floor(Math.random() * 900000000));
  const xml = buildXml(fields);
  const query = new URLSearchParams({ signature: computeSignature(account.token, timestamp, nonce), timestamp, nonce, openid: String(fields.FromUserName) });
  if (account.messageMode === 'plaintext') return { url: `/wx/${account.id}?${query}`, body: xml };
  const encrypt = new MessageCrypto(account.appId, account.encodingAesKey!).encrypt(xml);
  query.set('encrypt_type', 'aes');
  query.set('msg_signature', computeMsgSignature(account.token, timestamp, nonce, encrypt));
  const body =
    account.messageMode === 'safe'
      ? buildXml({ ToUserName: String(fields.ToUserName), Encrypt: encrypt })
      : xml.replace('</xml>', `<Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
  return { url: `/wx/${account.id}?${query}`, body };
}
