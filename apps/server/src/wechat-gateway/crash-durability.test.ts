import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { CallbackCodec, parseXml, text } from '@zhanggui/wechat';
import { Pool } from 'undici';
import { startPostgresServer, type PostgresServer } from '../testing/postgres-server.ts';
import { ServerEnvironment } from '../testing/server-process.ts';
import { fakeAccountCredentials, nextMsgId, signPush } from '../testing/test-platform.ts';
import { createScratchDatabase } from '../testing/test-database.ts';

// `kill -9` of the server during a burst: every push that got an answer must be in the database.
// The answer is sent only after the group commit, so an acknowledged push cannot be lost.

let postgres: PostgresServer | null = null;
after(async () => postgres?.stop());

async function burstAndKill(environment: ServerEnvironment) {
  const credentials = fakeAccountCredentials('safe');
  const accountId = await environment.seed(async (platform) => {
    const account = await platform.accounts.create(credentials);
    await platform.replies.create(account.id, { name: '默认', trigger: 'default', replies: [{ type: 'text', content: '收到' }] });
    return account.id;
  });
  const account = { ...credentials, id: accountId };
  const server = await environment.spawn();
  const codec = new CallbackCodec({ appId: account.appId, token: account.token, encodingAesKey: account.encodingAesKey });
  const pool = new Pool(server.url, { connections: 32 });
  const answered: string[] = [];
  let failed = 0;
  let next = 0;
  const TOTAL = 3000;
  const pushes = Array.from({ length: TOTAL }, (_, i) => {
    const msgId = nextMsgId();
    const { url, body } = signPush(account, {
      ToUserName: account.originalId,
      FromUserName: `o${String(i % 300).padStart(27, 'k')}`,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'text',
      Content: `第 ${i} 条`,
      MsgId: msgId,
    });
    return { msgId, url, body };
  });
  const worker = async () => {
    for (;;) {
      const push = pushes[next++];
      if (!push) return;
      try {
        const response = await pool.request({ method: 'POST', path: push.url, body: push.body, headers: { 'content-type': 'text/xml' } });
        const body = await response.body.text();
        const reply = parseXml(codec.crypto!.decrypt(text(parseXml(body), 'Encrypt')).message);
        if (response.statusCode === 200 && text(reply, 'Content') === '收到') answered.push(push.msgId);
      } catch {
        failed++;
      }
      if (answered.length === 600) void server.kill9();
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  await server.kill9();
  await pool.destroy();

  const db = await environment.open();
  const rows = await db.query<{ msg_id: string }>('select msg_id from messages where account_id = $1', [accountId]);
  await db.close();
  const stored = new Set(rows.map((row) => row.msg_id));
  const lost = answered.filter((msgId) => !stored.has(msgId));
  return { answered: answered.length, failed, stored: stored.size, lost };
}

test('kill -9 during a burst (PGlite): every answered push is stored', async () => {
  const environment = new ServerEnvironment();
  try {
    const result = await burstAndKill(environment);
    assert.ok(result.answered >= 600, `answered ${result.answered}`);
    assert.ok(result.failed > 0, 'the kill happened mid-burst');
    assert.deepEqual(result.lost, [], `answered but not stored: ${result.lost.length}`);
    assert.ok(result.stored >= result.answered);
  } finally {
    environment.cleanup();
  }
});

test('kill -9 during a burst (PostgreSQL server): every answered push is stored', async (t) => {
  postgres = await startPostgresServer();
  if (!postgres) return t.skip('no PostgreSQL server available (set DATABASE_URL or install postgresql)');
  const scratch = await createScratchDatabase(postgres.url, 'zg_crash');
  const environment = new ServerEnvironment({ databaseUrl: scratch.url });
  try {
    const result = await burstAndKill(environment);
    assert.ok(result.answered >= 600, `answered ${result.answered}`);
    assert.ok(result.failed > 0, 'the kill happened mid-burst');
    assert.deepEqual(result.lost, [], `answered but not stored: ${result.lost.length}`);
  } finally {
    environment.cleanup();
    await scratch.drop();
  }
});
