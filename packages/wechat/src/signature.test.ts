import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardExtSignature, computeMsgSignature, computeSignature, jsapiSignature, verifySignature } from './signature.ts';

// Official vectors, wechat-protocol.md §6.1.
test('signature matches the official URL-verification example (S2)', () => {
  assert.equal(computeSignature('AAAAA', '1714036504', '1514711492'), 'f464b24fc39322e44b38aa78f5edd27bd1441696');
});

test('signature matches the official plaintext POST example (S3)', () => {
  assert.equal(computeSignature('AAAAA', '1714037059', '486452656'), '899cf89e464efb63f54ddac96b0a0a235f53aa78');
});

test('signature matches the official safe-mode POST example (S4)', () => {
  assert.equal(computeSignature('AAAAA', '1714112445', '415670741'), '6c5c811b55cc85e0e1b54100749188c20beb3f5d');
});

test('signature sorts as strings, not numbers (§1.3 worked example)', () => {
  // ["1514711492","1714036504","AAAAA"] joins to 15147114921714036504AAAAA.
  assert.equal(computeSignature('AAAAA', '1514711492', '1714036504'), 'f464b24fc39322e44b38aa78f5edd27bd1441696');
});

test('msg_signature matches the official safe-mode example, where "+" sorts before digits', () => {
  const encrypt =
    '+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=';
  assert.equal(computeMsgSignature('AAAAA', '1714112445', '415670741', encrypt), '046e02f8204d34f8ba5fa3b1db94908f3df2e9b3');
});

test('verifySignature refuses a wrong, missing or differently sized signature', () => {
  assert.equal(verifySignature('AAAAA', '1714036504', '1514711492', 'f464b24fc39322e44b38aa78f5edd27bd1441696'), true);
  assert.equal(verifySignature('AAAAA', '1714036504', '1514711492', 'F464B24FC39322E44B38AA78F5EDD27BD1441696'), true);
  assert.equal(verifySignature('AAAAA', '1714036504', '1514711492', 'f464b24fc39322e44b38aa78f5edd27bd1441697'), false);
  assert.equal(verifySignature('AAAAA', '1714036504', '1514711492', undefined), false);
  assert.equal(verifySignature('AAAAA', '1714036504', '1514711492', 'f464'), false);
  assert.equal(verifySignature('BBBBB', '1714036504', '1514711492', 'f464b24fc39322e44b38aa78f5edd27bd1441696'), false);
});

test('JS-SDK signature matches the official example (§6.5)', () => {
  assert.equal(
    jsapiSignature({
      jsapiTicket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
      nonceStr: 'Wm3WZYTPz0wzccnW',
      timestamp: 1414587457,
      url: 'http://mp.weixin.qq.com?params=value#ignored-fragment',
    }),
    '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
  );
});

test('card-ext signature matches wechatpy vectors (§6.5)', () => {
  const ticket = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';
  assert.equal(cardExtSignature(['Wm3WZYTPz0wzccnW', ticket, 1414587457, 'random_card_id']), '22dce6bad4db532d4a2ef82ca2ca7bbe1e10ef28');
  assert.equal(
    cardExtSignature(['Wm3WZYTPz0wzccnW', ticket, 1414587457, 'random_card_id', 'random_code', undefined]),
    '2e9c6d12952246e071717d7baeab20c30420b5cd',
  );
});
