import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { WechatApiError } from '@zhanggui/wechat';
import { startLoop, type Loop } from '../testing/emulator-loop.ts';
import { startPostgresServer } from '../testing/postgres-server.ts';
import { ServerEnvironment } from '../testing/server-process.ts';
import { createScratchDatabase } from '../testing/test-database.ts';
import { fakeAccountCredentials } from '../testing/test-platform.ts';

let loop: Loop;
before(async () => {
  loop = await startLoop();
});
after(() => loop.close());

const stableTokenCalls = (appId: string) => loop.emulator.counters(appId)['/cgi-bin/stable_token'] ?? 0;

test('one stable_token call serves many concurrent callers, and the token is sealed at rest', async () => {
  const account = await loop.connect();
  const tokens = await Promise.all(Array.from({ length: 20 }, () => loop.platform.tokens.getToken(account.id)));
  assert.equal(new Set(tokens).size, 1);
  assert.equal(stableTokenCalls(account.appId), 1);
  await loop.platform.tokens.getToken(account.id);
  assert.equal(stableTokenCalls(account.appId), 1, 'cached until close to expiry');
  const [row] = await loop.platform.db.query<{ access_token_sealed: string }>('select access_token_sealed from account_tokens where account_id = $1', [account.id]);
  assert.ok(!row!.access_token_sealed.includes(tokens[0]!));
  const health = await loop.platform.tokens.health(account.id);
  assert.equal(health.hasToken, true);
  assert.equal(health.refreshCount, 1);
});

test('a token WeChat rejects (42001) is refreshed once and the call retried', async () => {
  const account = await loop.connect();
  loop.emulator.createFans(account.appId, 3, { subscribed: true });
  const client = loop.platform.tokens.clientFor(account.id);
  const first = await loop.platform.tokens.getToken(account.id);
  loop.emulator.expireTokens(account.appId);
  const page = await client.users.list();
  assert.equal(page.total, 3, 'the call succeeded after the refresh');
  const second = await loop.platform.tokens.getToken(account.id);
  assert.notEqual(second, first);
  assert.equal((await loop.platform.tokens.health(account.id)).refreshCount, 2);
});

test('compare-then-expire: invalidating an old token does not throw away a newer one', async () => {
  const account = await loop.connect();
  const token = await loop.platform.tokens.getToken(account.id);
  await loop.platform.tokens.invalidate(account.id, 'some-token-replaced-long-ago');
  assert.equal(await loop.platform.tokens.getToken(account.id), token);
  assert.equal(stableTokenCalls(account.appId), 1);
});

test("WeChat's refusal is reported in plain words and not retried in a tight loop", async () => {
  const account = await loop.connect();
  loop.emulator.injectFault(account.appId, { type: 'api-error', path: '/cgi-bin/stable_token', errcode: 40164, count: 5 });
  const refused = await loop.platform.tokens.getToken(account.id).catch((error: unknown) => error);
  assert.ok(refused instanceof WechatApiError);
  assert.equal(refused.code, 'WX_IP_NOT_WHITELISTED');
  assert.match(refused.zh, /白名单/);
  await assert.rejects(loop.platform.tokens.getToken(account.id), WechatApiError);
  assert.equal(stableTokenCalls(account.appId), 1, 'the second caller got the recorded error without calling WeChat');
  const health = await loop.platform.tokens.health(account.id);
  assert.equal(health.lastError?.code, '40164');
  loop.emulator.clearFaults(account.appId);
});

test('a customer-service message sent through the client reaches the fan inside the 48-hour window', async () => {
  const account = await loop.connect();
  loop.emulator.createFans(account.appId, 1, { subscribed: true });
  const openid = loop.emulator.fanOpenid(account.appId, 0);
  const client = loop.platform.tokens.clientFor(account.id);
  const closed = await client.messages.sendCustom({ touser: openid, msgtype: 'text', text: { content: '您好' } }).catch((e: unknown) => e);
  assert.ok(closed instanceof WechatApiError && closed.errcode === 45015, 'no window before the fan writes');
  await loop.emulator.sendText(account.appId, openid, '在吗');
  await client.messages.sendCustom({ touser: openid, msgtype: 'text', text: { content: '在的，请问有什么可以帮您？' } });
  assert.ok(loop.emulator.phone(account.appId, openid).some((entry) => entry.text === '在的，请问有什么可以帮您？'));
});

test('two server processes on one PostgreSQL database refresh the token once, not twice', async (t) => {
  const server = await startPostgresServer();
  if (!server) return t.skip('no PostgreSQL server available (set DATABASE_URL or install postgresql)');
  const scratch = await createScratchDatabase(server.url, 'zg_tokens');
  const environment = new ServerEnvironment({ databaseUrl: scratch.url, extra: { WECHAT_API_BASE: loop.emulator.url } });
  try {
    const credentials = fakeAccountCredentials('safe');
    const accountId = await environment.seed(async (platform) => (await platform.accounts.create({ ...credentials, accountType: 'service', verified: true })).id);
    loop.emulator.createAccount({ appId: credentials.appId, secret: credentials.appSecret, token: credentials.token, encodingAesKey: credentials.encodingAesKey, mode: 'safe' });
    // Both processes start and ask for the token at the same moment.
    loop.emulator.injectFault(credentials.appId, { type: 'api-latency', path: '/cgi-bin/stable_token', ms: 300 });
    const bin = fileURLToPath(new URL('../../bin/zhanggui.mjs', import.meta.url));
    const run = () => promisify(execFile)(process.execPath, [bin, 'wechat', 'token', '--account', String(accountId)], { env: { ...process.env, ...environment.env }, timeout: 60_000 });
    const [a, b] = await Promise.all([run(), run()]);
    const [first, second] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    assert.equal(first.tokenSha, second.tokenSha, 'both processes hold the same token');
    assert.equal(stableTokenCalls(credentials.appId), 1, 'WeChat saw one refresh');
  } finally {
    environment.cleanup();
    await scratch.drop();
    await server.stop();
  }
});
