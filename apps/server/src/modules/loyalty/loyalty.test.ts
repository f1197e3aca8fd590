import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CheckinResult, CouponTemplateView, CouponView, FanCoupon, FanHome, PointsEntry, ProgramView, QrChannelView, QrCodeView, StaffView } from '@zhanggui/shared';
import { operatorWithRole, signIn, type ConsoleClient } from '../../testing/console-client.ts';
import { startLoop, type Loop, type LoopAccount } from '../../testing/emulator-loop.ts';
import { fanSignIn, type FanClient } from '../../testing/fan-client.ts';

// Membership cards, points, check-in and coupons end to end: the emulator's fans scan, write and open the
// fan pages (signed in through the emulator's OAuth); operators and till staff use the console's API.

let loop: Loop;
let account: LoopAccount;
let other: LoopAccount;
let owner: ConsoleClient;
let base: string;
let nextFan = 0;

const PROGRAM = {
  enabled: true,
  cardName: '星享会员卡',
  color: '#1F6F5C',
  memberNoPrefix: 'VIP',
  memberNoDigits: 6,
  notice: '出示会员码享受会员价',
  levels: [
    { name: '普通会员', threshold: 0, payPercent: null, benefits: '' },
    { name: '银卡', threshold: 50, payPercent: 95, benefits: '全场 9.5 折' },
    { name: '金卡', threshold: 500, payPercent: 90, benefits: '全场 9 折' },
  ],
  points: { checkin: 5, streak: [{ days: 3, points: 20 }], perYuan: 2, welcome: 10 },
  cardKeyword: '会员卡',
  checkinKeyword: '签到',
};

before(async () => {
  loop = await startLoop();
  account = await loop.connect({ mode: 'safe', type: 'service', verified: true });
  other = await loop.connect({ mode: 'plaintext', type: 'service', verified: true });
  owner = await operatorWithRole(loop.platform, account.id, 'owner');
  base = `/api/accounts/${account.id}/loyalty`;
  loop.emulator.createFans(account.appId, 60, { subscribed: false });
  loop.emulator.createFans(other.appId, 5, { subscribed: true });
  const saved = await owner.put(`${base}/program`, PROGRAM);
  assert.equal(saved.statusCode, 200, saved.body);
});
after(() => loop.close());

const newFan = () => loop.emulator.fanOpenid(account.appId, nextFan++);
const json = <T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
  assert.equal(res.statusCode, status, res.body);
  return res.json() as T;
};
const errorCode = (res: { body: string }) => (JSON.parse(res.body) as { error: { code: string } }).error.code;

async function template(input: Record<string, unknown>): Promise<CouponTemplateView> {
  return json(await owner.post(`${base}/coupon-templates`, { description: '', minSpendFen: 0, perFanLimit: 1, validity: { type: 'relative', days: 30 }, ...input }), 201);
}

async function memberRow(openid: string) {
  const [row] = await loop.platform.db.query<{ id: number; member_no: string; points: number; points_earned: number; level_id: number | null; issued_via: string }>(
    'select id, member_no, points, points_earned, level_id, issued_via from members where account_id = $1 and openid = $2',
    [account.id, openid],
  );
  return row;
}

async function ledgerSum(memberId: number): Promise<number> {
  const [row] = await loop.platform.db.query<{ sum: number }>('select coalesce(sum(delta), 0)::int as sum from points_ledger where member_id = $1', [memberId]);
  return row!.sum;
}

test('the programme refuses what makes no sense, field by field, and keeps what was there', async () => {
  const bad = await owner.put(`${base}/program`, { ...PROGRAM, color: 'green', levels: [{ name: '银卡', threshold: 10, payPercent: 95, benefits: '' }] });
  assert.equal(bad.statusCode, 400);
  const paths = (JSON.parse(bad.body).error.details as Array<{ path: string }>).map((d) => d.path);
  assert.ok(paths.includes('color') && paths.includes('levels.0.threshold'), paths.join(' '));
  const view = json<ProgramView>(await owner.get(`${base}/program`));
  assert.equal(view.cardName, '星享会员卡');
  assert.deepEqual(view.levels.map((l) => l.name), ['普通会员', '银卡', '金卡']);
  assert.match(view.centreUrl, new RegExp(`/h5/${account.id}/member$`));
});

