import assert from 'node:assert/strict';
import { createCipheriv } from 'node:crypto';
import { test } from 'node:test';
import { CryptoErrorCode, decodeEncodingAesKey, generateEncodingAesKey, MessageCrypto, WechatCryptoError } from './crypto.ts';

// The official safe-mode example, wechat-protocol.md §6.2.
const KEY = 'A'.repeat(43);
const APPID = 'wxba5fad812f8e6fb9';
const REQUEST_ENCRYPT =
  '+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=';
const REQUEST_MESSAGE =
  '{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}';
const REPLY_ENCRYPT = 'ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==';

const expectCode = (code: number) => (error: unknown) => error instanceof WechatCryptoError && error.code === code;

test('an EncodingAESKey of 43 "A" decodes to 32 zero bytes', () => {
  assert.deepEqual(decodeEncodingAesKey(KEY), Buffer.alloc(32));
});

test('decrypts the official request example', () => {
  const result = new MessageCrypto(APPID, KEY).decrypt(REQUEST_ENCRYPT);
  assert.equal(result.message, REQUEST_MESSAGE);
  assert.equal(Buffer.byteLength(result.message), 167);
  assert.equal(result.appId, APPID);
  assert.equal(result.keyIndex, 0);
});

test('encrypts the official reply example byte for byte', () => {
  const encrypt = new MessageCrypto(APPID, KEY).encrypt('{"demo_resp":"good luck"}', { random: Buffer.from('707722b803182950') });
  assert.equal(encrypt, REPLY_ENCRYPT);
  assert.equal(Buffer.from(encrypt, 'base64').length, 64);
});

test('round-trips Chinese text and emoji, and pads a 32-byte multiple with a full block', () => {
  const crypto = new MessageCrypto('wx1234567890abcdef', generateEncodingAesKey());
  for (const message of ['你好，掌柜 🎉', '', 'x'.repeat(64 - 20 - 18), '<xml><Content><![CDATA[牛仔裤]]></Content></xml>']) {
    assert.equal(crypto.decrypt(crypto.encrypt(message)).message, message);
  }
});

test('refuses a message for another appid (-40005)', () => {
  const other = new MessageCrypto('wx0000000000000000', KEY);
  assert.throws(() => other.decrypt(REQUEST_ENCRYPT), expectCode(CryptoErrorCode.ValidateAppidError));
});

test('refuses truncated or invalid base64 (-40010) and wrong lengths (-40007)', () => {
  const crypto = new MessageCrypto(APPID, KEY);
  assert.throws(() => crypto.decrypt(REQUEST_ENCRYPT.slice(0, -3)), expectCode(CryptoErrorCode.DecodeBase64Error));
  assert.throws(() => crypto.decrypt('not base64 at all!'), expectCode(CryptoErrorCode.DecodeBase64Error));
  assert.throws(() => crypto.decrypt(REQUEST_ENCRYPT.slice(0, 40)), expectCode(CryptoErrorCode.DecryptAESError));
});

test('refuses bad PKCS#7 padding (-40008)', () => {
  const key = Buffer.alloc(32);
  const block = Buffer.alloc(64, 0x41);
  block[63] = 33; // a pad byte above 32 is never valid
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  const bad = Buffer.concat([cipher.update(block), cipher.final()]).toString('base64');
  assert.throws(() => new MessageCrypto(APPID, KEY).decrypt(bad), expectCode(CryptoErrorCode.IllegalBuffer));

  const inconsistent = Buffer.alloc(64, 0x41);
  inconsistent.fill(4, 60);
  inconsistent[61] = 3;
  const cipher2 = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher2.setAutoPadding(false);
  const bad2 = Buffer.concat([cipher2.update(inconsistent), cipher2.final()]).toString('base64');
  assert.throws(() => new MessageCrypto(APPID, KEY).decrypt(bad2), expectCode(CryptoErrorCode.IllegalBuffer));
});

test('during a key rotation, messages under either key decrypt and report which key worked', () => {
  const oldKey = generateEncodingAesKey();
  const newKey = generateEncodingAesKey();
  const before = new MessageCrypto(APPID, oldKey);
  const during = new MessageCrypto(APPID, newKey, oldKey);
  assert.deepEqual(during.decrypt(before.encrypt('old')), { message: 'old', appId: APPID, keyIndex: 1 });
  assert.equal(during.decrypt(during.encrypt('new')).keyIndex, 0);
  // A reply sealed with the key that worked decrypts under the sender's key.
  assert.equal(before.decrypt(during.encrypt('reply', { keyIndex: 1 })).message, 'reply');
  // After the rotation ends, the old key no longer works.
  assert.throws(() => new MessageCrypto(APPID, newKey).decrypt(before.encrypt('old')), WechatCryptoError);
});

test('refuses malformed EncodingAESKeys (-40004)', () => {
  assert.throws(() => new MessageCrypto(APPID, 'short'), expectCode(CryptoErrorCode.IllegalAesKey));
  assert.throws(() => new MessageCrypto(APPID, `${'A'.repeat(42)}+`), expectCode(CryptoErrorCode.IllegalAesKey));
});
