import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ConversationView, MessageView } from '@zhanggui/shared';
import { createPlatform } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { operatorWithRole, type ConsoleClient } from '../../testing/console-client.ts';
import { startLoop, type Loop, type LoopAccount } from '../../testing/emulator-loop.ts';
import { openEventStream } from '../../testing/event-stream.ts';
import { startPostgresServer } from '../../testing/postgres-server.ts';
import { createScratchDatabase } from '../../testing/test-database.ts';
import { fakeAccountCredentials } from '../../testing/test-platform.ts';

let loop: Loop;
let account: LoopAccount;
let owner: ConsoleClient;
let base: string;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2d3e2a80000000049454e44ae426082', 'hex');

before(async () => {
  loop = await startLoop();
  account = await loop.connect({ mode: 'safe', type: 'service', verified: true });
  owner = await operatorWithRole(loop.platform, account.id, 'owner');
  base = `/api/accounts/${account.id}`;
});
after(() => loop.close());

async function fanSays(index: number, text: string): Promise<{ openid: string; fanId: number }> {
  const openid = loop.emulator.fanOpenid(account.appId, index);
  const result = await loop.emulator.sendText(account.appId, openid, text);
  assert.equal(result.outcome, 'replied', result.error);
  const [fan] = await loop.platform.db.query<{ id: number }>('select id from fans where account_id = $1 and openid = $2', [account.id, openid]);
  return { openid, fanId: fan!.id };
}

test('a fan message appears live over SSE, with unread count and an open 48-hour window', async () => {
  loop.emulator.createFans(account.appId, 10, { subscribed: true });
  const stream = await openEventStream(`${loop.url}${base}/inbox/stream`, owner.cookie);
  try {
    const openid = loop.emulator.fanOpenid(account.appId, 0);
    const sent = Date.now();
    await loop.emulator.sendText(account.appId, openid, '你好，想问下退货流程');
    const event = await stream.next<{ conversation: ConversationView; message: MessageView }>('message', (d) => d.message.content === '你好，想问下退货流程', 1000);
    assert.ok(Date.now() - sent < 1000, 'within a second');
    assert.equal(event.conversation.unreadCount, 1);
    assert.equal(event.conversation.unanswered, true);
    assert.equal(event.conversation.window.state, 'open');
    assert.equal(event.conversation.window.remaining, 5);
    assert.equal(event.message.autoReply?.text, '收到', "the bot's automatic reply is shown inline");
  } finally {
    stream.close();
  }
  const list = (await owner.get(`${base}/conversations`)).json();
  assert.equal(list.items[0].lastMessage.preview, '你好，想问下退货流程');
});

