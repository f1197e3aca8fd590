import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Store, StoreImportResult } from '@zhanggui/shared';
import { operatorWithRole, type ConsoleClient } from '../../testing/console-client.ts';
import { startLoop, type Loop, type LoopAccount } from '../../testing/emulator-loop.ts';

// The store locator through the emulator: stores imported from CSV, a fan's location answered with the
// nearest three, "附近 ATM" after a location, and LOCATION events when the account opts in.

let loop: Loop;
let account: LoopAccount;
let owner: ConsoleClient;
let base: string;
let nextFan = 0;

// People's Square, Shanghai (GCJ-02), where the fans stand.
const HERE = { latitude: 31.230416, longitude: 121.473701 };

const CSV = [
  'name,address,phone,hours,latitude,longitude,image_url,keywords',
  '南京东路店,上海市黄浦区南京东路 300 号,021-63200001,10:00-22:00,31.236294,121.480237,https://example.com/nj.jpg,ATM|停车',
  '人民广场店,上海市黄浦区人民大道 120 号,021-63200002,10:00-22:00,31.231800,121.475100,,',
  '"静安寺店","上海市静安区南京西路 1699 号, 近地铁 2 号口",021-63200003,10:00-22:00,31.224350,121.446160,,ATM',
  '陆家嘴店,上海市浦东新区陆家嘴环路 1000 号,021-63200004,09:00-21:00,31.238100,121.500200,,停车',
  '徐家汇店,上海市徐汇区漕溪北路 18 号,021-63200005,10:00-22:00,31.193800,121.436800,,ATM',
  '',
].join('\r\n');

before(async () => {
  loop = await startLoop();
  account = await loop.connect({ mode: 'safe', type: 'service', verified: true, rules: [] });
  owner = await operatorWithRole(loop.platform, account.id, 'owner');
  base = `/api/accounts/${account.id}`;
  loop.emulator.createFans(account.appId, 20, { subscribed: true });
});
after(() => loop.close());

const stores = async () => (await owner.get(`${base}/stores`)).json() as Store[];
const importCsv = async (csv: string) => {
  const res = await owner.post(`${base}/stores/import`, { csv });
  return { status: res.statusCode, body: res.json() as StoreImportResult };
};

test('a CSV with a bad row imports nothing and names every bad line', async () => {
  const bad = [
    'name,address,phone,hours,latitude,longitude,image_url,keywords',
    '好店,上海市某路 1 号,,,31.2,121.4,,',
    ',没有名字的店,,,31.2,121.4,,',
    '坐标错误店,上海市某路 2 号,,,north,121.4,,',
    '链接错误店,上海市某路 3 号,,,31.2,121.4,javascript:alert(1),',
  ].join('\n');
  const result = await importCsv(bad);
  assert.equal(result.status, 200, 'an import report, not a failed request');
  assert.equal(result.body.imported, 0);
  assert.deepEqual(result.body.errors.map((e) => e.line), [3, 4, 5]);
  assert.match(result.body.errors[1]!.message, /latitude/);
  assert.match(result.body.errors[2]!.message, /http/);
  assert.deepEqual(await stores(), [], 'all or nothing');

  const headerless = await importCsv('南京东路店,上海市黄浦区南京东路 300 号\n');
  assert.equal(headerless.body.imported, 0);
  assert.match(headerless.body.errors[0]!.message, /缺少列：.*latitude/);
});

test('a good CSV imports every store, with quoted commas, CRLF and keywords', async () => {
  const result = await importCsv(`\uFEFF${CSV}`);
  assert.equal(result.status, 200, JSON.stringify(result.body));
  assert.deepEqual(result.body, { imported: 5, errors: [] });
  const jingan = (await stores()).find((s) => s.name === '静安寺店')!;
  assert.equal(jingan.address, '上海市静安区南京西路 1699 号, 近地铁 2 号口');
  assert.deepEqual(jingan.keywords, ['ATM']);
  assert.equal((await stores()).find((s) => s.name === '南京东路店')!.imageUrl, 'https://example.com/nj.jpg');
});

