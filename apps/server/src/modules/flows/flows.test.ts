import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FlowInput, FlowSubmission, FlowView, Page, RuleTestResult } from '@zhanggui/shared';
import type { Reply } from '@zhanggui/wechat';
import { operatorWithRole, type ConsoleClient } from '../../testing/console-client.ts';
import { startLoop, type Loop, type LoopAccount } from '../../testing/emulator-loop.ts';
import { MAGAZINE_MENU, MAZE_QUIZ, ORDER_BY_CHAT } from './flow-examples.ts';

// The three flows issue 4 names, built through the console's API and played by fans on the emulator.

let loop: Loop;
let account: LoopAccount;
let owner: ConsoleClient;
let base: string;
let nextFan = 0;
const flows: Record<string, FlowView> = {};

before(async () => {
  loop = await startLoop();
  account = await loop.connect({ mode: 'safe', type: 'service', verified: true, rules: [] });
  owner = await operatorWithRole(loop.platform, account.id, 'owner');
  base = `/api/accounts/${account.id}`;
  loop.emulator.createFans(account.appId, 40, { subscribed: true });
  for (const [key, input] of Object.entries({ magazine: MAGAZINE_MENU, maze: MAZE_QUIZ, order: ORDER_BY_CHAT })) flows[key] = await createFlow(input);
  await rule({ name: '默认', trigger: 'default', replies: [{ type: 'text', content: '默认回复' }] });
  // Outside a flow, "02" means something else: the flow must win while the fan is in it.
  await rule({ name: '02 优惠', trigger: 'keyword', keywords: [{ text: '02', match: 'exact' }], replies: [{ type: 'text', content: '02 号优惠券' }] });
});
after(() => loop.close());

