import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startLoop, type Loop } from '../apps/server/src/testing/emulator-loop.ts';
import { openBrowser, screenshotOnFailure } from './browser.ts';

// The fan's side of the core loop in a real browser: the emulator's phone page talks to the emulator,
// which pushes to the platform in safe mode and renders the validated replies as bubbles.

let loop: Loop;
before(async () => {
  loop = await startLoop();
});
after(() => loop.close());

test('a fan follows, sends text and a location on the phone page, and sees the replies', async (t) => {
  const browser = await openBrowser(t, { phone: true });
  if (!browser) return;
  const { page, context } = browser;
  try {
    const account = await loop.connect({ mode: 'safe' });
    loop.emulator.createFans(account.appId, 1, { subscribed: false });
    const openid = loop.emulator.fanOpenid(account.appId, 0);
    await page.goto(`${loop.emulator.url}/phone/${account.appId}/${openid}`);

    await page.click('[data-follow="follow"]');
    await page.getByText('欢迎关注！').waitFor();

    await page.fill('#text', '营业时间');
    await page.click('#composer button[type="submit"], #composer button');
    await page.getByText('每天 9:00–21:00').waitFor();

    await page.click('summary:has-text("发送位置")');
    await page.click('#send-location');
    await page.locator('.bubble', { hasText: '[位置]' }).waitFor();
    await page.locator('.bubble', { hasText: /^收到$/ }).waitFor();
    const bubbles = await page.locator('.bubble').allTextContents();
    assert.equal(bubbles.at(-1), '收到', 'the location got the default reply');
    assert.equal(bubbles.length, 5);

    const [stored] = await loop.platform.db.query<{ n: number }>('select count(*)::int as n from messages where account_id = $1', [account.id]);
    assert.equal(stored!.n, 3);
  } catch (error) {
    await screenshotOnFailure(context, 'phone-core-loop');
    throw error;
  } finally {
    await browser.close();
  }
});
