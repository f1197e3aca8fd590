import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startLoop, type Loop } from '../apps/server/src/testing/emulator-loop.ts';
import { openBrowser, screenshotOnFailure, shot } from './browser.ts';

// Loyalty as people use it, in Chromium: a fan scans the till's card code on the emulator's phone, opens the
// card from the reply (signed in silently through the emulator's OAuth), checks in twice, claims a coupon;
// the till redeems it on the staff page, the fan's coupon turns "used" by itself, a second redemption and an
// expired coupon are refused with clear messages.

let loop: Loop;
before(async () => {
  loop = await startLoop();
});
after(() => loop.close());

const WAIT = { timeout: 15_000 };

test('card by scan → member centre → check-in once → coupon → redeemed at the till, once', async (t) => {
  const browser = await openBrowser(t, { phone: true });
  if (!browser) return;
  const { page: phone, context } = browser;
  try {
    const account = await loop.connect({ mode: 'safe', type: 'service', verified: true });
    loop.emulator.createFans(account.appId, 2, { subscribed: false });
    const openid = loop.emulator.fanOpenid(account.appId, 0);
    const platform = loop.platform;
    await platform.members.saveProgram(account.id, {
      enabled: true,
      cardName: '星享会员卡',
      color: '#1F6F5C',
      memberNoPrefix: 'VIP',
      memberNoDigits: 6,
      notice: '出示会员码享受会员价',
      levels: [
        { name: '普通会员', threshold: 0, payPercent: null, benefits: '' },
        { name: '银卡', threshold: 100, payPercent: 95, benefits: '全场 9.5 折' },
      ],
      points: { checkin: 5, streak: [], perYuan: 1, welcome: 10 },
      cardKeyword: '会员卡',
      checkinKeyword: '签到',
    });
    const template = await platform.coupons.saveTemplate(account.id, null, { name: '新人券', kind: 'amount', amountOffFen: 2000, minSpendFen: 10000, validity: { type: 'relative', days: 30 }, perFanLimit: 2, claimable: true, stock: 50 });
    const channel = await platform.channels.save(account.id, null, { name: '收银台会员码', welcome: [{ type: 'member_card' }] });
    await platform.channels.createCode(account.id, channel.id, { kind: 'permanent', sceneType: 'str', label: '收银台' });
    await platform.operators.create({ username: 'till-e2e', displayName: '收银台一号', password: 'till e2e password', isAdmin: false });
    const till = await platform.operators.findByUsername('till-e2e');
    await platform.operators.setRole(account.id, till!.id, 'staff');

    // The fan scans the card code: follows, gets the card as a news reply.
    await phone.goto(`${loop.emulator.url}/phone/${account.appId}/${openid}`);
    await phone.selectOption('#pick-code', { index: 1 });
    await phone.click('#scan');
    const card = phone.locator('a', { hasText: '星享会员卡已领取' });
    await card.waitFor(WAIT);

    // Tapping it opens the member centre inside "WeChat": OAuth happens without the fan doing anything.
    const [centre] = await Promise.all([context.waitForEvent('page'), card.click()]);
    await centre.waitForLoadState();
    await centre.locator('[data-testid=member-no]').waitFor(WAIT);
    assert.match((await centre.locator('[data-testid=member-no]').textContent())!.replace(/\s/g, ''), /^VIP000001$/);
    assert.match((await centre.locator('[data-testid=points-balance]').textContent())!, /10/);
    await shot(centre, 'loyalty-member-centre', { fullPage: false });

    // Check in, then again: once.
    await centre.click('[data-testid=checkin]');
    await centre.getByText(/签到成功/).waitFor(WAIT);
    await centre.locator('[data-testid=points-balance]', { hasText: '15' }).waitFor(WAIT);
    await centre.click('[data-testid=checkin]');
    await centre.getByText('今天已经签到过了').waitFor(WAIT);
    const [member] = await platform.db.query<{ points: number }>('select points from members where account_id = $1 and openid = $2', [account.id, openid]);
    assert.equal(member!.points, 15);

    // Claim the coupon on the offers page; its page shows the code.
    await centre.goto(`${loop.url}/h5/${account.id}/offers`);
    await centre.click(`[data-testid=offer-${template.id}] button, [data-testid=offer-${template.id}]`);
    await centre.locator('[data-testid=coupon-code]').waitFor(WAIT);
    const code = (await centre.locator('[data-testid=coupon-code]').textContent())!.replace(/\s/g, '');
    assert.match(code, /^[2-9A-HJ-NP-Z]{16}$/);
    await centre.locator('[data-testid=coupon-status]').waitFor(WAIT);
    await shot(centre, 'loyalty-coupon', { fullPage: false });

    // The till signs in on the staff page and redeems it.
    const staff = await context.newPage();
    await staff.goto(`${loop.url}/h5/staff`);
    await staff.fill('[data-testid=staff-username]', 'till-e2e');
    await staff.fill('[data-testid=staff-password]', 'till e2e password');
    await staff.click('[data-testid=staff-login]');
    await staff.fill('[data-testid=staff-code]', code.replace(/(.{4})/g, '$1 ').toLowerCase());
    await staff.click('[data-testid=staff-lookup]');
    await staff.locator('[data-testid=staff-result]').waitFor(WAIT);
    await staff.fill('[data-testid=staff-order-amount]', '128');
    await staff.click('[data-testid=staff-redeem]');
    await staff.getByText('核销成功').waitFor(WAIT);
    await shot(staff, 'loyalty-till-redeemed', { fullPage: false });

    // The fan's open coupon page turns "used" by itself.
    await centre.bringToFront();
    await centre.locator('[data-testid=coupon-status]', { hasText: '已使用' }).waitFor(WAIT);
    await shot(centre, 'loyalty-coupon-used', { fullPage: false });

    // Redeeming the same code again is refused, clearly.
    await staff.bringToFront();
    if (await staff.locator('[data-testid=staff-next]').isVisible()) await staff.click('[data-testid=staff-next]');
    await staff.fill('[data-testid=staff-code]', code);
    await staff.click('[data-testid=staff-lookup]');
    await staff.locator('[data-testid=staff-result]').waitFor(WAIT);
    await staff.click('[data-testid=staff-redeem]');
    await staff.locator('[data-testid=staff-error]', { hasText: '已核销' }).waitFor(WAIT);
    await shot(staff, 'loyalty-till-refused', { fullPage: false });

    // An expired coupon is refused too.
    const second = await platform.coupons.issue(account.id, template.id, openid, 'manual');
    await platform.db.query(`update coupons set valid_to = now() - interval '1 hour' where id = $1`, [second.id]);
    await staff.fill('[data-testid=staff-code]', second.code);
    await staff.click('[data-testid=staff-lookup]');
    await staff.locator('[data-testid=staff-result]').waitFor(WAIT);
    await staff.click('[data-testid=staff-redeem]');
    await staff.locator('[data-testid=staff-error]', { hasText: '已过期' }).waitFor(WAIT);

    const [redeemed] = await platform.db.query<{ n: number }>(`select count(*)::int as n from coupons where account_id = $1 and status = 'redeemed'`, [account.id]);
    assert.equal(redeemed!.n, 1);
  } catch (error) {
    await screenshotOnFailure(context, 'loyalty');
    throw error;
  } finally {
    await browser.close();
  }
});
