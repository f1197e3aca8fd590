import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildEncryptedEnvelope, buildReplyXml, newsArticleLimit, type Reply } from './reply.ts';
import { children, parseXml, text } from './xml.ts';

const address = { toUser: 'oFAN', fromUser: 'gh_acc', createTime: 1700000000, answering: 'message' as const };

test('text reply has the documented shape, with addressing swapped by the caller', () => {
  assert.equal(
    buildReplyXml({ type: 'text', content: 'hi' }, address),
    '<xml><ToUserName><![CDATA[oFAN]]></ToUserName><FromUserName><![CDATA[gh_acc]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content></xml>',
  );
});

test('text containing "]]>" cannot break out of its CDATA section', () => {
  const xml = buildReplyXml({ type: 'text', content: 'a]]><MsgType>evil</MsgType>b' }, address);
  const node = parseXml(xml);
  assert.equal(text(node, 'Content'), 'a]]><MsgType>evil</MsgType>b');
  assert.equal(text(node, 'MsgType'), 'text');
});

test('every passive reply type builds and parses back', () => {
  const cases: Array<[Reply, (node: ReturnType<typeof parseXml>) => void]> = [
    [{ type: 'image', mediaId: 'img1' }, (n) => assert.equal(text(n.Image as never, 'MediaId'), 'img1')],
    [{ type: 'voice', mediaId: 'v1' }, (n) => assert.equal(text(n.Voice as never, 'MediaId'), 'v1')],
    [
      { type: 'video', mediaId: 'vid', title: '标题', description: 'd' },
      (n) => assert.deepEqual([text(n.Video as never, 'MediaId'), text(n.Video as never, 'Title')], ['vid', '标题']),
    ],
    [
      { type: 'music', title: 't', description: 'd', musicUrl: 'http://m', hqMusicUrl: 'http://hq', thumbMediaId: 'th' },
      (n) => assert.deepEqual([text(n.Music as never, 'HQMusicUrl'), text(n.Music as never, 'ThumbMediaId')], ['http://hq', 'th']),
    ],
    [{ type: 'transfer_customer_service' }, (n) => assert.equal(n.TransInfo, undefined)],
    [{ type: 'transfer_customer_service', kfAccount: 'test1@test' }, (n) => assert.equal(text(n.TransInfo as never, 'KfAccount'), 'test1@test')],
  ];
  for (const [reply, check] of cases) {
    const node = parseXml(buildReplyXml(reply, address));
    assert.equal(text(node, 'MsgType'), reply.type);
    assert.equal(text(node, 'ToUserName'), 'oFAN');
    check(node);
  }
});

test('news: one article when answering a message, up to eight when answering an event', () => {
  const articles = Array.from({ length: 10 }, (_, i) => ({ title: `t${i}`, description: 'd', picUrl: 'http://p', url: 'http://u' }));
  const toMessage = parseXml(buildReplyXml({ type: 'news', articles }, address));
  assert.equal(text(toMessage, 'ArticleCount'), '1');
  assert.equal(children(toMessage.Articles as never, 'item').length, 1);

  const toEvent = parseXml(buildReplyXml({ type: 'news', articles }, { ...address, answering: 'event' }));
  assert.equal(text(toEvent, 'ArticleCount'), '8');
  assert.equal(children(toEvent.Articles as never, 'item').length, 8);
  assert.deepEqual([newsArticleLimit('message'), newsArticleLimit('event')], [1, 8]);
});

test('encrypted envelope has Encrypt, MsgSignature, TimeStamp (bare) and Nonce in order', () => {
  assert.equal(
    buildEncryptedEnvelope({ encrypt: 'ENC', msgSignature: 'SIG', timestamp: '1713424427', nonce: '415670741' }),
    '<xml><Encrypt><![CDATA[ENC]]></Encrypt><MsgSignature><![CDATA[SIG]]></MsgSignature><TimeStamp>1713424427</TimeStamp><Nonce><![CDATA[415670741]]></Nonce></xml>',
  );
});