test('a location message gets the nearest three stores, nearest first, in one news article', async () => {
  const openid = loop.emulator.fanOpenid(account.appId, nextFan++);
  const result = await loop.emulator.sendLocation(account.appId, openid, { ...HERE, label: '人民广场' });
  assert.equal(result.reply?.type, 'news');
  if (result.reply?.type !== 'news') return;
  assert.equal(result.reply.articles.length, 1, 'WeChat shows one article when answering a message');
  const [article] = result.reply.articles;
  assert.match(article!.title, /^离您最近：人民广场店（\d+ 米）$/);
  const lines = article!.description!.split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[0]!, /^1\. 人民广场店 \d+ 米 ☎021-63200002$/);
  assert.match(lines[1]!, /^2\. 南京东路店 \d+ 米/);
  assert.match(lines[2]!, /^3\. (陆家嘴店|静安寺店) [\d.]+ 公里/);
  assert.match(article!.url!, /^https:\/\/uri\.amap\.com\/marker\?position=121\.4751,31\.2318&name=/);
});

test('LOCATION events get three store cards only when the account opts in', async () => {
  const openid = loop.emulator.fanOpenid(account.appId, nextFan++);
  const quiet = await loop.emulator.reportLocation(account.appId, openid, HERE);
  assert.equal(quiet.outcome, 'no_reply');

  const settings = await owner.put(`${base}/reply-settings`, { replyToLocationEvents: true });
  assert.equal(settings.statusCode, 200, settings.body);
  // Another fan: WeChat's events are told apart by fan and CreateTime, so a second report within the same second is a retry.
  const cards = await loop.emulator.reportLocation(account.appId, loop.emulator.fanOpenid(account.appId, nextFan++), HERE);
  assert.equal(cards.reply?.type, 'news');
  if (cards.reply?.type !== 'news') return;
  assert.deepEqual(
    cards.reply.articles.map((a) => a.title.split(' · ')[0]),
    ['人民广场店', '南京东路店', '陆家嘴店'],
  );
  assert.equal(cards.reply.articles.length, 3);
  await owner.put(`${base}/reply-settings`, { replyToLocationEvents: false });
});

test('"附近 ATM": a prompt for the location first; then only stores with ATM, nearest first', async () => {
  const res = await owner.post(`${base}/rules`, { name: '附近', trigger: 'keyword', keywords: [{ text: '附近', match: 'prefix' }], replies: [{ type: 'stores_nearby', notFound: '附近没有提供「{{arg}}」的门店' }] });
  assert.equal(res.statusCode, 201, res.body);
  const openid = loop.emulator.fanOpenid(account.appId, nextFan++);
  const prompt = await loop.emulator.sendText(account.appId, openid, '附近 ATM');
  assert.equal(prompt.reply?.type, 'text');
  assert.match(prompt.reply?.type === 'text' ? prompt.reply.content : '', /请先发送您的位置/);

  await loop.emulator.sendLocation(account.appId, openid, HERE);
  const atm = await loop.emulator.sendText(account.appId, openid, '附近 ATM');
  assert.equal(atm.reply?.type, 'news');
  const description = atm.reply?.type === 'news' ? atm.reply.articles[0]!.description! : '';
  assert.deepEqual(description.split('\n').map((line) => line.split(' ')[1]), ['南京东路店', '静安寺店', '徐家汇店']);

  const none = await loop.emulator.sendText(account.appId, openid, '附近 加油站');
  assert.deepEqual(none.reply, { type: 'text', content: '附近没有提供「加油站」的门店' });
});

test('store edits reach the locator at once; bad stores are refused', async () => {
  const created = await owner.post(`${base}/stores`, { name: '外滩店', address: '上海市黄浦区中山东一路 1 号', latitude: 31.2304, longitude: 121.4737, phone: '021-1' });
  assert.equal(created.statusCode, 201, created.body);
  const openid = loop.emulator.fanOpenid(account.appId, nextFan++);
  const result = await loop.emulator.sendLocation(account.appId, openid, HERE);
  assert.match(result.reply?.type === 'news' ? result.reply.articles[0]!.title : '', /^离您最近：外滩店（\d+ 米）/);
  const id = (created.json() as Store).id;
  assert.equal((await owner.put(`${base}/stores/${id}`, { name: '外滩店', address: '上海市黄浦区中山东一路 1 号', latitude: 31.2304, longitude: 121.4737, enabled: false })).statusCode, 200);
  const after = await loop.emulator.sendLocation(account.appId, openid, HERE);
  assert.match(after.reply?.type === 'news' ? after.reply.articles[0]!.title : '', /^离您最近：人民广场店/);

  const bad = await owner.post(`${base}/stores`, { name: '', address: 'x', latitude: 91, longitude: 121 });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual((bad.json().error.details as Array<{ path: string }>).map((d) => d.path).sort(), ['latitude', 'name']);
  assert.equal((await owner.delete(`${base}/stores/999999`)).statusCode, 404);
});