test("the operator's reply reaches the fan's phone, uses the window's quota and clears unread", async () => {
  const { openid, fanId } = await fanSays(1, '在吗？');
  const stream = await openEventStream(`${loop.url}${base}/inbox/stream`, owner.cookie);
  try {
    const res = await owner.post(`${base}/conversations/${fanId}/messages`, { type: 'text', content: '在的，您请说' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'sent');
    assert.equal(res.json().operator.id, owner.session.operator.id);
    const live = await stream.next<{ message: MessageView }>('message', (d) => d.message.direction === 'out' && d.message.content === '在的，您请说', 1000);
    assert.equal(live.message.status, 'sent');
  } finally {
    stream.close();
  }
  assert.ok(loop.emulator.phone(account.appId, openid).some((entry) => entry.text === '在的，您请说'));
  const conversation = (await owner.get(`${base}/conversations/${fanId}`)).json() as ConversationView;
  assert.deepEqual([conversation.unreadCount, conversation.unanswered, conversation.window.remaining], [0, false, 4]);
  const timeline = (await owner.get(`${base}/conversations/${fanId}/messages`)).json();
  assert.deepEqual(timeline.items.map((m: MessageView) => [m.direction, m.content]), [['in', '在吗？'], ['out', '在的，您请说']]);
});

test('replies beyond the window are refused with an explanation; WeChat refusing is recorded as failed', async () => {
  const { fanId } = await fanSays(2, '第一条');
  for (let i = 0; i < 5; i++) assert.equal((await owner.post(`${base}/conversations/${fanId}/messages`, { type: 'text', content: `回复 ${i}` })).json().status, 'sent');
  const used = await owner.post(`${base}/conversations/${fanId}/messages`, { type: 'text', content: '第六条' });
  assert.equal(used.statusCode, 409);
  assert.equal(used.json().error.code, 'INBOX_QUOTA_USED');

  await loop.platform.db.query(`update fans set last_message_at = now() - interval '49 hours', message_window_used = 0 where id = $1`, [fanId]);
  const closed = await owner.post(`${base}/conversations/${fanId}/messages`, { type: 'text', content: 'too late' });
  assert.equal(closed.json().error.code, 'INBOX_WINDOW_CLOSED');
  const view = (await owner.get(`${base}/conversations/${fanId}`)).json() as ConversationView;
  assert.equal(view.window.state, 'closed');
  assert.match(view.window.blockedReason ?? '', /48 小时/);

  // Our copy says the window is open, but WeChat (the emulator) has none: its 45015 is recorded and believed.
  await loop.platform.db.query(`update fans set last_message_at = now(), message_window_used = 0 where id = $1`, [fanId]);
  const { openid: other } = await fanSays(3, 'x');
  const [fan3] = await loop.platform.db.query<{ id: number }>('select id from fans where openid = $1', [other]);
  loop.emulator.injectFault(account.appId, { type: 'api-error', path: '/cgi-bin/message/custom/send', errcode: 45015 });
  const refused = await owner.post(`${base}/conversations/${fan3!.id}/messages`, { type: 'text', content: 'hello' });
  assert.equal(refused.json().status, 'failed');
  assert.equal(refused.json().error.code, 'WX_CS_WINDOW_CLOSED');
  assert.match(refused.json().error.message, /48 小时/);
  assert.equal(((await owner.get(`${base}/conversations/${fan3!.id}`)).json() as ConversationView).window.remaining, 0);
});

test('an image reply is uploaded as media and sent', async () => {
  const { openid, fanId } = await fanSays(4, '发张图看看');
  const res = await owner.upload(`${base}/conversations/${fanId}/images`, 'file', { filename: 'a.png', contentType: 'image/png', data: PNG });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().msgType, 'image');
  assert.ok(loop.emulator.phone(account.appId, openid).some((entry) => entry.msgType === 'image' && entry.side === 'account'));
  const media = await owner.get(res.json().media.url);
  assert.equal(media.statusCode, 200);
  assert.ok(media.rawPayload.equals(PNG));
});

test('read, star, assign, close; a new fan message reopens; filters and search', async () => {
  const { fanId } = await fanSays(5, '我要投诉快递太慢');
  const agent = await operatorWithRole(loop.platform, account.id, 'agent');
  await owner.post(`${base}/conversations/${fanId}/read`);
  const patched = (await owner.patch(`${base}/conversations/${fanId}`, { starred: true, assigneeId: agent.session.operator.id, status: 'closed' })).json() as ConversationView;
  assert.deepEqual([patched.unreadCount, patched.starred, patched.assignee?.id, patched.status], [0, true, agent.session.operator.id, 'closed']);
  assert.equal((await owner.patch(`${base}/conversations/${fanId}`, { assigneeId: 999999 })).statusCode, 400, 'only members can be assigned');

  const mine = (await agent.get(`${base}/conversations?assignee=me&status=all`)).json();
  assert.deepEqual(mine.items.map((c: ConversationView) => c.fanId), [fanId]);
  assert.equal((await owner.get(`${base}/conversations?status=closed`)).json().items.length, 1);

  await fanSays(5, '还在吗');
  const reopened = (await owner.get(`${base}/conversations/${fanId}`)).json() as ConversationView;
  assert.deepEqual([reopened.status, reopened.unreadCount], ['open', 1]);

  const found = (await owner.get(`${base}/messages/search?q=${encodeURIComponent('快递')}`)).json();
  assert.equal(found.items[0].message.content, '我要投诉快递太慢');
  assert.equal(found.items[0].conversation.fanId, fanId);
  assert.equal((await owner.get(`${base}/messages/search?q=${encodeURIComponent('%')}`)).json().items.length, 0, 'LIKE wildcards are literal');

  const audit = (await owner.get(`${base}/audit`)).json();
  assert.ok(audit.items.some((e: { action: string }) => e.action === 'conversation.update'));
});