test('scanning the card QR follows, issues the card and answers with it; scanning again gives the same card', async () => {
  const channel = json<QrChannelView>(await owner.post(`/api/accounts/${account.id}/qr-channels`, { name: '收银台会员码', welcome: [{ type: 'member_card' }] }), 201);
  const code = json<QrCodeView>(await owner.post(`/api/accounts/${account.id}/qr-channels/${channel.id}/codes`, { kind: 'permanent', sceneType: 'str' }), 201);
  const fan = newFan();
  const first = await loop.emulator.scanQr(account.appId, fan, code.ticket);
  assert.equal(first.reply?.type, 'news');
  const article = (first.reply as { articles: Array<{ title: string; description: string; url: string }> }).articles[0]!;
  assert.match(article.title, /星享会员卡已领取/);
  assert.match(article.description, /会员号 VIP000001/);
  assert.equal(article.url, `${loop.url}/h5/${account.id}/member`);
  const member = (await memberRow(fan))!;
  assert.deepEqual([member.member_no, member.points, member.issued_via], ['VIP000001', 10, 'scan'], 'welcome points come with the card');

  const again = await loop.emulator.scanQr(account.appId, fan, code.ticket);
  assert.match((again.reply as { articles: Array<{ title: string }> }).articles[0]!.title, /这是您的星享会员卡/);
  const byKeyword = await loop.emulator.sendText(account.appId, fan, '会员卡');
  assert.match((byKeyword.reply as { articles: Array<{ description: string }> }).articles[0]!.description, /VIP000001/);
  const [count] = await loop.platform.db.query<{ n: number }>('select count(*)::int as n from members where account_id = $1 and openid = $2', [account.id, fan]);
  assert.equal(count!.n, 1);
});

test('concurrent issuances for one fan give one card, and member numbers are never handed out twice', async () => {
  const fans = Array.from({ length: 8 }, newFan);
  await Promise.all(fans.flatMap((fan) => [loop.platform.members.issueCard(account.id, fan, 'page'), loop.platform.members.issueCard(account.id, fan, 'keyword')]));
  const rows = await loop.platform.db.query<{ openid: string; member_no: string }>('select openid, member_no from members where account_id = $1 and openid = any($2)', [account.id, fans]);
  assert.equal(rows.length, 8);
  assert.equal(new Set(rows.map((r) => r.member_no)).size, 8);
});

