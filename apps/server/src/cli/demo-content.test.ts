import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Reply } from '@zhanggui/wechat';
import { startLoop, type Loop, type LoopAccount } from '../testing/emulator-loop.ts';
import { DEMO_CONTENT_VERSION, seedDemoContent } from './demo-content.ts';

// The demo account's content, played from a fan's phone: what `npm start` invites people to try must work.

let loop: Loop;
let account: LoopAccount;
let nextFan = 0;

before(async () => {
  loop = await startLoop();
  account = await loop.connect({ mode: 'safe', type: 'service', verified: true, rules: [] });
  loop.emulator.createFans(account.appId, 10, { subscribed: true });
  assert.equal(await seedDemoContent(loop.platform, account.id, 0), DEMO_CONTENT_VERSION);
});
after(() => loop.close());

async function say(text: string, openid = loop.emulator.fanOpenid(account.appId, nextFan++)): Promise<Reply | undefined> {
  const result = await loop.emulator.sendText(account.appId, openid, text);
  assert.notEqual(result.outcome, 'failed', result.error);
  return result.reply;
}
const text = (reply: Reply | undefined) => (reply?.type === 'text' ? reply.content : undefined);
const firstTitle = (reply: Reply | undefined) => (reply?.type === 'news' ? reply.articles[0]?.title : undefined);

test('keywords, search and the default reply', async () => {
  assert.match(text(await say('营业时间'))!, /9:00–21:00/);
  assert.equal(firstTitle(await say('有没有牛仔裤')), '直筒牛仔裤');
  assert.equal(firstTitle(await say('我想退货')), '退货与退款');
  assert.equal(text(await say('今天天气怎么样')), '收到您的消息，店员会尽快回复您。');
});

test('the three flows start from their keywords', async () => {
  assert.match(text(await say('900'))!, /车迷天地/);
  assert.ok(text(await say('闯关')));
  assert.ok(text(await say('下单')));
});

test('a shared location finds the nearest store; 附近 ATM only those with one', async () => {
  const openid = loop.emulator.fanOpenid(account.appId, nextFan++);
  const near = await loop.emulator.sendLocation(account.appId, openid, { latitude: 31.2401, longitude: 121.4839, label: '南京东路' });
  assert.equal(near.reply?.type, 'news');
  assert.match(firstTitle(near.reply)!, /南京东路旗舰店/);
  const atm = await say('附近 ATM', openid);
  assert.equal(atm?.type, 'news');
  const lines = atm?.type === 'news' ? atm.articles.map((a) => a.title).join('\n') : '';
  assert.ok(!lines.includes('徐家汇店') && !lines.includes('静安寺店'), lines);
});

test('a demo from before search and stores is upgraded without duplicate rules', async () => {
  const old = await loop.connect({
    rules: [
      { name: '默认回复', trigger: 'default', replies: [{ type: 'text', content: '收到您的消息，店员会尽快回复您。' }] },
      { name: '牛仔裤', trigger: 'keyword', keywords: [{ text: '牛仔裤', match: 'contains' }], replies: [{ type: 'text', content: '旧的' }] },
    ],
  });
  await seedDemoContent(loop.platform, old.id, 1);
  const rules = await loop.platform.replies.list(old.id);
  assert.deepEqual(rules.filter((r) => r.trigger === 'default').map((r) => r.name), ['搜索兜底']);
  assert.ok(!rules.some((r) => r.name === '牛仔裤'));
  assert.equal((await loop.platform.flows.list(old.id)).length, 3);
});

test('the demo menu answers from the phone, and the door code welcomes, tags and switches the menu', async () => {
  const openid = loop.emulator.fanOpenid(account.appId, nextFan++);
  assert.match(text((await loop.emulator.clickMenu(account.appId, openid, 'DEMO_PROMO')).reply)!, /会员日/);
  assert.match(text((await loop.emulator.clickMenu(account.appId, openid, 'DEMO_MAGAZINE')).reply)!, /车迷天地/);

  const channels = await loop.platform.channels.list(account.id);
  assert.deepEqual(channels.map((c) => c.name), ['南京东路店门口', '地铁二号线海报', '店员小王', '收银台会员码']);
  const [door] = await loop.platform.channels.codes(account.id, channels[0]!.id);
  const visitor = loop.emulator.fanOpenid(account.appId, 9);
  await loop.emulator.unfollow(account.appId, visitor);
  loop.emulator.advanceClock(2000);
  assert.match(text((await loop.emulator.scanQr(account.appId, visitor, door!.ticket)).reply)!, /欢迎光临南京东路旗舰店/);
  const tag = (await loop.platform.tags.list(account.id)).find((t) => t.name === '到店顾客')!;
  for (let i = 0; i < 100 && !loop.emulator.fan(account.appId, visitor).tagIds.includes(tag.wechatTagId!); i++) await new Promise((r) => setTimeout(r, 20));
  assert.match(text((await loop.emulator.clickMenu(account.appId, visitor, 'DEMO_INSTORE')).reply)!, /到店顾客专享/);
  const seen = await loop.platform.menus.tryMatch(account.id, visitor);
  assert.equal(seen.matched?.name, '到店顾客');
});

test('the card programme: the till code gives a card, 签到 checks in, the menu gives a coupon', async () => {
  const openid = loop.emulator.fanOpenid(account.appId, nextFan++);
  const channels = await loop.platform.channels.list(account.id);
  const till = channels.find((c) => c.name === '收银台会员码')!;
  const [code] = await loop.platform.channels.codes(account.id, till.id);
  const scanned = await loop.emulator.scanQr(account.appId, openid, code!.ticket!);
  assert.match(firstTitle(scanned.reply)!, /掌柜会员卡已领取/);
  assert.match(text(await say('签到', openid))!, /签到成功！\+5 积分/);
  const coupon = await loop.emulator.clickMenu(account.appId, openid, 'DEMO_COUPON');
  assert.match(firstTitle(coupon.reply)!, /满100减20/);
});
