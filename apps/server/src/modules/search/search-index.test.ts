import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryTerms, SearchIndex, type SearchDoc } from './search-index.ts';

let id = 0;
const product = (title: string, keywords: string[] = [], category: string | null = null): SearchDoc => ({ kind: 'product', id: ++id, title, body: '', keywords, category, imageUrl: null, link: `https://shop.example.com/${id}`, priceFen: 19900 });
const knowledge = (title: string, body: string, keywords: string[] = []): SearchDoc => ({ kind: 'knowledge', id: ++id, title, body, keywords, category: null, imageUrl: null, link: null, priceFen: null });

const index = new SearchIndex([
  product('直筒牛仔裤', ['牛仔', '裤子'], '裤装'),
  product('破洞牛仔短裤', ['牛仔'], '裤装'),
  product('纯棉白T恤', ['T恤', '短袖'], '上衣'),
  product('牛仔外套', ['牛仔'], '外套'),
  knowledge('三亚旅游攻略', '三亚的海滩、美食与住宿', ['三亚', '海南']),
  knowledge('丽江古城攻略', '丽江古城的客栈与美食', ['丽江', '云南']),
  knowledge('退货流程', '七天无理由退货，请在订单页申请', ['退货', '退款']),
]);
const titles = (query: string, scope: 'all' | 'knowledge' | 'products' = 'all') => index.search(query, scope).map((h) => h.doc.title);

test('"牛仔裤" returns the jeans first, other denim after; T-shirts never', () => {
  const found = titles('牛仔裤');
  assert.equal(found[0], '直筒牛仔裤');
  assert.ok(found.includes('破洞牛仔短裤'));
  assert.ok(!found.includes('纯棉白T恤'));
});

test('a question with filler words still finds the thing; no spaces needed', () => {
  assert.equal(titles('有没有便宜的牛仔裤？')[0], '直筒牛仔裤');
  assert.equal(titles('请问三亚怎么玩')[0], '三亚旅游攻略');
  assert.equal(titles('我想退货')[0], '退货流程');
});

test('"三亚" returns the Sanya guide, not Lijiang; scope filters', () => {
  assert.deepEqual(titles('三亚'), ['三亚旅游攻略']);
  assert.deepEqual(titles('三亚', 'products'), []);
  assert.deepEqual(titles('牛仔', 'knowledge'), []);
});

test('full-width and case are folded; nothing matches gibberish', () => {
  assert.equal(titles('ｔ恤')[0], '纯棉白T恤');
  assert.deepEqual(titles('量子计算机'), []);
  assert.deepEqual(titles('的'), []);
});

test('query terms come from Intl.Segmenter without stopwords', () => {
  assert.ok(queryTerms('有没有便宜的牛仔裤').includes('牛仔裤') || queryTerms('有没有便宜的牛仔裤').includes('牛仔'));
  assert.ok(!queryTerms('有没有便宜的牛仔裤').includes('的'));
});
