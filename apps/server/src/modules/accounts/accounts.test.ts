import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AccountView, ConnectionTestResult } from '@zhanggui/shared';
import { generateEncodingAesKey } from '@zhanggui/wechat';
import { operatorWithRole, type ConsoleClient } from '../../testing/console-client.ts';
import { startLoop, type Loop } from '../../testing/emulator-loop.ts';
import { fakeAccountCredentials } from '../../testing/test-platform.ts';

let loop: Loop;
let admin: ConsoleClient;
const emulated = fakeAccountCredentials('safe');

before(async () => {
  loop = await startLoop();
  admin = await operatorWithRole(loop.platform, null, null, { admin: true });
  loop.emulator.createAccount({ appId: emulated.appId, secret: emulated.appSecret, token: emulated.token, encodingAesKey: emulated.encodingAesKey, mode: 'safe', type: 'service', verified: true });
});
after(() => loop.close());

test('the wizard tests credentials against WeChat before saving, and explains refusals in plain words', async () => {
  const good = (await admin.post('/api/accounts/test-credentials', { appId: emulated.appId, appSecret: emulated.appSecret })).json() as ConnectionTestResult;
  assert.equal(good.ok, true);
  assert.ok(good.ok && good.callbackIps.length > 0);

  const wrong = (await admin.post('/api/accounts/test-credentials', { appId: emulated.appId, appSecret: 'f'.repeat(32) })).json() as ConnectionTestResult;
  assert.equal(wrong.ok, false);
  assert.ok(!wrong.ok && wrong.error.errcode === 40125 && wrong.error.code === 'WX_APPSECRET_INVALID');
  assert.ok(!wrong.ok && /AppSecret 错误/.test(wrong.error.message));

  loop.emulator.injectFault(emulated.appId, { type: 'api-error', path: '/cgi-bin/stable_token', errcode: 40164 });
  const ip = (await admin.request('POST', '/api/accounts/test-credentials', { appId: emulated.appId, appSecret: emulated.appSecret }, { headers: { 'accept-language': 'en' } })).json() as ConnectionTestResult;
  assert.ok(!ip.ok && ip.error.code === 'WX_IP_NOT_WHITELISTED');
  assert.ok(!ip.ok && /whitelist/.test(ip.error.message) && /IP: 127\.0\.0\.1/.test(ip.error.message), !ip.ok ? ip.error.message : '');

  const invalid = await admin.post('/api/accounts/test-credentials', { appId: 'not-an-appid', appSecret: 'x' });
  assert.equal(invalid.statusCode, 400, invalid.body);
  assert.deepEqual(invalid.json().error.details.map((d: { path: string }) => d.path).sort(), ['appId', 'appSecret']);
});

test('connecting an account makes its creator the owner, shows the callback URL and never returns secrets', async () => {
  const res = await admin.post('/api/accounts', { name: '旗舰店', appId: emulated.appId, appSecret: emulated.appSecret, token: emulated.token, encodingAesKey: emulated.encodingAesKey, messageMode: 'safe', accountType: 'service', verified: true });
  assert.equal(res.statusCode, 201, res.body);
  const account = res.json() as AccountView;
  assert.equal(account.role, 'owner');
  assert.match(account.callbackUrl, new RegExp(`/wx/${account.id}$`));
  for (const secret of [emulated.appSecret, emulated.token, emulated.encodingAesKey]) assert.ok(!res.body.includes(secret));
  assert.equal((await admin.post('/api/accounts', { name: 'x', appId: emulated.appId, appSecret: emulated.appSecret, token: emulated.token, messageMode: 'plaintext', accountType: 'service', verified: true })).json().error.code, 'ACCOUNT_APPID_TAKEN');
  assert.equal((await admin.post('/api/accounts', { name: 'x', appId: 'wx1111111111111111', appSecret: emulated.appSecret, token: 'ab', messageMode: 'safe', accountType: 'service', verified: true })).statusCode, 400);

  const tested = (await admin.post(`/api/accounts/${account.id}/test-connection`)).json() as ConnectionTestResult;
  assert.equal(tested.ok, true);

  const newKey = generateEncodingAesKey();
  const patched = await admin.patch(`/api/accounts/${account.id}`, { name: '旗舰店（上海）', encodingAesKey: newKey, settings: { autoAssign: true } });
  assert.equal(patched.json().name, '旗舰店（上海）');
  assert.ok(!patched.body.includes(newKey));
  const audit = (await admin.get(`/api/accounts/${account.id}/audit`)).json();
  const entry = audit.items.find((e: { action: string }) => e.action === 'account.update');
  assert.deepEqual(entry.details.fields.sort(), ['encodingAesKey', 'name', 'settings']);
  assert.ok(!JSON.stringify(audit).includes(newKey), 'the audit trail records which fields changed, not their values');
  assert.equal((await loop.platform.accounts.get(account.id)).rotatingAesKey, true, 'the old key stays valid during the switch');

  const overview = (await admin.get(`/api/accounts/${account.id}/overview`)).json();
  assert.equal(overview.daily.length, 14);
  assert.deepEqual(Object.keys(overview.conversations).sort(), ['open', 'unanswered', 'unread']);
});

test('home counts follow the pushes: follows, unfollows and messages today', async () => {
  const account = await loop.connect({ mode: 'plaintext' });
  const owner = await operatorWithRole(loop.platform, account.id, 'owner');
  loop.emulator.createFans(account.appId, 3, { subscribed: false });
  for (let i = 0; i < 3; i++) await loop.emulator.follow(account.appId, loop.emulator.fanOpenid(account.appId, i));
  await loop.emulator.sendText(account.appId, loop.emulator.fanOpenid(account.appId, 0), '营业时间');
  await loop.emulator.sendText(account.appId, loop.emulator.fanOpenid(account.appId, 1), '在吗');
  await loop.emulator.unfollow(account.appId, loop.emulator.fanOpenid(account.appId, 2));
  const overview = (await owner.get(`/api/accounts/${account.id}/overview`)).json();
  assert.deepEqual(overview.today, { newFollows: 3, unfollows: 1, messages: 2 });
  assert.deepEqual(overview.fans, { total: 3, subscribed: 2 });
  assert.deepEqual(overview.conversations, { open: 2, unanswered: 2, unread: 2 });
});

test("WeChat's 100-tag limit comes back as WeChat's error, in words", async () => {
  const account = await loop.connect({ mode: 'plaintext' });
  const owner = await operatorWithRole(loop.platform, account.id, 'owner');
  const client = loop.platform.tokens.clientFor(account.id);
  for (let i = 0; i < 100; i++) await client.tags.create(`t${i}`);
  const res = await owner.post(`/api/accounts/${account.id}/tags`, { name: '第101个' });
  assert.equal(res.statusCode, 422);
  assert.equal(res.json().error.code, 'WX_TAG_LIMIT');
  assert.match(res.json().error.message, /100/);
});
