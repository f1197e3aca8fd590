import { startEmulator, type Emulator } from '@zhanggui/emulator';
import type { MessageMode } from '@zhanggui/wechat';
import type { Platform } from '../app.ts';
import type { RuleInput } from '../modules/replies/replies.schema.ts';
import { freePort } from './postgres-server.ts';
import { createTestPlatform, fakeAccountCredentials } from './test-platform.ts';

/** The emulator and a listening platform wired to each other over HTTP, as WeChat and a server would be. */
export interface Loop {
  emulator: Emulator;
  platform: Platform;
  /** The platform's base URL. */
  url: string;
  /** Connects an account on both sides; returns its ids and credentials. */
  connect(options?: { mode?: MessageMode; type?: 'subscription' | 'service'; verified?: boolean; rules?: RuleInput[] }): Promise<LoopAccount>;
  close(): Promise<void>;
}

export interface LoopAccount {
  id: number;
  appId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  mode: MessageMode;
}

export const DEFAULT_RULES: RuleInput[] = [
  { name: '关注回复', trigger: 'subscribe', replies: [{ type: 'text', content: '欢迎关注！' }] },
  { name: '默认回复', trigger: 'default', replies: [{ type: 'text', content: '收到' }] },
  { name: '营业时间', trigger: 'keyword', keywords: [{ text: '营业时间', match: 'exact' }], replies: [{ type: 'text', content: '每天 9:00–21:00' }] },
  { name: '牛仔裤', trigger: 'keyword', keywords: [{ text: '牛仔裤', match: 'contains' }], replies: [{ type: 'news', articles: [{ title: '新款牛仔裤', url: 'https://shop.example.com/jeans' }] }] },
];

export async function startLoop(options: { delivery?: { timeoutMs?: number; retries?: number; retrySpacingMs?: number } } = {}): Promise<Loop> {
  const emulator = await startEmulator({ port: 0, delivery: options.delivery });
  // A concrete port, so the callback URLs the platform shows (PUBLIC_URL) are the ones it listens on.
  const platform = await createTestPlatform({ wechatBase: emulator.url, PORT: await freePort() });
  const url = await platform.listen();
  return {
    emulator,
    platform,
    url,
    async connect({ mode = 'safe', type = 'service', verified = true, rules = DEFAULT_RULES } = {}) {
      const credentials = fakeAccountCredentials(mode);
      const account = await platform.accounts.create({ ...credentials, accountType: type, verified });
      for (const rule of rules) await platform.replies.create(account.id, rule);
      emulator.createAccount({
        appId: credentials.appId,
        secret: credentials.appSecret,
        token: credentials.token,
        encodingAesKey: credentials.encodingAesKey,
        mode,
        type,
        verified,
        originalId: credentials.originalId,
        callbackUrl: `${url}/wx/${account.id}`,
      });
      return { id: account.id, appId: credentials.appId, secret: credentials.appSecret, token: credentials.token, encodingAesKey: credentials.encodingAesKey, mode };
    },
    async close() {
      await platform.close();
      await emulator.close();
    },
  };
}
