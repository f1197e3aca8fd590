import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildXml, computeMsgSignature, computeSignature, generateEncodingAesKey, MessageCrypto, parseXml, text, type MessageMode } from '@zhanggui/wechat';
import { SYSTEM_NOTICE } from '../phone/phone.entries.ts';
import { passiveReply, startHarness, startReceiver, type Harness, type Receiver } from '../testing/harness.ts';

const modes: MessageMode[] = ['plaintext', 'compatible', 'safe'];

async function setup(mode: MessageMode, delivery = {}) {
  const aesKey = generateEncodingAesKey();
  const h = await startHarness({ mode, encodingAesKey: aesKey, token: 'pushtoken' }, { delivery });
  const receiver = await startReceiver({ appId: h.appId, token: 'pushtoken', encodingAesKey: aesKey, mode });
  h.emu.updateAccount(h.appId, { callbackUrl: receiver.url });
  h.emu.createFans(h.appId, 3);
  return { h, receiver, aesKey, openid: h.emu.fanOpenid(h.appId, 1) };
}

describe('push signatures and encryption in all three modes', () => {
  for (const mode of modes) {
    test(`${mode}: query, body and reply`, async () => {
      const { h, receiver, aesKey, openid } = await setup(mode);
      try {
        receiver.respond = (push, codec) => passiveReply(push, codec, { type: 'text', content: `回声：${push.opened?.message.msgType}` });
        const result = await h.emu.sendText(h.appId, openid, '你好 <b>&');
        assert.equal(result.outcome, 'replied');
        assert.deepEqual(result.reply, { type: 'text', content: '回声：text' });
        assert.equal(result.attempts, 1);
        assert.equal(receiver.pushes.length, 1);
        const push = receiver.pushes[0]!;
        assert.equal(push.openError, undefined, 'CallbackCodec opens the push');
        const { query, body } = push;
        assert.equal(query.openid, openid);
        assert.equal(query.signature, computeSignature('pushtoken', query.timestamp!, query.nonce!));
        assert.match(query.timestamp!, /^\d{10}$/);
        assert.match(query.nonce!, /^\d{9,10}$/);

        const plainFields = (xml: string) => {
          assert.match(xml, /^<xml><ToUserName><!\[CDATA\[gh_[0-9a-f]{12}\]\]><\/ToUserName>/);
          assert.match(xml, /<CreateTime>\d{10}<\/CreateTime>/);
          assert.match(xml, /<Content><!\[CDATA\[你好 <b>&\]\]><\/Content>/);
          const msgId = /<MsgId>(\d+)<\/MsgId>/.exec(xml)?.[1];
          assert.ok(msgId && BigInt(msgId) > 2n ** 53n, 'MsgId is a bare 64-bit decimal above 2^53');
          assert.equal(msgId, result.msgId);
        };
        if (mode === 'plaintext') {
          assert.equal(query.encrypt_type, undefined);
          assert.equal(query.msg_signature, undefined);
          plainFields(body);
        } else {
          assert.equal(query.encrypt_type, 'aes');
          const node = parseXml(body);
          const encrypt = text(node, 'Encrypt');
          assert.equal(query.msg_signature, computeMsgSignature('pushtoken', query.timestamp!, query.nonce!, encrypt));
          const decrypted = new MessageCrypto(h.appId, aesKey).decrypt(encrypt);
          assert.equal(decrypted.appId, h.appId);
          plainFields(decrypted.message);
          if (mode === 'safe') {
            assert.deepEqual(Object.keys(node), ['ToUserName', 'Encrypt'], 'safe mode sends only ToUserName and Encrypt');
          } else {
            assert.equal(body, decrypted.message.replace('</xml>', `<Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`), 'compatible = plaintext fields + Encrypt');
          }
        }
        const phone = h.emu.phone(h.appId, openid);
        assert.deepEqual(
          phone.map((e) => [e.side, e.text]),
          [
            ['fan', '你好 <b>&'],
            ['account', '回声：text'],
          ],
        );
      } finally {
        await receiver.close();
        await h.close();
      }
    });
  }
});

