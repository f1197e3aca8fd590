import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CallbackCodec, parseXml, text, type MessageMode, type XmlBuildNode } from '@zhanggui/wechat';
import type { Platform } from '../app.ts';
import { createTestPlatform, fakeAccountCredentials, nextMsgId, signPush } from '../testing/test-platform.ts';

interface TestAccount {
  id: number;
  appId: string;
  token: string;
  encodingAesKey: string;
  messageMode: MessageMode;
  originalId: string;
}

let platform: Platform;
const accounts: Record<MessageMode, TestAccount> = {} as never;

before(async () => {
  platform = await createTestPlatform();
  for (const mode of ['plaintext', 'compatible', 'safe'] as const) {
    const credentials = fakeAccountCredentials(mode);
    const view = await platform.accounts.create(credentials);
    accounts[mode] = { ...credentials, id: view.id };
    await platform.replies.create(view.id, { name: '关注回复', trigger: 'subscribe', replies: [{ type: 'text', content: '欢迎关注掌柜！' }] });
    await platform.replies.create(view.id, { name: '默认回复', trigger: 'default', replies: [{ type: 'text', content: '收到，稍后回复您' }] });
    await platform.replies.create(view.id, {
      name: '营业时间',
      trigger: 'keyword',
      keywords: [{ text: '营业时间', match: 'exact' }],
      replies: [{ type: 'text', content: '每天 9:00–21:00' }],
    });
    await platform.replies.create(view.id, {
      name: '牛仔裤',
      trigger: 'keyword',
      keywords: [{ text: '牛仔裤', match: 'contains' }],
      replies: [{ type: 'news', articles: [{ title: '新款牛仔裤', url: 'https://shop.example.com/jeans' }, { title: '第二篇' }] }],
    });
  }
});
after(() => platform.close());

async function push(account: TestAccount, fields: XmlBuildNode, options?: { timestamp?: number }) {
  const { url, body } = signPush(account, fields, options);
  return platform.http.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'text/xml' } });
}

/** Opens our reply as WeChat would: decrypt if sealed, parse. */
function readReply(account: TestAccount, body: string) {
  if (body === 'success' || body === '') return null;
  const envelope = parseXml(body);
  if (!('Encrypt' in envelope)) return envelope;
  const codec = new CallbackCodec({ appId: account.appId, token: account.token, encodingAesKey: account.encodingAesKey });
  return parseXml(codec.crypto!.decrypt(text(envelope, 'Encrypt')).message);
}

const textMessage = (account: TestAccount, openid: string, content: string, msgId = nextMsgId()): XmlBuildNode => ({
  ToUserName: account.originalId,
  FromUserName: openid,
  CreateTime: Math.floor(Date.now() / 1000),
  MsgType: 'text',
  Content: content,
  MsgId: msgId,
});

async function countMessages(accountId: number) {
  const [row] = await platform.db.query<{ n: number }>('select count(*)::int as n from messages where account_id = $1', [accountId]);
  return row!.n;
}