test('fan pages need WeChat’s authorization: no cookie, a forged one or another account’s is refused', async () => {
  const fan = newFan();
  const client = await fanSignIn(loop, account.id, fan);
  assert.equal(client.landing, `/h5/${account.id}/member`);
  const home = json<FanHome>(await client.get(`/h5/api/${account.id}/me`));
  assert.equal(home.program?.cardName, '星享会员卡');
  assert.equal(home.member, null);

  const anonymous = await loop.platform.http.inject({ method: 'GET', url: `/h5/api/${account.id}/me` });
  assert.equal(anonymous.statusCode, 401);
  assert.equal(errorCode(anonymous), 'FAN_AUTH_REQUIRED');
  const [payload, mac] = client.cookie.split('=')[1]!.split('.');
  const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), o: loop.emulator.fanOpenid(account.appId, 0) })).toString('base64url');
  const tampered = await loop.platform.http.inject({ method: 'GET', url: `/h5/api/${account.id}/me`, headers: { cookie: `zg_fan_${account.id}=${forged}.${mac}` } });
  assert.equal(tampered.statusCode, 401, 'a cookie naming another fan is not accepted');
  const crossAccount = await loop.platform.http.inject({ method: 'GET', url: `/h5/api/${other.id}/me`, headers: { cookie: client.cookie.replace(`zg_fan_${account.id}`, `zg_fan_${other.id}`) } });
  assert.equal(crossAccount.statusCode, 401, 'a session is bound to its account');
  const noHeader = await loop.platform.http.inject({ method: 'POST', url: `/h5/api/${account.id}/card`, headers: { cookie: client.cookie } });
  assert.equal(noHeader.statusCode, 403, 'a state-changing call without x-zg-fan (another site’s form) is refused');
  assert.equal(await memberRow(fan), undefined);

  // The callback refuses a state it did not start (login CSRF) and a code used twice.
  const forgedState = await fetch(`${loop.url}/h5/${account.id}/oauth/callback?code=abc&state=123`, { redirect: 'manual' });
  assert.equal(forgedState.status, 400);
  const badNext = await fetch(`${loop.url}/h5/${account.id}/oauth?next=${encodeURIComponent('https://evil.example.com/')}`, { redirect: 'manual' });
  assert.match(decodeURIComponent(badNext.headers.get('location')!), new RegExp(`redirect_uri=${loop.url}/h5/${account.id}/oauth/callback`));
});

test('a member claims the card on the page, fills the profile (checked), and it feeds targeting', async () => {
  const fan = newFan();
  const client = await fanSignIn(loop, account.id, fan);
  const claimed = json<FanHome>(await client.post(`/h5/api/${account.id}/card`));
  assert.match(claimed.member!.memberNo, /^VIP\d{6}$/);
  assert.equal(claimed.member!.points, 10);
  const again = json<FanHome>(await client.post(`/h5/api/${account.id}/card`));
  assert.equal(again.member!.memberNo, claimed.member!.memberNo);

  const bad = await client.put(`/h5/api/${account.id}/profile`, { name: '林', phone: '12345', gender: 'female', birthday: '2999-01-01', region: '广东省 深圳市' });
  assert.equal(bad.statusCode, 400);
  const fields = JSON.parse(bad.body).error.details.fields as Record<string, string>;
  assert.deepEqual(Object.keys(fields).sort(), ['birthday', 'phone']);
  assert.match(fields.phone!, /手机号/);
  const ok = json<FanHome>(await client.put(`/h5/api/${account.id}/profile`, { name: '林小姐', phone: '13800138000', gender: 'female', birthday: '1990-05-01', region: '广东省 深圳市' }));
  assert.equal(ok.member!.phone, '13800138000');

  // The fan exists in the CRM once they have interacted; targeting joins the card profile.
  await loop.emulator.follow(account.appId, fan);
  const women = json<{ items: Array<{ openid: string }> }>(await owner.get(`/api/accounts/${account.id}/fans?member=1&gender=female&region=${encodeURIComponent('深圳')}`));
  assert.deepEqual(women.items.map((f) => f.openid), [fan]);
});

test('check-in counts once per local day, whatever the route or the race; the streak bonus comes on its day', async () => {
  const fan = newFan();
  const client = await fanSignIn(loop, account.id, fan);
  json<FanHome>(await client.post(`/h5/api/${account.id}/card`));
  const results = await Promise.all(Array.from({ length: 5 }, () => client.post(`/h5/api/${account.id}/checkin`)));
  const done = results.map((r) => json<CheckinResult>(r));
  assert.equal(done.filter((r) => !r.alreadyToday).length, 1, 'five taps at once: one check-in');
  await loop.emulator.follow(account.appId, fan);
  const byText = await loop.emulator.sendText(account.appId, fan, '签到');
  assert.match((byText.reply as { content: string }).content, /今天已经签到过了/);
  const member = (await memberRow(fan))!;
  assert.equal(member.points, 15, '10 welcome + 5 for one check-in');
  assert.equal(await ledgerSum(member.id), member.points, 'the balance is what the ledger adds up to');

  // Two days of streak before today: today's is the third, and the 3-day bonus is given.
  await loop.platform.db.query(`update members set last_checkin_on = last_checkin_on - 1, streak = 2 where id = $1`, [member.id]);
  await loop.platform.db.query('delete from checkins where member_id = $1', [member.id]);
  const third = json<CheckinResult>(await client.post(`/h5/api/${account.id}/checkin`));
  assert.deepEqual([third.alreadyToday, third.streak, third.bonus, third.points], [false, 3, 20, 25]);
  const ledger = json<{ items: PointsEntry[] }>(await client.get(`/h5/api/${account.id}/points`));
  assert.deepEqual(ledger.items.slice(0, 2).map((e) => e.reason), ['streak', 'checkin']);
  assert.match(ledger.items[0]!.note, /连续签到 3 天/);
});