describe('retries and timeouts', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  before(async () => {
    // A generous timeout: only the test that wants timeouts gets them, however loaded the machine is.
    ctx = await setup('safe', { timeoutMs: 5000, retries: 2, retrySpacingMs: 0 });
  });
  after(async () => {
    await ctx.receiver.close();
    await ctx.h.close();
  });

  test('an injected first-delivery timeout is retried with the identical body and query', async () => {
    const { h, receiver, openid } = ctx;
    receiver.pushes.length = 0;
    receiver.respond = (push, codec) => passiveReply(push, codec, { type: 'text', content: 'ok' });
    h.emu.injectFault(h.appId, { type: 'push-timeout' });
    const result = await h.emu.sendText(h.appId, openid, 'retry me');
    assert.equal(result.outcome, 'replied');
    assert.equal(result.attempts, 2);
    assert.equal(receiver.pushes.length, 2, 'the first attempt reached the server, its answer was discarded');
    assert.equal(receiver.pushes[1]!.body, receiver.pushes[0]!.body);
    assert.deepEqual(receiver.pushes[1]!.query, receiver.pushes[0]!.query);
    assert.equal(h.emu.phone(h.appId, openid).filter((e) => e.text === 'ok').length, 1, 'the fan sees one reply');
  });

  test('a server that never answers: every attempt times out, the fan sees the system notice', async () => {
    const slow = await setup('safe', { timeoutMs: 200, retries: 2, retrySpacingMs: 0 });
    try {
      slow.receiver.respond = () => ({ body: 'success', delayMs: 600_000 });
      const result = await slow.h.emu.sendText(slow.h.appId, slow.openid, 'slow');
      assert.equal(result.outcome, 'failed');
      assert.equal(result.attempts, 3);
      assert.match(result.error!, /no answer within 200 ms/);
      assert.equal(slow.receiver.pushes.length, 3);
      assert.equal(new Set(slow.receiver.pushes.map((p) => p.body)).size, 1);
      assert.equal(slow.h.emu.phone(slow.h.appId, slow.openid).at(-1)?.text, SYSTEM_NOTICE);
    } finally {
      await slow.receiver.close();
      await slow.h.close();
    }
  });

  test('HTTP errors are retried; a later good answer counts', async () => {
    const { h, receiver, openid } = ctx;
    receiver.pushes.length = 0;
    receiver.respond = (push, codec) => (receiver.pushes.length === 1 ? { status: 500, body: 'oops' } : passiveReply(push, codec, { type: 'text', content: 'second time' }));
    const result = await h.emu.sendText(h.appId, openid, 'flaky');
    assert.equal(result.outcome, 'replied');
    assert.equal(result.attempts, 2);
  });

  test('no callback URL: nothing is sent and no notice is shown', async () => {
    const { h, openid } = ctx;
    h.emu.updateAccount(h.appId, { callbackUrl: null });
    const before = h.emu.phone(h.appId, openid).length;
    const result = await h.emu.sendText(h.appId, openid, 'anyone?');
    assert.equal(result.outcome, 'no_reply');
    assert.equal(result.attempts, 0);
    assert.equal(h.emu.phone(h.appId, openid).length, before + 1);
    h.emu.updateAccount(h.appId, { callbackUrl: ctx.receiver.url });
  });
});

