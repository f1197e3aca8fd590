import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RuleInput, RuleTestResult, RuleView } from '@zhanggui/shared';
import { operatorWithRole, type ConsoleClient } from '../../testing/console-client.ts';
import { startLoop, type Loop, type LoopAccount } from '../../testing/emulator-loop.ts';

let loop: Loop;
let account: LoopAccount;
let owner: ConsoleClient;
let base: string;
let fanIndex = 0;

before(async () => {
  loop = await startLoop();
  account = await loop.connect({ mode: 'safe', type: 'service', verified: true, rules: [] });
  owner = await operatorWithRole(loop.platform, account.id, 'owner');
  base = `/api/accounts/${account.id}`;
  loop.emulator.createFans(account.appId, 50, { subscribed: true });
});
after(() => loop.close());

async function rule(input: RuleInput): Promise<RuleView> {
  const res = await owner.post(`${base}/rules`, input);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** What a fresh fan gets back for a text, as the emulator (WeChat) validated it. */
async function ask(text: string): Promise<string | undefined> {
  const result = await loop.emulator.sendText(account.appId, loop.emulator.fanOpenid(account.appId, fanIndex++), text);
  assert.notEqual(result.outcome, 'failed', result.error);
  const reply = result.reply;
  if (!reply) return undefined;
  return reply.type === 'text' ? reply.content : reply.type === 'news' ? `[news] ${reply.articles[0]?.title}` : `[${reply.type}]`;
}

test('every match type, with the argument handed to the reply', async () => {
  await rule({ name: '默认', trigger: 'default', replies: [{ type: 'text', content: '默认回复' }] });
  await rule({ name: '完全匹配', trigger: 'keyword', keywords: [{ text: '会员', match: 'exact' }], replies: [{ type: 'text', content: '会员说明' }] });
  await rule({ name: '包含', trigger: 'keyword', keywords: [{ text: '退货', match: 'contains' }], replies: [{ type: 'text', content: '退货说明 [{{arg}}]' }] });
  await rule({ name: '前缀', trigger: 'keyword', keywords: [{ text: '天气', match: 'prefix' }], replies: [{ type: 'text', content: '{{arg}}今天晴' }] });
  await rule({ name: '后缀', trigger: 'keyword', keywords: [{ text: '怎么走', match: 'suffix' }], replies: [{ type: 'text', content: '去{{arg}}请坐地铁 2 号线' }] });
  await rule({ name: '正则', trigger: 'keyword', keywords: [{ text: '^订单\\s*(\\d{6,})$', match: 'regex' }], replies: [{ type: 'text', content: '订单 {{arg}} 已发货' }] });
  assert.equal(await ask('会员'), '会员说明');
  assert.equal(await ask('我是会员'), '默认回复', 'exact means the whole message');
  assert.equal(await ask('我要退货怎么办'), '退货说明 [怎么办]');
  assert.equal(await ask('退'), '默认回复', 'contains: the message contains the keyword, not the reverse');
  assert.equal(await ask('天气 北京'), '北京今天晴');
  assert.equal(await ask('南京东路店怎么走'), '去南京东路店请坐地铁 2 号线');
  assert.equal(await ask('订单 12345678'), '订单 12345678 已发货');
  assert.equal(await ask('订单 12'), '默认回复');
  assert.equal(await ask('ＷＥＡＴＨＥＲ'), '默认回复');
});

test('priorities: a higher priority wins; at equal priority the more specific match wins', async () => {
  await rule({ name: '低优先级', trigger: 'keyword', keywords: [{ text: '优惠', match: 'contains' }], replies: [{ type: 'text', content: '普通优惠' }], priority: 0 });
  await rule({ name: '高优先级', trigger: 'keyword', keywords: [{ text: '会员优惠', match: 'contains' }], replies: [{ type: 'text', content: '会员专享优惠' }], priority: 10 });
  await rule({ name: '完全匹配胜出', trigger: 'keyword', keywords: [{ text: '优惠券', match: 'exact' }], replies: [{ type: 'text', content: '优惠券说明' }], priority: 0 });
  assert.equal(await ask('有会员优惠吗'), '会员专享优惠');
  assert.equal(await ask('有优惠吗'), '普通优惠');
  assert.equal(await ask('优惠券'), '优惠券说明', 'exact beats contains at the same priority');
});

test('time windows: a rule outside its window is skipped (and the tester says so)', async () => {
  const never = { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '00:01' };
  const now = new Date();
  const always = { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '23:59' };
  await rule({ name: '夜间客服', trigger: 'keyword', keywords: [{ text: '人工', match: 'exact' }], replies: [{ type: 'text', content: '客服已下班' }], priority: 5, schedule: [never] });
  await rule({ name: '白天客服', trigger: 'keyword', keywords: [{ text: '人工', match: 'exact' }], replies: [{ type: 'text', content: '马上为您转人工' }], schedule: [always] });
  const minutes = (now.getUTCHours() + 8) % 24 * 60 + now.getUTCMinutes();
  if (minutes > 1 && minutes < 23 * 60 + 59) assert.equal(await ask('人工'), '马上为您转人工');
  const tested = (await owner.post(`${base}/rules/test`, { message: { type: 'text', content: '人工' } })).json() as RuleTestResult;
  assert.ok(tested.notes.some((note) => /夜间客服: outside its time window/.test(note)), JSON.stringify(tested.notes));
});

test('replies: one at random, or all of them (the rest arrive as customer-service messages)', async () => {
  await rule({ name: '随机', trigger: 'keyword', keywords: [{ text: '抽签', match: 'exact' }], replies: [{ type: 'text', content: '上上签' }, { type: 'text', content: '中签' }], replyMode: 'random' });
  const seen = new Set<string>();
  for (let i = 0; i < 12; i++) seen.add((await ask('抽签'))!);
  assert.deepEqual([...seen].sort(), ['上上签', '中签']);

  await rule({
    name: '全部',
    trigger: 'keyword',
    keywords: [{ text: '新品', match: 'exact' }],
    replyMode: 'all',
    replies: [{ type: 'news', articles: [{ title: '新品一', url: 'https://example.com/1' }] }, { type: 'news', articles: [{ title: '新品二', url: 'https://example.com/2' }] }],
  });
  const openid = loop.emulator.fanOpenid(account.appId, fanIndex++);
  const result = await loop.emulator.sendText(account.appId, openid, '新品');
  assert.equal(result.reply?.type, 'news');
  for (let i = 0; i < 50 && !loop.emulator.phone(account.appId, openid).some((e) => e.text?.includes('新品二') || JSON.stringify(e).includes('新品二')); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(JSON.stringify(loop.emulator.phone(account.appId, openid)).includes('新品二'), 'the second reply came as a customer-service message');
});

test('message-type rules and the welcome', async () => {
  await rule({ name: '关注', trigger: 'subscribe', replies: [{ type: 'text', content: '欢迎！' }] });
  await rule({ name: '图片', trigger: 'message_type', messageTypes: ['image'], replies: [{ type: 'text', content: '图片已收到' }] });
  const openid = loop.emulator.fanOpenid(account.appId, fanIndex++);
  const image = await loop.emulator.sendImage(account.appId, openid);
  assert.deepEqual(image.reply, { type: 'text', content: '图片已收到' });
  loop.emulator.createFans(account.appId, 1, { subscribed: false });
  const follow = await loop.emulator.follow(account.appId, loop.emulator.fanOpenid(account.appId, 50));
  assert.deepEqual(follow.reply, { type: 'text', content: '欢迎！' });
});

test('hit counts per rule: today, 7 days, total', async () => {
  const hot = await rule({ name: '计数', trigger: 'keyword', keywords: [{ text: '计数测试', match: 'exact' }], replies: [{ type: 'text', content: 'ok' }] });
  for (let i = 0; i < 3; i++) await ask('计数测试');
  const listed = ((await owner.get(`${base}/rules`)).json() as RuleView[]).find((r) => r.id === hot.id)!;
  assert.deepEqual(listed.hits, { today: 3, last7Days: 3, total: 3 });
});

test('the rule tester shows the rule, keyword, argument and the exact reply, without sending anything', async () => {
  const before = loop.emulator.pushes(account.appId).length;
  const result = (await owner.post(`${base}/rules/test`, { message: { type: 'text', content: '天气 广州' } })).json() as RuleTestResult;
  assert.equal(result.source, 'rule');
  assert.equal(result.rule?.name, '前缀');
  assert.deepEqual(result.rule?.keyword, { text: '天气', match: 'prefix' });
  assert.equal(result.rule?.argument, '广州');
  assert.deepEqual(result.passive, { type: 'text', content: '广州今天晴' });
  assert.ok(Number.isInteger(result.micros) && result.micros >= 0, 'how long the decision took, in whole µs');
  assert.equal(loop.emulator.pushes(account.appId).length, before);
});

test('bad rules are refused with the field and the reason; nothing is saved', async () => {
  const count = ((await owner.get(`${base}/rules`)).json() as RuleView[]).length;
  const bad = async (input: unknown, path: string, message: RegExp) => {
    const res = await owner.post(`${base}/rules`, input);
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    const detail = (res.json().error.details as Array<{ path: string; message: string }>).find((d) => d.path === path);
    assert.ok(detail && message.test(detail.message), `${path}: ${res.body}`);
  };
  await bad({ name: 'x', trigger: 'keyword', keywords: [{ text: '(a)\\1', match: 'regex' }], replies: [{ type: 'text', content: 'x' }] }, 'keywords.0.text', /正则表达式无效/);
  await bad({ name: 'x', trigger: 'keyword', keywords: [], replies: [{ type: 'text', content: 'x' }] }, 'keywords', /至少需要一个关键词/);
  await bad({ name: 'x', trigger: 'message_type', replies: [{ type: 'text', content: 'x' }] }, 'messageTypes', /至少选择一种/);
  await bad({ name: 'x', trigger: 'default', replies: [] }, 'replies', /.+/);
  const english = await owner.request('POST', `${base}/rules?lang=en`, { name: 'x', trigger: 'keyword', keywords: [], replies: [{ type: 'text', content: 'x' }] });
  assert.match(english.body, /a keyword rule needs at least one keyword/, 'the same check in English for ?lang=en');
  await bad({ name: 'x', trigger: 'default', replies: [{ type: 'text', content: 'x' }], schedule: [{ days: [1], from: '25:00', to: '10:00' }] }, 'schedule.0.from', /HH:MM/);
  await bad({ name: 'x', trigger: 'default', replies: [{ type: 'news', articles: new Array(9).fill({ title: 't' }) }] }, 'replies.0.articles', /.+/);
  const foreignFlow = await owner.post(`${base}/rules`, { name: 'x', trigger: 'default', replies: [{ type: 'flow', flowId: 999999 }] });
  assert.equal(foreignFlow.statusCode, 400);
  assert.match(foreignFlow.body, /没有流程 999999/);
  assert.equal(((await owner.get(`${base}/rules`)).json() as RuleView[]).length, count);
});