for (const mode of ['plaintext', 'compatible', 'safe'] as const) {
  describe(`${mode} mode`, () => {
    test('URL verification echoes echostr', async () => {
      const account = accounts[mode];
      const { url } = signPush(account, textMessage(account, 'oVerify', 'x'));
      const query = new URL(url, 'http://x').searchParams;
      const res = await platform.http.inject({
        method: 'GET',
        url: `/wx/${account.id}?signature=${query.get('signature')}&timestamp=${query.get('timestamp')}&nonce=${query.get('nonce')}&echostr=4375120948345356249`,
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.body, '4375120948345356249');
    });

    test('follow gets the welcome; keywords match exact and contains; anything else gets the default', async () => {
      const account = accounts[mode];
      const openid = `o${mode.padEnd(27, 'x')}`;
      const follow = await push(account, { ToUserName: account.originalId, FromUserName: openid, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event', Event: 'subscribe', EventKey: '' });
      assert.equal(follow.statusCode, 200);
      if (mode !== 'plaintext') assert.ok(parseXml(follow.body).Encrypt, 'encrypted pushes get encrypted replies');
      const welcome = readReply(account, follow.body)!;
      assert.equal(text(welcome, 'Content'), '欢迎关注掌柜！');
      assert.equal(text(welcome, 'ToUserName'), openid);
      assert.equal(text(welcome, 'FromUserName'), account.originalId);

      assert.equal(text(readReply(account, (await push(account, textMessage(account, openid, '营业时间'))).body)!, 'Content'), '每天 9:00–21:00');
      const news = readReply(account, (await push(account, textMessage(account, openid, '有没有便宜的牛仔裤？'))).body)!;
      assert.equal(text(news, 'MsgType'), 'news');
      assert.equal(text(news, 'ArticleCount'), '1', 'one article when answering a message');
      assert.equal(text(readReply(account, (await push(account, textMessage(account, openid, '营业时间呢'))).body)!, 'Content'), '收到，稍后回复您');

      const [fan] = await platform.db.query<{ subscribed: boolean; last_message_at: Date | null }>(
        'select subscribed, last_message_at from fans where account_id = $1 and openid = $2',
        [account.id, openid],
      );
      assert.equal(fan?.subscribed, true);
      assert.ok(fan?.last_message_at);

      const unfollow = await push(account, { ToUserName: account.originalId, FromUserName: openid, CreateTime: Math.floor(Date.now() / 1000) + 1, MsgType: 'event', Event: 'unsubscribe' });
      assert.equal(unfollow.body, 'success');
      const [gone] = await platform.db.query<{ subscribed: boolean }>('select subscribed from fans where account_id = $1 and openid = $2', [account.id, openid]);
      assert.equal(gone?.subscribed, false);
    });
  });
}

test('a retried push gets the same reply and is stored once', async () => {
  const account = accounts.safe;
  const { url, body } = signPush(account, textMessage(account, 'oRetry000000000000000000000000', '营业时间'));
  const before = await countMessages(account.id);
  const [first, second] = await Promise.all([
    platform.http.inject({ method: 'POST', url, payload: body }),
    platform.http.inject({ method: 'POST', url, payload: body }),
  ]);
  const third = await platform.http.inject({ method: 'POST', url, payload: body });
  for (const res of [first, second, third]) assert.equal(text(readReply(account, res.body)!, 'Content'), '每天 9:00–21:00');
  assert.equal((await countMessages(account.id)) - before, 1);
  const [row] = await platform.db.query<{ msg_id: string }>("select msg_id from messages where account_id = $1 order by id desc limit 1", [account.id]);
  assert.match(row!.msg_id, /^\d{19}$/, 'MsgId kept exactly as text');
});

describe('bad input is refused with a stable code and nothing is stored', () => {
  const expectRefused = async (res: { statusCode: number; json: () => unknown }, status: number, code: string, accountId: number, before: number) => {
    assert.equal(res.statusCode, status);
    assert.equal((res.json() as { error: { code: string } }).error.code, code);
    assert.equal(await countMessages(accountId), before);
  };

  test('wrong signature (plaintext) → 401', async () => {
    const account = accounts.plaintext;
    const before = await countMessages(account.id);
    const { url, body } = signPush(account, textMessage(account, 'oBad', 'hi'));
    const res = await platform.http.inject({ method: 'POST', url: url.replace(/signature=[0-9a-f]+/, `signature=${'0'.repeat(40)}`), payload: body });
    await expectRefused(res, 401, 'WX_SIGNATURE_INVALID', account.id, before);
  });

  test('wrong msg_signature (safe) → 401', async () => {
    const account = accounts.safe;
    const before = await countMessages(account.id);
    const { url, body } = signPush(account, textMessage(account, 'oBad', 'hi'));
    const res = await platform.http.inject({ method: 'POST', url: url.replace(/msg_signature=[0-9a-f]+/, `msg_signature=${'1'.repeat(40)}`), payload: body });
    await expectRefused(res, 401, 'WX_SIGNATURE_INVALID', account.id, before);
  });

  test('stale timestamp → 401', async () => {
    const account = accounts.safe;
    const before = await countMessages(account.id);
    const { url, body } = signPush(account, textMessage(account, 'oBad', 'hi'), { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    await expectRefused(await platform.http.inject({ method: 'POST', url, payload: body }), 401, 'WX_TIMESTAMP_STALE', account.id, before);
  });

  test('body over the cap → 413', async () => {
    const account = accounts.plaintext;
    const before = await countMessages(account.id);
    const { url, body } = signPush(account, textMessage(account, 'oBad', '长'.repeat(40_000)));
    await expectRefused(await platform.http.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'text/xml' } }), 413, 'WX_BODY_TOO_LARGE', account.id, before);
  });

  test('malformed XML → 400; DOCTYPE/entity payload → 400', async () => {
    const account = accounts.plaintext;
    const before = await countMessages(account.id);
    const { url } = signPush(account, textMessage(account, 'oBad', 'hi'));
    await expectRefused(await platform.http.inject({ method: 'POST', url, payload: '<xml><MsgType>text</xml>' }), 400, 'WX_XML_MALFORMED', account.id, before);
    const xxe = '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><ToUserName>gh</ToUserName><FromUserName>oBad</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&x;</Content><MsgId>1</MsgId></xml>';
    await expectRefused(await platform.http.inject({ method: 'POST', url, payload: xxe }), 400, 'WX_XML_DOCTYPE', account.id, before);
    const bomb = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><xml><Content>&lol2;</Content></xml>';
    await expectRefused(await platform.http.inject({ method: 'POST', url, payload: bomb }), 400, 'WX_XML_DOCTYPE', account.id, before);
  });

  test('unknown account → 404', async () => {
    const account = { ...accounts.safe, id: 999_999 };
    const { url, body } = signPush(account, textMessage(account, 'oBad', 'hi'));
    const res = await platform.http.inject({ method: 'POST', url, payload: body });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'WX_ACCOUNT_NOT_FOUND');
    assert.equal((await platform.http.inject({ method: 'POST', url: '/wx/abc?x=1', payload: body })).statusCode, 404);
  });

  test('a message encrypted for another appid → 401', async () => {
    const account = accounts.safe;
    const before = await countMessages(account.id);
    const { url, body } = signPush({ ...account, appId: 'wx0000000000000000' }, textMessage(account, 'oBad', 'hi'));
    await expectRefused(await platform.http.inject({ method: 'POST', url, payload: body }), 401, 'WX_APPID_MISMATCH', account.id, before);
  });

  test('a plaintext push to a safe-mode account → 400', async () => {
    const account = accounts.safe;
    const before = await countMessages(account.id);
    const { url, body } = signPush({ ...account, messageMode: 'plaintext' }, textMessage(account, 'oBad', 'hi'));
    await expectRefused(await platform.http.inject({ method: 'POST', url, payload: body }), 400, 'WX_ENCRYPTION_REQUIRED', account.id, before);
  });
});

test('rotating the EncodingAESKey: pushes under the old key still open while WeChat switches over', async () => {
  const credentials = fakeAccountCredentials('safe');
  const view = await platform.accounts.create(credentials);
  await platform.replies.create(view.id, { name: 'd', trigger: 'default', replies: [{ type: 'text', content: 'ok' }] });
  const oldAccount = { ...credentials, id: view.id };
  const newKey = fakeAccountCredentials().encodingAesKey;
  await platform.accounts.update(view.id, { encodingAesKey: newKey });
  platform.registry.invalidate(view.id);
  const underOld = await push(oldAccount, textMessage(oldAccount, 'oRotate', 'a'));
  assert.equal(text(readReply(oldAccount, underOld.body)!, 'Content'), 'ok', 'the reply is sealed with the key that worked');
  const underNew = await push({ ...oldAccount, encodingAesKey: newKey }, textMessage(oldAccount, 'oRotate', 'b'));
  assert.equal(text(readReply({ ...oldAccount, encodingAesKey: newKey }, underNew.body)!, 'Content'), 'ok');
});

test('secrets are encrypted at rest', async () => {
  const account = accounts.safe;
  const [row] = await platform.db.query<Record<string, string>>('select * from accounts where id = $1', [account.id]);
  const stored = JSON.stringify(row);
  assert.ok(!stored.includes(account.token) && !stored.includes(account.encodingAesKey), 'neither Token nor EncodingAESKey appear in clear');
  assert.match(row!.app_secret_sealed!, /^v1:/);
});
