import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CONSOLE_DIST } from '../apps/server/src/platform/http/console-static.ts';
import { startLoop, type Loop, type LoopAccount } from '../apps/server/src/testing/emulator-loop.ts';
import { openBrowser, screenshotOnFailure, shot } from './browser.ts';

// Menus and QR channels in a real browser: the operator builds and publishes a menu in the visual editor,
// a fan taps it on the emulator's phone page and gets the answer, the tap is counted; a channel gets a code,
// the fan "scans" it on the phone, is welcomed by the channel, and the channel table counts the follow.

let loop: Loop;
let account: LoopAccount;
const password = 'correct horse battery';
const WAIT = { timeout: 8000 };

before(async () => {
  if (!existsSync(`${CONSOLE_DIST}/index.html`)) {
    const built = spawnSync('npm', ['run', 'build', '--workspace', 'apps/console'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
    assert.equal(built.status, 0, 'console build');
  }
  loop = await startLoop();
  account = await loop.connect({ mode: 'safe', type: 'service', verified: true });
  const operator = await loop.platform.operators.create({ username: 'menumaker', displayName: '王店长', password, isAdmin: true });
  await loop.platform.operators.setRole(account.id, operator.id, 'owner');
  loop.emulator.createFans(account.appId, 1, { subscribed: true });
  loop.emulator.createFans(account.appId, 1, { subscribed: false });
});
after(() => loop?.close());

/** E2E_SCREENSHOTS=1 writes test-output/menus-<name>.png, for looking at the screens while developing. */
test('a menu built and published in the console is tapped on the phone; a channel code is scanned and counted', async (t) => {
  const desk = await openBrowser(t);
  if (!desk) return;
  const { page, context } = desk;
  const base = `${loop.url}/accounts/${account.id}`;
  const phoneOf = (i: number) => `${loop.emulator.url}/phone/${account.appId}/${loop.emulator.fanOpenid(account.appId, i)}`;
  let steps = 0;
  const step = (name: string, body: () => Promise<void>) => {
    const n = ++steps;
    return t.test(name, async () => {
      try {
        await body();
      } catch (error) {
        await screenshotOnFailure(context, `menus-step-${n}`);
        throw error;
      }
    });
  };
  try {
    await page.goto(`${loop.url}/login`);
    await page.fill('[data-testid=login-username]', 'menumaker');
    await page.fill('[data-testid=login-password]', password);
    await page.click('[data-testid=login-submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), WAIT);

    await step('a button made in the visual editor is checked, saved and published', async () => {
      await page.goto(`${base}/menus`);
      await page.locator('[data-testid=menus-page]').waitFor(WAIT);
      await page.click('[data-testid=menu-phone-add-top]');
      const name = page.locator('[data-testid=menu-button-name]');
      // Too long for a top-level button: the editor says so before anything is sent.
      await name.fill('最新活动和优惠信息');
      await page.locator('[data-testid=menu-issues]').getByText(/16 字节/).first().waitFor(WAIT);
      await name.fill('最新活动');
      await page.click('[data-testid=menu-reply-add]');
      await page.click('[data-testid=menu-reply-add-text]');
      await page.fill('[data-testid=menu-reply-0-text]', '活动详情见官网');
      await page.locator('[data-testid=menu-issues-ok]').waitFor(WAIT);
      await page.locator('[data-testid=menu-phone]').getByText('最新活动').first().waitFor(WAIT);
      await shot(page, 'menus-editor');
      await page.click('[data-testid=menu-publish]');
      await page.click('[data-testid=menu-publish-confirm]');
      await page.locator('[data-testid=menu-published-at]').waitFor(WAIT);
      const onWechat = await loop.platform.tokens.clientFor(account.id).menus.get();
      assert.deepEqual(onWechat.menu.button.map((b) => b.name), ['最新活动']);
    });

    await step('the fan taps the button on the phone page and gets the answer; the tap is counted', async () => {
      const phone = await context.newPage();
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(phoneOf(0));
      await phone.locator('.menu').getByText('最新活动').click();
      await phone.locator('.bubble', { hasText: '活动详情见官网' }).waitFor(WAIT);
      await phone.close();

      await page.click('[data-testid=menus-tab-stats]');
      const table = page.locator('[data-testid=menu-stats-table]');
      await table.waitFor(WAIT);
      await table.locator('tr', { hasText: '最新活动' }).getByText('1', { exact: true }).first().waitFor(WAIT);
      await shot(page, 'menus-stats');
    });

    await step('a channel with its own welcome gets a permanent code, with image and poster downloads', async () => {
      await page.goto(`${base}/channels`);
      await page.locator('[data-testid=channels-page]').waitFor(WAIT);
      await page.click('[data-testid=channel-create]');
      await page.fill('[data-testid=channel-name]', '门店A');
      await page.click('[data-testid=channel-welcome-add]');
      await page.click('[data-testid=channel-welcome-add-text]');
      await page.fill('[data-testid=channel-welcome-0-text]', '欢迎光临门店A！');
      await page.fill('[data-testid=channel-caption]', '扫码关注，领到店礼');
      await page.click('[data-testid=channel-form-submit]');
      const row = page.locator('[data-testid^=channel-row-][data-name="门店A"]');
      await row.waitFor(WAIT);
      await row.locator('[data-testid^=channel-codes-]').click();
      const drawer = page.locator('[data-testid=channel-codes-drawer]');
      await drawer.waitFor(WAIT);
      await drawer.locator('[data-testid=code-kind-permanent]').click();
      await drawer.locator('[data-testid=code-label]').fill('正门');
      await drawer.locator('[data-testid=code-create]').click();
      const ticket = drawer.locator('[data-testid=code-ticket]');
      await ticket.waitFor(WAIT);
      // (Page functions are strings here: the e2e TypeScript has no DOM types.)
      await page.waitForFunction("document.querySelector('[data-testid=code-ticket]')?.value", undefined, WAIT);
      const [code] = await loop.platform.db.query<{ ticket: string }>('select ticket from qr_codes where account_id = $1', [account.id]);
      assert.equal(await ticket.inputValue(), code!.ticket);
      // The code's image is served to the console (and decodes: see the server's tests).
      await page.waitForFunction("[...document.querySelectorAll('[data-testid=code-image] img, img[data-testid=code-image]')].some((img) => img.complete && img.naturalWidth > 0)", undefined, WAIT);
      const download = page.waitForEvent('download', WAIT);
      await drawer.locator('[data-testid=code-download-poster-png]').click();
      const poster = await download;
      const file = await poster.path();
      const bytes = readFileSync(file!);
      assert.equal(bytes.subarray(1, 4).toString(), 'PNG', 'the poster is drawn to PNG in the browser');
      assert.ok(bytes.length > 10_000, `poster PNG ${bytes.length} bytes`);
      await shot(page, 'menus-channel-drawer');
    });

    await step('the fan scans the code on the phone page, is welcomed by the channel, and the table counts it', async () => {
      const phone = await context.newPage();
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(phoneOf(1));
      await phone.selectOption('#pick-code', { index: 1 });
      await phone.click('#scan');
      await phone.locator('.bubble', { hasText: '欢迎光临门店A！' }).waitFor(WAIT);
      await phone.close();

      await page.keyboard.press('Escape');
      await page.reload();
      const row = page.locator('[data-testid^=channel-row-][data-name="门店A"]');
      await row.waitFor(WAIT);
      await row.locator('[data-testid^=channel-newFollows-]').getByText('1', { exact: true }).waitFor(WAIT);
      await row.locator('[data-testid^=channel-scans-]').getByText('1', { exact: true }).waitFor(WAIT);
      await shot(page, 'menus-channels');
    });
  } finally {
    await desk.close();
  }
});
