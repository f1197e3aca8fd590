import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { KnowledgeEntry, Product, RuleTestResult } from '@zhanggui/shared';
import type { Reply } from '@zhanggui/wechat';
import { operatorWithRole, type ConsoleClient } from '../../testing/console-client.ts';
import { startLoop, type Loop, type LoopAccount } from '../../testing/emulator-loop.ts';

// Search replies through the emulator: fans search the knowledge base and the catalogue by message.

let loop: Loop;
let account: LoopAccount;
let owner: ConsoleClient;
let base: string;
let nextFan = 0;

before(async () => {
  loop = await startLoop();
  account = await loop.connect({ mode: 'safe', type: 'service', verified: true, rules: [] });
  owner = await operatorWithRole(loop.platform, account.id, 'owner');
  base = `/api/accounts/${account.id}`;
  loop.emulator.createFans(account.appId, 20, { subscribed: true });
  const knowledge = [
    { title: '三亚旅游攻略', body: '三亚的海滩、美食与住宿，亚龙湾和蜈支洲岛怎么玩。', keywords: ['三亚', '海南'], link: 'https://example.com/sanya', imageUrl: 'https://example.com/sanya.jpg' },
    { title: '丽江古城攻略', body: '丽江古城的客栈与美食，玉龙雪山一日游。', keywords: ['丽江', '云南'], link: 'https://example.com/lijiang' },
    { title: '退货流程', body: '七天无理由退货，请在订单页申请。', keywords: ['退货', '退款'] },
  ];
  for (const entry of knowledge) assert.equal((await owner.post(`${base}/knowledge`, entry)).statusCode, 201);
  const products = [
    { name: '直筒牛仔裤', priceFen: 19900, category: '裤装', keywords: ['牛仔', '裤子'], link: 'https://shop.example.com/1' },
    { name: '破洞牛仔短裤', priceFen: 12900, category: '裤装', keywords: ['牛仔'], link: 'https://shop.example.com/2' },
    { name: '牛仔外套', priceFen: 29900, category: '外套', keywords: ['牛仔'], link: 'https://shop.example.com/3' },
    { name: '纯棉白T恤', priceFen: 7900, category: '上衣', keywords: ['T恤', '短袖'], link: 'https://shop.example.com/4' },
  ];
  for (const product of products) assert.equal((await owner.post(`${base}/products`, product)).statusCode, 201);
  // Whatever no rule answers is searched; "搜 …" searches the catalogue only.
  await rule({ name: '搜索兜底', trigger: 'default', replies: [{ type: 'search', scope: 'all', notFound: '没有找到「{{arg}}」，换个词试试？' }] });
  await rule({ name: '搜商品', trigger: 'keyword', keywords: [{ text: '搜', match: 'prefix' }], replies: [{ type: 'search', scope: 'products', notFound: '没有找到商品「{{arg}}」' }] });
});
after(() => loop.close());

async function rule(input: unknown): Promise<void> {
  const res = await owner.post(`${base}/rules`, input);
  assert.equal(res.statusCode, 201, res.body);
}

async function ask(text: string): Promise<{ reply: Reply | undefined; openid: string }> {
  const openid = loop.emulator.fanOpenid(account.appId, nextFan++);
  const result = await loop.emulator.sendText(account.appId, openid, text);
  assert.notEqual(result.outcome, 'failed', result.error);
  return { reply: result.reply, openid };
}

const firstArticle = (reply: Reply | undefined) => (reply?.type === 'news' ? reply.articles[0] : undefined);

test('"三亚" returns the Sanya guide as news, with its picture and link', async () => {
  const { reply } = await ask('三亚');
  assert.deepEqual(firstArticle(reply), { title: '三亚旅游攻略', description: '三亚的海滩、美食与住宿，亚龙湾和蜈支洲岛怎么玩。', picUrl: 'https://example.com/sanya.jpg', url: 'https://example.com/sanya' });
  assert.equal(firstArticle((await ask('请问去三亚怎么玩'))!.reply)?.title, '三亚旅游攻略', 'no spaces needed around the word');
});

test('"牛仔裤" returns the jeans first with the price; the next matches follow as customer-service messages', async () => {
  const { reply, openid } = await ask('牛仔裤');
  const first = firstArticle(reply);
  assert.deepEqual([first?.title, first?.description, first?.url, first?.picUrl], ['直筒牛仔裤', '¥199.00 · 裤装', 'https://shop.example.com/1', undefined]);
  let phone = loop.emulator.phone(account.appId, openid);
  for (let i = 0; i < 50 && phone.filter((e) => e.side === 'account').length < 3; i++) {
    await new Promise((r) => setTimeout(r, 50));
    phone = loop.emulator.phone(account.appId, openid);
  }
  const titles = phone.filter((e) => e.side === 'account' && e.msgType === 'news').map((e) => e.articles?.[0]?.title);
  assert.equal(titles[0], '直筒牛仔裤');
  assert.ok(titles.includes('破洞牛仔短裤'), JSON.stringify(titles));
  assert.ok(!titles.includes('纯棉白T恤'));
});

test('a prefix keyword hands the words after it to the search; scopes hold', async () => {
  assert.equal(firstArticle((await ask('搜 外套')).reply)?.title, '牛仔外套');
  assert.deepEqual((await ask('搜 三亚')).reply, { type: 'text', content: '没有找到商品「三亚」' }, 'the knowledge base is not in the products scope');
  assert.deepEqual((await ask('火星旅游')).reply, { type: 'text', content: '没有找到「火星旅游」，换个词试试？' });
});

test('edits reach the search at once: a renamed product, a disabled entry', async () => {
  const products = (await owner.get(`${base}/products`)).json() as Product[];
  const shirt = products.find((p) => p.name === '纯棉白T恤')!;
  const renamed = await owner.put(`${base}/products/${shirt.id}`, { ...shirt, name: '纯棉白衬衫', keywords: ['衬衫'] });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.equal(firstArticle((await ask('衬衫')).reply)?.title, '纯棉白衬衫');

  const entries = (await owner.get(`${base}/knowledge`)).json() as KnowledgeEntry[];
  const lijiang = entries.find((e) => e.title === '丽江古城攻略')!;
  assert.equal((await owner.put(`${base}/knowledge/${lijiang.id}`, { ...lijiang, enabled: false })).statusCode, 200);
  assert.equal((await ask('丽江')).reply?.type, 'text', 'a disabled entry is not found');
  const tested = (await owner.post(`${base}/rules/test`, { message: { type: 'text', content: '牛仔外套' } })).json() as RuleTestResult;
  assert.equal(tested.rule?.name, '搜索兜底');
  assert.equal(tested.passive?.type === 'news' ? tested.passive.articles[0]!.title : null, '牛仔外套');
});

test('bad entries are refused with the field: unsafe links, negative prices, empty titles', async () => {
  const knowledge = await owner.post(`${base}/knowledge`, { title: '', body: 'x', keywords: [], link: 'javascript:alert(1)' });
  assert.equal(knowledge.statusCode, 400);
  assert.deepEqual((knowledge.json().error.details as Array<{ path: string }>).map((d) => d.path).sort(), ['link', 'title']);
  const product = await owner.post(`${base}/products`, { name: '坏商品', priceFen: -1, imageUrl: 'data:text/html,<script>alert(1)</script>' });
  assert.equal(product.statusCode, 400);
  assert.deepEqual((product.json().error.details as Array<{ path: string }>).map((d) => d.path).sort(), ['imageUrl', 'priceFen']);
  assert.equal((await owner.delete(`${base}/products/999999`)).statusCode, 404);
});