test('a fan without a card who sends 签到 gets the card and the check-in', async () => {
  const fan = newFan();
  await loop.emulator.follow(account.appId, fan);
  const reply = await loop.emulator.sendText(account.appId, fan, '签到');
  assert.match((reply.reply as { content: string }).content, /已为您开通星享会员卡[\s\S]*签到成功！\+5 积分/);
  assert.equal((await memberRow(fan))!.points, 15);
});

test('points never go negative, every entry says why, orders give points once per receipt, levels follow earnings', async () => {
  const fan = newFan();
  const { member } = await loop.platform.members.issueCard(account.id, fan, 'manual');
  const tooMuch = await owner.post(`${base}/members/${member.id}/points`, { delta: -11, reason: '测试' });
  assert.equal(tooMuch.statusCode, 409);
  assert.equal(errorCode(tooMuch), 'POINTS_INSUFFICIENT');
  const noReason = await owner.post(`${base}/members/${member.id}/points`, { delta: 5, reason: '' });
  assert.equal(noReason.statusCode, 400);
  const adjusted = json<PointsEntry>(await owner.post(`${base}/members/${member.id}/points`, { delta: -10, reason: '重复赠送，收回' }), 201);
  assert.equal(adjusted.balance, 0);
  // Concurrent spends of the same points: never below zero.
  await owner.post(`${base}/members/${member.id}/points`, { delta: 30, reason: '活动补偿' });
  const spends = await Promise.all(Array.from({ length: 4 }, () => owner.post(`${base}/members/${member.id}/points`, { delta: -10, reason: '并发扣减' })));
  assert.deepEqual(spends.map((s) => s.statusCode).sort(), [201, 201, 201, 409]);
  assert.equal((await memberRow(fan))!.points, 0);

  const staff = await operatorWithRole(loop.platform, account.id, 'staff');
  const found = json<{ id: number; memberNo: string }>(await staff.post(`${base}/member-lookup`, { memberNo: member.member_no.toLowerCase() }));
  assert.equal(found.id, member.id);
  const order = json<PointsEntry>(await staff.post(`${base}/members/${member.id}/orders`, { amountFen: 2_599_99, ref: 'R-1001' }), 201);
  assert.equal(order.delta, 2599 * 2);
  const twice = await staff.post(`${base}/members/${member.id}/orders`, { amountFen: 2_599_99, ref: 'R-1001' });
  assert.equal(errorCode(twice), 'ORDER_ALREADY_RECORDED');
  const row = (await memberRow(fan))!;
  const levels = json<ProgramView>(await owner.get(`${base}/program`)).levels;
  assert.equal(row.level_id, levels.find((l) => l.name === '金卡')!.id, 'earned 5,238 in total: gold');
  assert.equal(await ledgerSum(row.id), row.points);
  const history = json<{ items: PointsEntry[] }>(await owner.get(`${base}/members/${member.id}/points`));
  assert.ok(history.items.every((e) => e.note.length > 0), 'every entry says why');
  assert.equal(history.items.find((e) => e.reason === 'adjust')!.operator?.name, owner.session.operator.displayName, 'adjustments name who made them');
});