test('canned replies', async () => {
  const created = await owner.post(`${base}/canned-replies`, { title: '退货', content: '您好，7 天内可无理由退货。' });
  assert.equal(created.statusCode, 201);
  assert.equal((await owner.put(`${base}/canned-replies/${created.json().id}`, { title: '退货流程', content: '请在订单页申请退货。' })).json().title, '退货流程');
  assert.equal((await owner.get(`${base}/canned-replies`)).json().length, 1);
  assert.equal((await owner.post(`${base}/canned-replies`, { title: '', content: 'x' })).json().error.code, 'VALIDATION_FAILED');
  assert.equal((await owner.delete(`${base}/canned-replies/${created.json().id}`)).statusCode, 204);
});

test('new conversations are assigned round-robin when the account asks for it', async () => {
  const other = await loop.connect({ mode: 'plaintext' });
  const boss = await operatorWithRole(loop.platform, other.id, 'owner');
  const a1 = await operatorWithRole(loop.platform, other.id, 'agent');
  const a2 = await operatorWithRole(loop.platform, other.id, 'agent');
  assert.equal((await boss.patch(`/api/accounts/${other.id}`, { settings: { autoAssign: true } })).json().settings.autoAssign, true);
  loop.emulator.createFans(other.appId, 4, { subscribed: true });
  for (let i = 0; i < 4; i++) await loop.emulator.sendText(other.appId, loop.emulator.fanOpenid(other.appId, i), `hello ${i}`);
  let rows: Array<{ assignee_id: number | null }> = [];
  for (let attempt = 0; attempt < 50; attempt++) {
    rows = await loop.platform.db.query<{ assignee_id: number | null }>('select assignee_id from fans where account_id = $1 order by id', [other.id]);
    if (rows.every((r) => r.assignee_id !== null)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.deepEqual(rows.map((r) => r.assignee_id), [a1.session.operator.id, a2.session.operator.id, a1.session.operator.id, a2.session.operator.id]);
});

test('an unverified account cannot reply through the API and the console says why', async () => {
  const other = await loop.connect({ mode: 'safe', type: 'subscription', verified: false });
  const boss = await operatorWithRole(loop.platform, other.id, 'owner');
  loop.emulator.createFans(other.appId, 1, { subscribed: true });
  await loop.emulator.sendText(other.appId, loop.emulator.fanOpenid(other.appId, 0), 'hi');
  const conversation = (await boss.get(`/api/accounts/${other.id}/conversations`)).json().items[0] as ConversationView;
  assert.match(conversation.window.blockedReason ?? '', /未认证/);
  const res = await boss.post(`/api/accounts/${other.id}/conversations/${conversation.fanId}/messages`, { type: 'text', content: 'x' });
  assert.equal(res.json().error.code, 'INBOX_NOT_ALLOWED');
});

test('live updates cross server processes through PostgreSQL', async (t) => {
  const server = await startPostgresServer();
  if (!server) return t.skip('no PostgreSQL server available (set DATABASE_URL or install postgresql)');
  const scratch = await createScratchDatabase(server.url, 'zg_sse');
  const env = { MASTER_KEY: '11'.repeat(32), DATABASE_URL: scratch.url, LOG_LEVEL: 'silent' as const, NODE_ENV: 'test' as const, PORT: 0, WECHAT_API_BASE: loop.emulator.url };
  const [node1, node2] = [await createPlatform(loadConfig({}, env)), await createPlatform(loadConfig({}, env))];
  try {
    const [url1, url2] = [await node1.listen(), await node2.listen()];
    const credentials = fakeAccountCredentials('plaintext');
    const created = await node1.accounts.create({ ...credentials, accountType: 'service', verified: true });
    loop.emulator.createAccount({ appId: credentials.appId, secret: credentials.appSecret, token: credentials.token, mode: 'plaintext', originalId: credentials.originalId, callbackUrl: `${url1}/wx/${created.id}` });
    const viewer = await operatorWithRole(node2, created.id, 'agent');
    const stream = await openEventStream(`${url2}/api/accounts/${created.id}/inbox/stream`, viewer.cookie);
    try {
      loop.emulator.createFans(credentials.appId, 1, { subscribed: true });
      await loop.emulator.sendText(credentials.appId, loop.emulator.fanOpenid(credentials.appId, 0), '跨节点');
      const event = await stream.next<{ message: MessageView }>('message', (d) => d.message.content === '跨节点', 2000);
      assert.equal(event.message.direction, 'in', 'received on node 1, pushed to a console on node 2');
    } finally {
      stream.close();
    }
  } finally {
    await node1.close();
    await node2.close();
    await scratch.drop();
    await server.stop();
  }
});
