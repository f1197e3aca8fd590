import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { generateEncodingAesKey } from '@zhanggui/wechat';
import { CONSOLE_DIST } from '../apps/server/src/platform/http/console-static.ts';
import { startLoop, type Loop } from '../apps/server/src/testing/emulator-loop.ts';
import { openBrowser, screenshotOnFailure } from './browser.ts';

// The operator's day, in a real browser against the real server and the emulator: sign in, connect an
// account through the wizard, see a fan's message arrive live, answer it (the fan sees it on the phone),
// tag the fan, and sync fans from WeChat watching the progress bar finish.

let loop: Loop;
const merchant = { appId: 'wx5e1f2a3b4c5d6e7f', secret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', token: 'zhangguiE2eToken', aesKey: generateEncodingAesKey() };

before(async () => {
  // The console the server serves is the one built from this checkout.
  if (!existsSync(`${CONSOLE_DIST}/index.html`)) {
    const built = spawnSync('npm', ['run', 'build', '--workspace', 'apps/console'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
    assert.equal(built.status, 0, 'console build');
  }
  loop = await startLoop();
  await loop.platform.operators.create({ username: 'boss', displayName: '王店长', password: 'correct horse battery', isAdmin: true });
  // The merchant's WeChat account, as WeChat knows it.
  loop.emulator.createAccount({ appId: merchant.appId, secret: merchant.secret, token: merchant.token, encodingAesKey: merchant.aesKey, mode: 'safe', type: 'service', verified: true, name: '王记面馆' });
  loop.emulator.createFans(merchant.appId, 30, { subscribed: true });
  loop.emulator.createFans(merchant.appId, 1, { subscribed: false });
});
after(() => loop?.close());

test('sign in, connect through the wizard, answer a fan live, tag, sync', async (t) => {
  const desk = await openBrowser(t);
  if (!desk) return;
  const phone = await openBrowser(t, { phone: true });
  const { page } = desk;
  try {
    // Sign in.
    await page.goto(`${loop.url}/login`);
    await page.fill('[data-testid=login-username]', 'boss');
    await page.fill('[data-testid=login-password]', 'correct horse battery');
    await page.click('[data-testid=login-submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    // Connect the account: credentials tested against WeChat, then the callback keys.
    await page.goto(`${loop.url}/accounts/new`);
    await page.fill('[data-testid=wizard-name] >> visible=true', '王记面馆');
    await page.fill('[data-testid=wizard-appid] >> visible=true', merchant.appId);
    await page.fill('[data-testid=wizard-secret] input, input[data-testid=wizard-secret]', merchant.secret);
    await page.click('[data-testid=wizard-type] >> text=服务号');
    await page.check('[data-testid=wizard-verified] input, input[data-testid=wizard-verified]');
    await page.click('[data-testid=wizard-test]');
    await page.locator('[data-testid=connection-test-result]').waitFor();
    assert.match(await page.locator('[data-testid=connection-test-result]').innerText(), /成功|access_token/);
    await page.click('[data-testid=wizard-next]');
    await page.fill('[data-testid=wizard-token]', merchant.token);
    await page.fill('[data-testid=wizard-aes]', merchant.aesKey);
    await page.click('[data-testid=wizard-mode-safe]');
    await page.click('[data-testid=wizard-create]');
    await page.locator('[data-testid=wizard-callback]').waitFor();
    const callbackUrl = await page.locator('[data-testid=callback-url]').inputValue();
    assert.match(callbackUrl, /\/wx\/\d+$/);
    // The merchant pastes the URL into WeChat's server configuration.
    loop.emulator.updateAccount(merchant.appId, { callbackUrl });
    const accountId = Number(callbackUrl.split('/').pop());
    await page.click('[data-testid=wizard-done]');

    // The inbox is open when a fan writes: the message appears without a reload.
    await page.goto(`${loop.url}/accounts/${accountId}/inbox`);
    await page.locator('[data-testid=inbox-page]').waitFor();
    const fan = loop.emulator.fanOpenid(merchant.appId, 30);
    await phone!.page.goto(`${loop.emulator.url}/phone/${merchant.appId}/${fan}`);
    await phone!.page.click('[data-follow="follow"]');
    await phone!.page.fill('#text', '你好，今天营业到几点？');
    await phone!.page.click('#composer button');
    await page.locator('[data-testid=conversation-list] >> text=你好，今天营业到几点？').waitFor({ timeout: 3000 });

    // Answer it; the fan sees the answer on the phone.
    await page.click('[data-testid=conversation-list] >> text=你好，今天营业到几点？');
    await page.locator('[data-testid=reply-window]').waitFor();
    await page.fill('[data-testid=composer-input]', '您好，今天营业到晚上 9 点，欢迎光临！');
    await page.keyboard.press('Enter');
    await phone!.page.getByText('您好，今天营业到晚上 9 点，欢迎光临！').waitFor({ timeout: 5000 });

    // Tag the fan (the tag is created on WeChat first).
    const tag = await loop.platform.tags.create(accountId, '回头客');
    const [{ id: fanId }] = (await loop.platform.db.query<{ id: number }>('select id from fans where account_id = $1 and openid = $2', [accountId, fan])) as [{ id: number }];
    await page.reload();
    await page.click(`[data-testid=conversation-${fanId}]`);
    await page.click('[data-testid=tag-editor-add]');
    await page.click('[data-testid=tag-editor-select]');
    await page.click(`.ant-select-item-option >> text=回头客`);
    await page.locator(`[data-testid=fan-tag-${tag.id}]`).waitFor();
    const tagged = await loop.platform.tokens.clientFor(accountId).tags.tagsOfFan(fan);
    assert.deepEqual(tagged.tagid_list, [tag.wechatTagId], 'tagged on WeChat too');

    // Sync every fan from WeChat and watch the progress bar finish.
    await page.goto(`${loop.url}/accounts/${accountId}/fans`);
    await page.click('[data-testid=fans-sync]');
    await page.locator('[data-testid=fans-sync-progress][data-state=succeeded]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=fans-count]', { hasText: '31' }).waitFor({ timeout: 10_000 });
  } catch (error) {
    await screenshotOnFailure(desk.context, 'console-operator-day');
    if (phone) await screenshotOnFailure(phone.context, 'console-operator-day-phone');
    throw error;
  } finally {
    await desk.close();
    await phone?.close();
  }
});