test('coupons: templates are checked, stock holds under a rush, per-fan limits hold, points buy coupons or nothing', async () => {
  const invalid = await owner.post(`${base}/coupon-templates`, { name: '折扣券', kind: 'percent', validity: { type: 'relative', days: 0 } });
  assert.equal(invalid.statusCode, 400);
  const paths = (JSON.parse(invalid.body).error.details as Array<{ path: string }>).map((d) => d.path);
  assert.ok(paths.includes('payPercent') && paths.includes('validity.days'), paths.join(' '));

  const scarce = await template({ name: '限量 3 张', kind: 'amount', amountOffFen: 2000, minSpendFen: 10000, stock: 3, claimable: true });
  assert.equal(scarce.title, '满100减20');
  const rush = Array.from({ length: 10 }, newFan);
  const claims = await Promise.all(rush.map((fan) => loop.platform.coupons.take(account.id, fan, scarce.id).then(() => 'ok', (e: { code: string }) => e.code)));
  assert.equal(claims.filter((c) => c === 'ok').length, 3);
  assert.ok(claims.filter((c) => c !== 'ok').every((c) => c === 'COUPON_OUT_OF_STOCK'));
  const after = json<CouponTemplateView>(await owner.get(`${base}/coupon-templates/${scarce.id}`));
  assert.deepEqual([after.issued, after.remaining], [3, 0]);

  const limited = await template({ name: '每人两张', kind: 'gift', gift: '拿铁一杯', perFanLimit: 2, claimable: true });
  const fan = newFan();
  const tries = await Promise.all(Array.from({ length: 5 }, () => loop.platform.coupons.take(account.id, fan, limited.id).then(() => 'ok', (e: { code: string }) => e.code)));
  assert.deepEqual(tries.sort(), ['COUPON_LIMIT_REACHED', 'COUPON_LIMIT_REACHED', 'COUPON_LIMIT_REACHED', 'ok', 'ok']);

  const forPoints = await template({ name: '积分兑换 8.5 折', kind: 'percent', payPercent: 85, pointsPrice: 8, stock: 100, perFanLimit: 5 });
  const buyer = newFan();
  const client = await fanSignIn(loop, account.id, buyer);
  const notMember = await client.post(`/h5/api/${account.id}/offers/${forPoints.id}`);
  assert.equal(errorCode(notMember), 'MEMBER_REQUIRED');
  json<FanHome>(await client.post(`/h5/api/${account.id}/card`));
  const bought = json<FanCoupon>(await client.post(`/h5/api/${account.id}/offers/${forPoints.id}`));
  assert.equal(bought.title, '8.5折');
  assert.match(bought.code, /^[2-9A-HJ-NP-Z]{16}$/);
  const broke = await client.post(`/h5/api/${account.id}/offers/${forPoints.id}`);
  assert.equal(errorCode(broke), 'POINTS_INSUFFICIENT', '2 points left, 8 needed');
  const stock = json<CouponTemplateView>(await owner.get(`${base}/coupon-templates/${forPoints.id}`));
  assert.equal(stock.issued, 1, 'the refused exchange issued nothing');
  const member = (await memberRow(buyer))!;
  assert.equal(member.points, 2);
  assert.equal(await ledgerSum(member.id), 2);
});