async function createFlow(input: FlowInput): Promise<FlowView> {
  const res = await owner.post(`${base}/flows`, input);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function rule(input: unknown): Promise<void> {
  const res = await owner.post(`${base}/rules`, input);
  assert.equal(res.statusCode, 201, res.body);
}

/** A fan with a chat window: say() returns what WeChat showed them as the passive reply. */
function fan() {
  const openid = loop.emulator.fanOpenid(account.appId, nextFan++);
  return {
    openid,
    async say(text: string): Promise<string> {
      const result = await loop.emulator.sendText(account.appId, openid, text);
      assert.notEqual(result.outcome, 'failed', result.error);
      return describe(result.reply);
    },
  };
}

function describe(reply: Reply | undefined): string {
  if (!reply) return '';
  if (reply.type === 'text') return reply.content;
  if (reply.type === 'news') return `[news] ${reply.articles.map((a) => a.title).join(' | ')}`;
  return `[${reply.type}]`;
}

test('the magazine menu: 900 enters, 02/03/04 show items and keep the menu, 0 goes back, 退出 leaves', async () => {
  const reader = fan();
  assert.equal(await reader.say('02'), '02 号优惠券', 'outside the flow the keyword rule answers');
  assert.match(await reader.say('900'), /欢迎来到车迷天地！\n回复 02 每日精选/);
  assert.equal(await reader.say('02'), '[news] 今日精选：新能源 SUV 横评', 'inside the flow, the flow wins over the keyword rule');
  assert.equal(await reader.say('03'), '[news] 图集：车展最美十款');
  assert.equal(await reader.say('０４'), '[news] 视频：城市道路试驾', 'full-width digits are the same answer');
  assert.match(await reader.say('05'), /^请回复 02、03、04 选择栏目/);
  assert.match(await reader.say('0'), /^欢迎来到车迷天地/);
  assert.equal(await reader.say('退出'), '已退出菜单，回复 900 可再次进入。');
  assert.equal(await reader.say('02'), '02 号优惠券', 'after leaving, the keyword rules answer again');
});

test('the maze quiz: each right answer opens the next level; the first fan out wins the prize, the second does not', async () => {
  const first = fan();
  const second = fan();
  assert.equal(await first.say('闯关'), '第 1 关：中国的首都是哪座城市？');
  assert.equal(await second.say('闯关'), '第 1 关：中国的首都是哪座城市？');
  assert.equal(await first.say('上海'), '不对哦，再想想～');
  assert.equal(await first.say('北京'), '答对了！\n\n第 2 关：3 × 7 = ?');
  assert.equal(await second.say('北京'), '答对了！\n\n第 2 关：3 × 7 = ?');
  assert.equal(await first.say('20'), '不对哦，再算算～');
  assert.equal(await first.say('21'), '答对了！\n\n第 3 关：「掌柜」的拼音首字母是？');
  assert.equal(await second.say('２１'), '答对了！\n\n第 3 关：「掌柜」的拼音首字母是？');
  const won = await first.say('ZG');
  assert.match(won, /恭喜通关！共答对 3 题。/);
  assert.match(won, /你是第一个走出迷宫的人/);
  const lost = await second.say('zg');
  assert.match(lost, /恭喜通关/);
  assert.match(lost, /可惜已有人抢先通关/);
  assert.doesNotMatch(lost, /你是第一个/);
  assert.equal(await first.say('北京'), '默认回复', 'the flow ended');

  const page = (await owner.get(`${base}/flows/${flows.maze!.id}/submissions`)).json() as Page<FlowSubmission>;
  const byFan = new Map(page.items.map((s) => [s.fan.openid, s]));
  assert.deepEqual([byFan.get(first.openid)?.rank, byFan.get(first.openid)?.winner, byFan.get(first.openid)?.score], [1, true, 3]);
  assert.deepEqual([byFan.get(second.openid)?.rank, byFan.get(second.openid)?.winner], [2, false]);
  const view = (await owner.get(`${base}/flows/${flows.maze!.id}`)).json() as FlowView;
  assert.deepEqual([view.stats.completed, view.stats.winners, view.stats.active], [2, 1, 0]);
});

test('a replayed final answer (WeChat retrying) cannot win twice or take a second place', async () => {
  const racer = fan();
  await racer.say('闯关');
  await racer.say('北京');
  await racer.say('21');
  // The same message delivered twice: WeChat retries when it does not get an answer in time.
  const result = await loop.emulator.sendText(account.appId, racer.openid, 'zg');
  assert.equal(result.outcome, 'replied');
  const page = (await owner.get(`${base}/flows/${flows.maze!.id}/submissions`)).json() as Page<FlowSubmission>;
  assert.equal(page.items.filter((s) => s.fan.openid === racer.openid).length, 1);
  assert.equal(page.items.filter((s) => s.winner).length, 1);
});

test('order by chat: pick by number, address and phone validated with a retry message, the order kept for the operator', async () => {
  const buyer = fan();
  assert.match(await buyer.say('下单'), /^请回复数字选择商品/);
  assert.match(await buyer.say('9'), /^请回复 1、2 或 3/);
  assert.equal(await buyer.say('2'), '您选择了 纯棉白T恤 ¥79。请回复收货地址：');
  assert.equal(await buyer.say('南京路'), '地址太短了，请写到门牌号。');
  assert.equal(await buyer.say('上海市黄浦区南京东路 100 号'), '请回复收货人手机号：');
  assert.equal(await buyer.say('12345'), '手机号格式不对，请回复 11 位手机号。');
  assert.equal(await buyer.say('13812345678'), '下单成功！纯棉白T恤 ¥79 将寄往 上海市黄浦区南京东路 100 号，我们会尽快联系 13812345678。');

  const quitter = fan();
  await quitter.say('下单');
  await quitter.say('1');
  assert.equal(await quitter.say('取消'), '已取消下单。');

  const page = (await owner.get(`${base}/flows/${flows.order!.id}/submissions`)).json() as Page<FlowSubmission>;
  assert.equal(page.items.length, 1, 'a cancelled order is not submitted');
  assert.deepEqual(page.items[0]!.data, { product: '纯棉白T恤 ¥79', address: '上海市黄浦区南京东路 100 号', phone: '13812345678' });
  assert.equal(page.items[0]!.fan.openid, buyer.openid);
  assert.equal(page.items[0]!.rank, null);
});

test('a flow times out: after the timeout the fan is back with the keyword rules', async () => {
  const idle = fan();
  await idle.say('900');
  // Half an hour passes: the session's deadline is in the past.
  await loop.platform.db.query(`update flow_sessions set expires_at = now() - interval '1 second' where account_id = $1 and openid = $2`, [account.id, idle.openid]);
  const tested = (await owner.post(`${base}/rules/test`, { openid: idle.openid, message: { type: 'text', content: '02' } })).json() as RuleTestResult;
  assert.equal(tested.source, 'rule');
  assert.ok(tested.notes.some((n) => /timed out/.test(n)), JSON.stringify(tested.notes));
  assert.equal(await idle.say('02'), '02 号优惠券');
  const [left] = await loop.platform.db.query<{ n: number }>('select count(*)::int as n from flow_sessions where account_id = $1 and openid = $2', [account.id, idle.openid]);
  assert.equal(left!.n, 0, 'the stale session is gone');
});

test('flows start from a menu click, a QR scene or a rule', async () => {
  const clicker = fan();
  // The merchant's menu (issue 5 builds its editor) has a button whose key starts the magazine menu.
  await loop.platform.tokens.clientFor(account.id).menus.create({ button: [{ type: 'click', name: '杂志', key: `flow:${flows.magazine!.id}` }] });
  const click = await loop.emulator.clickMenu(account.appId, clicker.openid, `flow:${flows.magazine!.id}`);
  assert.match(describe(click.reply), /^欢迎来到车迷天地/);
  assert.equal(await clicker.say('03'), '[news] 图集：车展最美十款');

  const scan = (await owner.post(`${base}/rules/test`, { message: { type: 'event', event: 'SCAN', eventKey: '闯关' } })).json() as RuleTestResult;
  assert.equal(scan.source, 'flow');
  assert.equal(scan.flow?.name, '迷宫闯关');
  const follow = (await owner.post(`${base}/rules/test`, { message: { type: 'event', event: 'subscribe', eventKey: `flow:${flows.order!.id}` } })).json() as RuleTestResult;
  assert.equal(follow.flow?.name, '聊天下单');

  await rule({ name: '点餐入口', trigger: 'keyword', keywords: [{ text: '我要买', match: 'contains' }], replies: [{ type: 'flow', flowId: flows.order!.id }] });
  const shopper = fan();
  assert.match(await shopper.say('你好我要买衣服'), /^请回复数字选择商品/);
  assert.match(await shopper.say('1'), /直筒牛仔裤/);
});

test('the tester follows a fan through a flow step by step without moving them', async () => {
  const player = fan();
  await player.say('闯关');
  const probe = async (content: string) => (await owner.post(`${base}/rules/test`, { openid: player.openid, message: { type: 'text', content } })).json() as RuleTestResult;
  const wrong = await probe('南京');
  assert.deepEqual([wrong.source, wrong.flow?.step, wrong.flow?.nextStep], ['flow', 'level1', 'level1']);
  const right = await probe('北京');
  assert.deepEqual([right.flow?.step, right.flow?.nextStep, right.flow?.ended], ['level1', 'level2', false]);
  assert.deepEqual(right.passive, { type: 'text', content: '答对了！\n\n第 2 关：3 × 7 = ?' });
  // Nothing moved: the fan is still on level 1.
  assert.equal(await player.say('北京'), '答对了！\n\n第 2 关：3 × 7 = ?');
});

test('editing a flow: disabling it ends it for fans in it; deleting it removes it', async () => {
  const input: FlowInput = { name: '临时问卷', entryKeywords: ['问卷'], startStep: 'q', steps: [{ id: 'q', kind: 'input', messages: [{ type: 'text', content: '您的称呼？' }], input: { key: 'name', validate: 'text', next: 'end', invalidMessage: '请再说一次' } }, { id: 'end', kind: 'end', submit: true, messages: [{ type: 'text', content: '谢谢 {{name}}' }] }] };
  const survey = await createFlow(input);
  const answerer = fan();
  assert.equal(await answerer.say('问卷'), '您的称呼？');
  const off = await owner.put(`${base}/flows/${survey.id}`, { ...input, enabled: false });
  assert.equal(off.statusCode, 200, off.body);
  assert.equal(await answerer.say('小王'), '默认回复');
  assert.equal(await answerer.say('问卷'), '默认回复');
  assert.equal((await owner.delete(`${base}/flows/${survey.id}`)).statusCode, 204);
  assert.equal((await owner.get(`${base}/flows/${survey.id}`)).statusCode, 404);
});

test('bad flows are refused with the field and the reason; nothing is saved', async () => {
  const count = ((await owner.get(`${base}/flows`)).json() as FlowView[]).length;
  const bad = async (patch: Partial<FlowInput>, path: string, message: RegExp) => {
    const res = await owner.post(`${base}/flows`, { ...MAGAZINE_MENU, entryKeywords: ['新入口'], ...patch });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    const details = res.json().error.details as Array<{ path: string; message: string }>;
    assert.ok(details.some((d) => d.path === path && message.test(d.message)), `${path}: ${res.body}`);
  };
  const menu = MAGAZINE_MENU.steps[0]!;
  await bad({ startStep: 'nowhere' }, 'startStep', /nowhere/);
  await bad({ steps: [{ ...menu, choices: [{ match: { type: 'exact', value: '1' }, next: 'missing' }] }] }, 'steps.0.choices.0.next', /missing/);
  await bad({ steps: [menu, { ...menu }] }, 'steps.1.id', /.+/);
  await bad({ steps: [{ ...menu, choices: [{ match: { type: 'regex', value: '(a)\\1' } }] }] }, 'steps.0.choices.0.match.value', /正则表达式无效/);
  await bad({ steps: [{ id: 'in', kind: 'input', messages: [] }] }, 'steps.0.input', /.+/);
  await bad({ entryKeywords: ['900'] }, 'entryKeywords.0', /900/);
  assert.equal(((await owner.get(`${base}/flows`)).json() as FlowView[]).length, count);
});
