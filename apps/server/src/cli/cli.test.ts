import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { buildXml, generateEncodingAesKey } from '@zhanggui/wechat';
import { ConfigError, loadConfig } from '../config.ts';
import { main, type Io } from '../main.ts';
import { ServerEnvironment } from '../testing/server-process.ts';

function captureIo(stdin = ''): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), stdin: async () => stdin };
}

const keys = { token: 'debugtoken', aesKey: generateEncodingAesKey(), appid: 'wx1234567890abcdef' };
const plain = buildXml({ ToUserName: 'gh_abcdef123456', FromUserName: 'oFAN', CreateTime: 1714112445, MsgType: 'text', Content: '你好', MsgId: '4561255354251345929' });

test('wechat encrypt then wechat decrypt gives back the plaintext push', async () => {
  const encryptIo = captureIo(plain);
  const args = ['--token', keys.token, '--aes-key', keys.aesKey, '--appid', keys.appid];
  assert.equal(await main(['wechat', 'encrypt', ...args, '--timestamp', '1714112445', '--nonce', '415670741'], encryptIo), 0);
  const body = encryptIo.stdout[0]!;
  const query = encryptIo.stderr[0]!.replace(/^query: /, '');
  assert.match(body, /^<xml><ToUserName><!\[CDATA\[gh_abcdef123456\]\]><\/ToUserName><Encrypt>/);

  const decryptIo = captureIo(body);
  assert.equal(await main(['wechat', 'decrypt', ...args, '--query', query], decryptIo), 0);
  assert.equal(decryptIo.stdout[0], plain);
});

test('wechat decrypt refuses a wrong Token or a foreign appid with a clear code', async () => {
  const encryptIo = captureIo(plain);
  await main(['wechat', 'encrypt', '--token', keys.token, '--aes-key', keys.aesKey, '--appid', keys.appid], encryptIo);
  const query = encryptIo.stderr[0]!.replace(/^query: /, '');

  const wrongToken = captureIo(encryptIo.stdout[0]);
  assert.equal(await main(['wechat', 'decrypt', '--token', 'other', '--aes-key', keys.aesKey, '--appid', keys.appid, '--query', query], wrongToken), 1);
  assert.match(wrongToken.stderr.join('\n'), /WX_SIGNATURE_INVALID/);

  const wrongApp = captureIo(encryptIo.stdout[0]);
  assert.equal(await main(['wechat', 'decrypt', '--token', keys.token, '--aes-key', keys.aesKey, '--appid', 'wx0000000000000000', '--query', query], wrongApp), 1);
  assert.match(wrongApp.stderr.join('\n'), /WX_APPID_MISMATCH/);

  assert.equal(await main(['wechat', 'decrypt'], captureIo()), 2, 'missing options print the usage');
});

test('configuration problems are listed together and stop the boot', () => {
  const error = (() => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MASTER_KEY: 'short', NODE_ENV: 'production' });
    } catch (e) {
      return e;
    }
  })();
  assert.ok(error instanceof ConfigError);
  assert.ok(error.problems.some((p) => p.startsWith('PORT')));
  assert.ok(error.problems.some((p) => p.startsWith('DATABASE_URL')));
  assert.throws(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: '/tmp/zg-nokey' }), /MASTER_KEY: required in production/);
  const ok = loadConfig({ MASTER_KEY: randomBytes(32).toString('base64'), PORT: '8080', DATA_DIR: '/tmp/zg-x' });
  assert.equal(ok.port, 8080);
  assert.equal(ok.database.kind, 'pglite');
});

test('a second instance on the same embedded data directory refuses to start with a clear message', async () => {
  const environment = new ServerEnvironment();
  const first = await environment.spawn();
  try {
    const bin = fileURLToPath(new URL('../../bin/zhanggui.mjs', import.meta.url));
    const second = await promisify(execFile)(process.execPath, [bin, 'start', '--port', '0'], { env: { ...process.env, ...environment.env }, timeout: 30_000 }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    assert.ok(second, 'the second instance must not start');
    assert.equal(second.code, 1);
    assert.match(second.stderr, /is in use by process \d+/);
    assert.match(second.stderr, /DATABASE_URL/);
    // After a clean stop the same directory opens again.
    await first.stop();
    const reopened = await environment.spawn();
    await reopened.stop();
  } finally {
    await first.stop();
    environment.cleanup();
  }
});

test('a lock left by a killed process is taken over', async () => {
  const environment = new ServerEnvironment();
  const first = await environment.spawn();
  await first.kill9();
  const second = await environment.spawn();
  await second.stop();
  environment.cleanup();
});