test('the till redeems exactly once: again, expired, voided, not yet reached the minimum spend are refused and recorded', async () => {
  const staff = await operatorWithRole(loop.platform, account.id, 'staff');
  const denied = await staff.get(`${base}/members`);
  assert.equal(denied.statusCode, 403, 'till staff do not browse members');
  const t = await template({ name: '满50减10', kind: 'amount', amountOffFen: 1000, minSpendFen: 5000, perFanLimit: 5, claimable: true });
  const fan = newFan();
  const client = await fanSignIn(loop, account.id, fan);
  const coupon = json<FanCoupon>(await client.post(`/h5/api/${account.id}/offers/${t.id}`));
  assert.equal(coupon.status, 'active');

  const spaced = coupon.code.replace(/(.{4})/g, '$1 ').toLowerCase();
  const looked = json<CouponView>(await staff.post(`${base}/redeem/lookup`, { code: spaced }));
  assert.equal(looked.id, coupon.id);
  const short = await staff.post(`${base}/redeem`, { code: coupon.code, orderAmountFen: 4999 });
  assert.equal(errorCode(short), 'COUPON_MIN_SPEND');
  // Two tills at the same moment.
  const till2 = await operatorWithRole(loop.platform, account.id, 'staff');
  const both = await Promise.all([staff.post(`${base}/redeem`, { code: coupon.code, orderAmountFen: 8000 }), till2.post(`${base}/redeem`, { code: coupon.code, orderAmountFen: 8000 })]);
  assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
  assert.equal(errorCode(both.find((r) => r.statusCode === 409)!), 'COUPON_ALREADY_REDEEMED');
  const again = await staff.post(`${base}/redeem`, { code: coupon.code, orderAmountFen: 8000 });
  assert.equal(again.statusCode, 409);
  assert.match(JSON.parse(again.body).error.message, /已核销/);
  // The fan sees it used at once.
  assert.equal(json<FanCoupon>(await client.get(`/h5/api/${account.id}/coupons/${coupon.id}`)).status, 'redeemed');
  const trail = json<CouponView & { events: Array<{ action: string; code: string | null }> }>(await owner.get(`${base}/coupons/${coupon.id}`)).events;
  assert.deepEqual(
    trail.map((e) => `${e.action}${e.code ? `:${e.code}` : ''}`),
    ['issued', 'refused:COUPON_MIN_SPEND', 'redeemed', 'refused:COUPON_ALREADY_REDEEMED', 'refused:COUPON_ALREADY_REDEEMED'],
  );

  const expiring = json<FanCoupon>(await client.post(`/h5/api/${account.id}/offers/${t.id}`));
  await loop.platform.db.query(`update coupons set valid_to = now() - interval '1 minute' where id = $1`, [expiring.id]);
  assert.equal(errorCode(await staff.post(`${base}/redeem`, { code: expiring.code, orderAmountFen: 9000 })), 'COUPON_EXPIRED');
  assert.equal(json<FanCoupon>(await client.get(`/h5/api/${account.id}/coupons/${expiring.id}`)).status, 'expired');

  const voided = json<FanCoupon>(await client.post(`/h5/api/${account.id}/offers/${t.id}`));
  json<CouponView>(await owner.post(`${base}/coupons/${voided.id}/void`, { reason: '顾客投诉补发错误' }));
  assert.equal(errorCode(await staff.post(`${base}/redeem`, { code: voided.code, orderAmountFen: 9000 })), 'COUPON_VOID');
  assert.equal(errorCode(await staff.post(`${base}/redeem`, { code: 'ABCDEFGHJKLMNPQR' })), 'COUPON_NOT_FOUND');

  // A code of another account is not found here, even by its staff.
  const theirs = await loop.platform.coupons.saveTemplate(other.id, null, { name: '别家券', kind: 'gift', gift: '别家', validity: { type: 'relative', days: 1 }, claimable: true });
  const theirCoupon = await loop.platform.coupons.issue(other.id, theirs.id, loop.emulator.fanOpenid(other.appId, 0), 'manual');
  assert.equal(errorCode(await staff.post(`${base}/redeem`, { code: theirCoupon.code })), 'COUPON_NOT_FOUND');

  const report = json<{ staff: Array<{ redeemed: number }>; templates: Array<{ id: number; redeemed: number }> }>(await owner.get(`${base}/report?days=7`));
  assert.equal(report.templates.find((r) => r.id === t.id)!.redeemed, 1);
});