describe('reply validation as the WeChat client does it', () => {
  const harnesses: Array<{ h: Harness; receiver: Receiver }> = [];
  after(async () => {
    for (const { h, receiver } of harnesses) {
      await receiver.close();
      await h.close();
    }
  });
  const make = async (mode: MessageMode) => {
    const ctx = await setup(mode);
    harnesses.push(ctx);
    return ctx;
  };
  const lastEntry = (h: Harness, openid: string) => h.emu.phone(h.appId, openid).at(-1);

  test('success and empty mean no reply and no notice', async () => {
    const { h, receiver, openid } = await make('safe');
    for (const answer of ['success', '']) {
      receiver.respond = () => answer;
      const result = await h.emu.sendText(h.appId, openid, 'hi');
      assert.equal(result.outcome, 'no_reply');
      assert.equal(lastEntry(h, openid)?.side, 'fan');
    }
  });

  test('wrong To/From swap is refused and the fan sees the notice', async () => {
    const { h, receiver, openid } = await make('plaintext');
    receiver.respond = (push) =>
      buildXml({ ToUserName: push.opened!.message.toUserName, FromUserName: push.opened!.message.fromUserName, CreateTime: 1, MsgType: 'text', Content: 'x' });
    const result = await h.emu.sendText(h.appId, openid, 'hi');
    assert.equal(result.outcome, 'failed');
    assert.match(result.error!, /ToUserName/);
    assert.equal(lastEntry(h, openid)?.text, SYSTEM_NOTICE);
  });

  test('safe mode: a bad MsgSignature, a foreign appid or a plaintext reply are refused', async () => {
    const { h, receiver, aesKey, openid } = await make('safe');
    const replyXml = (push: { opened?: { message: { fromUserName: string; toUserName: string } } }) =>
      buildXml({ ToUserName: push.opened!.message.fromUserName, FromUserName: push.opened!.message.toUserName, CreateTime: 1, MsgType: 'text', Content: 'x' });

    receiver.respond = (push, codec) => codec.encryptReply(replyXml(push)).replace(/<MsgSignature><!\[CDATA\[[0-9a-f]+/, '<MsgSignature><![CDATA[0000000000000000000000000000000000000000');
    let result = await h.emu.sendText(h.appId, openid, 'hi');
    assert.equal(result.outcome, 'failed');
    assert.match(result.error!, /MsgSignature/);
    assert.equal(lastEntry(h, openid)?.text, SYSTEM_NOTICE);

    receiver.respond = (push) => {
      const encrypt = new MessageCrypto('wxsomeoneelse0000', aesKey).encrypt(replyXml(push));
      const signature = computeMsgSignature('pushtoken', '1700000000', '42', encrypt);
      return buildXml({ Encrypt: encrypt, MsgSignature: signature, TimeStamp: 1700000000, Nonce: '42' });
    };
    result = await h.emu.sendText(h.appId, openid, 'hi');
    assert.equal(result.outcome, 'failed');
    assert.match(result.error!, /appid/);

    receiver.respond = (push) => replyXml(push);
    result = await h.emu.sendText(h.appId, openid, 'hi');
    assert.equal(result.outcome, 'failed');
    assert.match(result.error!, /safe mode/);
  });

  test('compatible mode accepts a plaintext reply; plaintext mode refuses an encrypted one', async () => {
    const compatible = await make('compatible');
    compatible.receiver.respond = (push) =>
      buildXml({ ToUserName: push.opened!.message.fromUserName, FromUserName: push.opened!.message.toUserName, CreateTime: 1, MsgType: 'text', Content: '明文' });
    assert.equal((await compatible.h.emu.sendText(compatible.h.appId, compatible.openid, 'hi')).outcome, 'replied');

    const plain = await make('plaintext');
    plain.receiver.respond = () => buildXml({ Encrypt: 'abc', MsgSignature: 'x', TimeStamp: 1, Nonce: '1' });
    const result = await plain.h.emu.sendText(plain.h.appId, plain.openid, 'hi');
    assert.equal(result.outcome, 'failed');
    assert.match(result.error!, /plaintext mode/);
  });

  test('news is trimmed silently: 1 article for a message, 8 for an event', async () => {
    const { h, receiver, openid } = await make('safe');
    const news = (push: { opened?: { message: { fromUserName: string; toUserName: string } } }, count: number) =>
      buildXml({
        ToUserName: push.opened!.message.fromUserName,
        FromUserName: push.opened!.message.toUserName,
        CreateTime: 1,
        MsgType: 'news',
        ArticleCount: count,
        Articles: Array.from({ length: count }, (_, i) => ({ Title: `第${i + 1}篇`, Description: 'd', PicUrl: 'http://p/x.png', Url: 'http://u/' })),
      });
    receiver.respond = (push, codec) => codec.seal(news(push, 3), push.opened!);
    let result = await h.emu.sendText(h.appId, openid, '新闻');
    assert.equal(result.outcome, 'replied');
    assert.equal(result.reply?.type === 'news' && result.reply.articles.length, 1);
    assert.equal(result.droppedArticles, 2);
    assert.equal(lastEntry(h, openid)?.articles?.length, 1);

    receiver.respond = (push, codec) => codec.seal(news(push, 10), push.opened!);
    const fresh = h.emu.fanOpenid(h.appId, 0);
    await h.emu.unfollow(h.appId, fresh);
    result = await h.emu.follow(h.appId, fresh);
    assert.equal(result.outcome, 'replied');
    assert.equal(result.reply?.type === 'news' && result.reply.articles.length, 8);
  });

  test('an unknown MsgType or a media_id the account does not have is refused', async () => {
    const { h, receiver, openid } = await make('plaintext');
    const head = (push: { opened?: { message: { fromUserName: string; toUserName: string } } }) => ({
      ToUserName: push.opened!.message.fromUserName,
      FromUserName: push.opened!.message.toUserName,
      CreateTime: 1,
    });
    receiver.respond = (push) => buildXml({ ...head(push), MsgType: 'sticker' });
    assert.equal((await h.emu.sendText(h.appId, openid, 'a')).outcome, 'failed');
    receiver.respond = (push) => buildXml({ ...head(push), MsgType: 'image', Image: { MediaId: 'nope' } });
    const result = await h.emu.sendText(h.appId, openid, 'b');
    assert.equal(result.outcome, 'failed');
    assert.match(result.error!, /MediaId/);
    receiver.respond = (push) => `<html>${head(push).ToUserName}</html>`;
    assert.equal((await h.emu.sendText(h.appId, openid, 'c')).outcome, 'failed');
  });

  test('MsgIds are unique 64-bit decimals above 2^53', async () => {
    const { h, receiver, openid } = await make('plaintext');
    receiver.respond = () => 'success';
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await h.emu.sendText(h.appId, openid, `m${i}`)).msgId!);
    assert.equal(ids.size, 5);
    for (const id of ids) assert.ok(BigInt(id) > 2n ** 53n && BigInt(id) < 2n ** 64n);
  });
});
