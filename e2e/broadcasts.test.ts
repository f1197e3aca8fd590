import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { CONSOLE_DIST } from '../apps/server/src/platform/http/console-static.ts';
import { qrPng } from '../apps/server/src/modules/qrcodes/qr-images.ts';
import { startLoop, type Loop, type LoopAccount } from '../apps/server/src/testing/emulator-loop.ts';
import { openBrowser, screenshotOnFailure, shot } from './browser.ts';

// The material library and broadcasts in a real browser: an image uploaded to the library (and to WeChat),
// a text broadcast composed with its audience estimate, sent, arriving on the fans' phones, and its report.

let loop: Loop;
let account: LoopAccount;
const password = 'correct horse battery';
const WAIT = { timeout: 10_000 };
const FANS = 6;

before(async () => {
  if (!existsSync(`${CONSOLE_DIST}/index.html`)) {
    const built = spawnSync('npm', ['run', 'build', '--workspace', 'apps/console'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
    assert.equal(built.status, 0, 'console build');
  }
  loop = await startLoop();
  account = await loop.connect({ mode: 'safe', type: 'service', verified: true });
  const operator = await loop.platform.operators.create({ username: 'sender', displayName: '赵运营', password, isAdmin: true });
  await loop.platform.operators.setRole(account.id, operator.id, 'owner');
  loop.emulator.createFans(account.appId, FANS, { subscribed: true });
  // The followers as a fan sync stores them.
  const openids = Array.from({ length: FANS }, (_, i) => loop.emulator.fanOpenid(account.appId, i));
  await loop.platform.db.query(`insert into fans (account_id, openid, subscribed, last_interaction_at) select $1, o, true, now() from jsonb_array_elements_text($2::jsonb) o`, [account.id, JSON.stringify(openids)]);
});
after(() => loop?.close());

test('an image into the library; a broadcast composed, sent to every follower, and reported', async (t) => {
  const desk = await openBrowser(t);
  if (!desk) return;
  const { page, context } = desk;
  const base = `${loop.url}/accounts/${account.id}`;
  try {
    await page.goto(`${loop.url}/login`);
    await page.fill('[data-testid=login-username]', 'sender');
    await page.fill('[data-testid=login-password]', password);
    await page.click('[data-testid=login-submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), WAIT);

    // The library: an image, checked in the browser, uploaded, and on WeChat as permanent material.
    await page.goto(`${base}/materials`);
    await page.locator('[data-testid=materials-page]').waitFor(WAIT);
    await page.locator('[data-testid=material-upload-image-picker] input[type=file]').setInputFiles({ name: '海报.png', mimeType: 'image/png', buffer: await qrPng('掌柜海报', 300) });
    await page.locator('[data-testid^=material-card-][data-name="海报.png"]').waitFor(WAIT);
    const [stored] = await loop.platform.db.query<{ wechat_media_id: string }>('select wechat_media_id from materials where account_id = $1', [account.id]);
    assert.ok(stored?.wechat_media_id, 'synced to WeChat');
    await shot(page, 'broadcasts-library');

    // A broadcast to everyone, now.
    await page.goto(`${base}/broadcasts`);
    await page.locator('[data-testid=broadcasts-page]').waitFor(WAIT);
    await page.locator('[data-testid=broadcast-quota]').getByText(/1/).first().waitFor(WAIT);
    await page.click('[data-testid=broadcast-create]');
    await page.fill('[data-testid=broadcast-title]', '周末大促');
    await page.fill('[data-testid=broadcast-text]', '周末全场 8 折，到店出示本消息');
    await page.click('[data-testid=broadcast-target-all]');
    await page.locator('[data-testid=broadcast-estimate-audience]').getByText(String(FANS)).waitFor(WAIT);
    await shot(page, 'broadcasts-compose');
    await page.click('[data-testid=broadcast-submit]');
    const row = page.locator('[data-testid^=broadcast-row-][data-title="周末大促"]');
    await row.waitFor(WAIT);
    const id = (await row.getAttribute('data-testid'))!.replace('broadcast-row-', '');
    await page.locator(`[data-testid=broadcast-status-${id}][data-status=sent]`).waitFor({ timeout: 20_000 });
    await page.locator(`[data-testid=broadcast-sent-${id}]`).getByText(String(FANS)).waitFor(WAIT);
    await shot(page, 'broadcasts-sent');

    for (let i = 0; i < FANS; i++) {
      const got = loop.emulator.phone(account.appId, loop.emulator.fanOpenid(account.appId, i)).filter((e) => e.text === '周末全场 8 折，到店出示本消息');
      assert.equal(got.length, 1, `fan ${i} got it once`);
    }
  } catch (error) {
    await screenshotOnFailure(context, 'broadcasts');
    throw error;
  } finally {
    await desk.close();
  }
});