test('a keyword rule that gives a coupon gives one per message, even when WeChat retries the push', async () => {
  const t = await template({ name: '关键词券', kind: 'amount', amountOffFen: 500, perFanLimit: 10 });
  const rule = await owner.post(`/api/accounts/${account.id}/rules`, { name: '领券', trigger: 'keyword', keywords: [{ text: '领券', match: 'exact' }], replies: [{ type: 'coupon', templateId: t.id }] });
  assert.equal(rule.statusCode, 201, rule.body);
  const fan = newFan();
  await loop.emulator.follow(account.appId, fan);
  const first = await loop.emulator.sendText(account.appId, fan, '领券');
  const article = (first.reply as { articles: Array<{ title: string; url: string }> }).articles[0]!;
  assert.match(article.title, /立减5元/);
  const couponId = Number(article.url.split('/').pop());
  const coupon = await loop.platform.coupons.coupon(account.id, couponId);
  assert.equal(coupon.issuedVia, 'keyword');
  // A second message gives a second coupon (retries of one push are covered below).
  await loop.emulator.sendText(account.appId, fan, '领券');
  const held = await loop.platform.db.query('select id from coupons where template_id = $1 and openid = $2', [t.id, fan]);
  assert.equal(held.length, 2);
  // The rule tester describes it and issues nothing.
  const dry = json<{ passive: unknown }>(await owner.post(`/api/accounts/${account.id}/rules/test`, { message: { type: 'text', content: '领券' } }));
  assert.match(JSON.stringify(dry.passive), /发放优惠券/);
  assert.equal((await loop.platform.db.query('select id from coupons where template_id = $1', [t.id])).length, 2);
});

test('issuing by hand refuses openids the account does not know; the member export follows the list’s filters', async () => {
  const t = await template({ name: '手动券', kind: 'gift', gift: '小礼品', perFanLimit: 3 });
  const fan = newFan();
  await loop.emulator.follow(account.appId, fan);
  const result = json<{ issued: unknown[]; refused: Array<{ openid: string; code: string }> }>(await owner.post(`${base}/coupon-templates/${t.id}/issue`, { openids: [fan, 'not-a-fan'] }));
  assert.equal(result.issued.length, 1);
  assert.deepEqual(result.refused.map((r) => [r.openid, r.code]), [['not-a-fan', 'FAN_NOT_FOUND']]);
  const csv = await owner.get(`${base}/members/export.csv?q=VIP000001`);
  assert.equal(csv.statusCode, 200);
  assert.equal(csv.body.trim().split('\r\n').length, 2, 'the header and one member');
});

test('staff logins: the owner adds a till login, it can only redeem, and removing it ends that', async () => {
  const added = json<StaffView>(await owner.post(`${base}/staff`, { username: 'till-01', displayName: '一号收银台', password: 'till-password-01' }), 201);
  const noPassword = await owner.post(`${base}/staff`, { username: 'till-02', displayName: '二号' });
  assert.equal(noPassword.statusCode, 400);
  const editor = await operatorWithRole(loop.platform, account.id, 'editor');
  assert.equal((await editor.post(`${base}/staff`, { username: 'till-03', displayName: '三号', password: 'till-password-03' })).statusCode, 403);
  const list = json<StaffView[]>(await owner.get(`${base}/staff`));
  assert.ok(list.some((s) => s.username === 'till-01'));
  const till = await signIn(loop.platform.http, 'till-01', 'till-password-01');
  assert.deepEqual(till.session.accounts.map((a) => a.role), ['staff']);
  assert.equal((await till.get(`${base}/redeem/recent`)).statusCode, 200);
  assert.equal((await till.get(`/api/accounts/${account.id}/fans`)).statusCode, 403);
  assert.equal((await owner.delete(`${base}/staff/${added.operatorId}`)).statusCode, 204);
  assert.equal((await till.get(`${base}/redeem/recent`)).statusCode, 403);
});
