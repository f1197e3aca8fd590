import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CallbackCodec, CallbackError, type CallbackQuery } from './callback.ts';
import { generateEncodingAesKey, MessageCrypto } from './crypto.ts';
import { buildReplyXml } from './reply.ts';
import { computeMsgSignature, computeSignature } from './signature.ts';
import { buildXml, parseXml, text } from './xml.ts';

const appId = 'wx1234567890abcdef';
const token = 'zhanggui';
const aesKey = generateEncodingAesKey();
const now = 1_714_112_445;
const plainXml = buildXml({ ToUserName: 'gh_acc', FromUserName: 'oFAN', CreateTime: now, MsgType: 'text', Content: '你好', MsgId: '4561255354251345929' });

function signedQuery(extra: Partial<CallbackQuery> = {}, timestamp = String(now), nonce = '415670741'): CallbackQuery {
  return { signature: computeSignature(token, timestamp, nonce), timestamp, nonce, openid: 'oFAN', ...extra };
}

function encryptedPush(mode: 'compatible' | 'safe', key = aesKey, forAppId = appId) {
  const encrypt = new MessageCrypto(forAppId, key).encrypt(plainXml);
  const query = signedQuery({ encrypt_type: 'aes', msg_signature: computeMsgSignature(token, String(now), '415670741', encrypt) });
  const body =
    mode === 'safe'
      ? buildXml({ ToUserName: 'gh_acc', Encrypt: encrypt })
      : plainXml.replace('</xml>', `<Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
  return { query, body };
}

const codec = (options: { requireEncryption?: boolean; previous?: string; key?: string } = {}) =>
  new CallbackCodec(
    { appId, token, encodingAesKey: options.key ?? aesKey, previousEncodingAesKey: options.previous },
    { requireEncryption: options.requireEncryption, now: () => now },
  );

const rejects = (code: string, status: number) => (error: unknown) =>
  error instanceof CallbackError && error.code === code && error.status === status;

test('URL verification returns echostr exactly, in every mode', () => {
  assert.equal(codec().verifyUrl(signedQuery({ echostr: '4375120948345356249' })), '4375120948345356249');
  assert.throws(() => codec().verifyUrl({ ...signedQuery({ echostr: 'x' }), signature: 'bad' }), rejects('WX_SIGNATURE_INVALID', 401));
});

test('plaintext push opens with a valid signature and replies stay plaintext', () => {
  const opened = codec().open(signedQuery(), plainXml);
  assert.equal(opened.encrypted, false);
  assert.equal(opened.message.msgType, 'text');
  assert.equal(codec().seal('<xml>r</xml>', opened), '<xml>r</xml>');
});

test('compatible and safe pushes are checked with msg_signature, decrypted, and answered encrypted', () => {
  for (const mode of ['compatible', 'safe'] as const) {
    const { query, body } = encryptedPush(mode);
    const opened = codec({ requireEncryption: mode === 'safe' }).open(query, body);
    assert.equal(opened.encrypted, true);
    assert.equal(opened.xml, plainXml);
    assert.ok(opened.message.msgType === 'text' && opened.message.msgId === '4561255354251345929');

    const reply = buildReplyXml({ type: 'text', content: '欢迎' }, { toUser: 'oFAN', fromUser: 'gh_acc', answering: 'message' });
    const sealed = parseXml(codec().seal(reply, opened, '99'));
    const encrypt = text(sealed, 'Encrypt');
    assert.equal(text(sealed, 'Nonce'), '99');
    assert.equal(text(sealed, 'MsgSignature'), computeMsgSignature(token, text(sealed, 'TimeStamp'), '99', encrypt));
    assert.equal(new MessageCrypto(appId, aesKey).decrypt(encrypt).message, reply);
    // "success" and "" are answered as is, even in safe mode.
    assert.equal(codec().seal('success', opened), 'success');
    assert.equal(codec().seal('', opened), '');
  }
});

test('a wrong msg_signature, or a valid one over a swapped body, is refused (401)', () => {
  const { query, body } = encryptedPush('safe');
  assert.throws(() => codec().open({ ...query, msg_signature: '0'.repeat(40) }, body), rejects('WX_SIGNATURE_INVALID', 401));
  const other = encryptedPush('safe');
  const swapped = other.body.replace(/<Encrypt>.*<\/Encrypt>/, `<Encrypt><![CDATA[${new MessageCrypto(appId, aesKey).encrypt('<xml/>')}]]></Encrypt>`);
  assert.throws(() => codec().open(query, swapped), rejects('WX_SIGNATURE_INVALID', 401));
  assert.throws(() => codec().open({ ...query, signature: 'f'.repeat(40) }, body), rejects('WX_SIGNATURE_INVALID', 401));
});

test('a plaintext push with a wrong or missing signature is refused (401)', () => {
  assert.throws(() => codec().open({ ...signedQuery(), signature: 'a'.repeat(40) }, plainXml), rejects('WX_SIGNATURE_INVALID', 401));
  const { signature: _omit, ...unsigned } = signedQuery();
  assert.throws(() => codec().open(unsigned, plainXml), rejects('WX_SIGNATURE_INVALID', 401));
});

test('stale and future timestamps are refused (401)', () => {
  const old = String(now - 301);
  assert.throws(() => codec().open(signedQuery({}, old), plainXml), rejects('WX_TIMESTAMP_STALE', 401));
  assert.throws(() => codec().open(signedQuery({}, String(now + 3600)), plainXml), rejects('WX_TIMESTAMP_STALE', 401));
  assert.doesNotThrow(() => codec().open(signedQuery({}, String(now - 299)), plainXml));
});

test('a message encrypted for another appid is refused (401)', () => {
  const { query, body } = encryptedPush('safe', aesKey, 'wx0000000000000000');
  assert.throws(() => codec().open(query, body), rejects('WX_APPID_MISMATCH', 401));
});

test('an account in safe mode refuses plaintext pushes', () => {
  assert.throws(() => codec({ requireEncryption: true }).open(signedQuery(), plainXml), rejects('WX_ENCRYPTION_REQUIRED', 400));
});

test('during a key rotation, pushes under the previous key open and the reply uses that key', () => {
  const oldKey = aesKey;
  const newKey = generateEncodingAesKey();
  const { query, body } = encryptedPush('safe', oldKey);
  const rotating = codec({ key: newKey, previous: oldKey });
  const opened = rotating.open(query, body);
  assert.equal(opened.keyIndex, 1);
  const sealed = parseXml(rotating.seal('<xml>r</xml>', opened));
  assert.equal(new MessageCrypto(appId, oldKey).decrypt(text(sealed, 'Encrypt')).message, '<xml>r</xml>');
});

test('malformed XML, DOCTYPE payloads and oversize bodies are refused with their own codes', () => {
  const xxe = '<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><Content>&e;</Content></xml>';
  assert.throws(() => codec().open(signedQuery(), xxe), rejects('WX_XML_DOCTYPE', 400));
  assert.throws(() => codec().open(signedQuery(), '<xml><MsgType>text</xml>'), rejects('WX_XML_MALFORMED', 400));
  assert.throws(() => codec().open(signedQuery(), 'not xml'), rejects('WX_XML_MALFORMED', 400));
  assert.throws(() => codec().open(signedQuery(), '<xml><MsgType>text</MsgType></xml>'), rejects('WX_MESSAGE_INVALID', 400));
  const big = new CallbackCodec({ appId, token }, { maxBodyBytes: 100, now: () => now });
  assert.throws(() => big.open(signedQuery(), plainXml.padEnd(200, ' ')), rejects('WX_BODY_TOO_LARGE', 413));
});
