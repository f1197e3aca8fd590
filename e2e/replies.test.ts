import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { CONSOLE_DIST } from '../apps/server/src/platform/http/console-static.ts';
import { startLoop, type Loop, type LoopAccount } from '../apps/server/src/testing/emulator-loop.ts';
import { openBrowser, screenshotOnFailure, shot } from './browser.ts';

// Automatic replies, in a real browser against the real server and the emulator: the operator writes a
// keyword rule in the drawer (watching the phone preview), a fan gets exactly that answer; a bad regex is
// refused on its field; the tester answers without sending anything; a flow from a template answers its
// entry keyword; stores imported from CSV answer a fan's location.

let loop: Loop;
let account: LoopAccount;
const password = 'correct horse battery';
const WAIT = { timeout: 5000 };

// People's Square, Shanghai (GCJ-02), where the fan stands.
const HERE = { latitude: 31.230416, longitude: 121.473701 };
const CSV_HEADER = 'name,address,phone,hours,latitude,longitude,image_url,keywords';
const GOOD_CSV = [
  CSV_HEADER,
  '南京东路店,上海市黄浦区南京东路 300 号,021-63200001,10:00-22:00,31.236294,121.480237,,ATM|停车',
  '人民广场店,上海市黄浦区人民大道 120 号,021-63200002,10:00-22:00,31.231800,121.475100,,',
  '',
].join('\n');
const BAD_CSV = [CSV_HEADER, '外滩店,上海市黄浦区中山东一路 1 号,,,31.2304,121.4737,,', '坐标错误店,上海市某路 2 号,,,north,121.4,,', ''].join('\n');

before(async () => {
  if (!existsSync(`${CONSOLE_DIST}/index.html`)) {
    const built = spawnSync('npm', ['run', 'build', '--workspace', 'apps/console'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
    assert.equal(built.status, 0, 'console build');
  }
  loop = await startLoop();
  account = await loop.connect({ mode: 'safe', type: 'service', verified: true, rules: [] });
  const operator = await loop.platform.operators.create({ username: 'shopkeeper', displayName: '李掌柜', password, isAdmin: true });
  await loop.platform.operators.setRole(account.id, operator.id, 'owner');
  loop.emulator.createFans(account.appId, 5, { subscribed: true });
});
after(() => loop?.close());

/** Screenshots for looking at the UI while developing: E2E_SCREENSHOTS=1 writes test-output/replies-<name>.png. */
const messageCount = async () =>
  ((await loop.platform.db.query<{ n: number }>('select count(*)::int as n from messages where account_id = $1', [account.id])) as Array<{ n: number }>)[0]!.n;

test('rules, the tester, a flow from a template and stores from CSV, through the console and the emulator', async (t) => {
  const desk = await openBrowser(t);
  if (!desk) return;
  const { page } = desk;
  const fan = (i: number) => loop.emulator.fanOpenid(account.appId, i);
  const base = `${loop.url}/accounts/${account.id}`;
  // Each step is a subtest sharing the page; a failing step leaves a screenshot of where it stopped.
  let steps = 0;
  const step = (name: string, body: () => Promise<void>) => {
    const n = ++steps;
    return t.test(name, async () => {
      try {
        await body();
      } catch (error) {
        await screenshotOnFailure(desk.context, `replies-step-${n}`);
        throw error;
      }
    });
  };
  try {
    await page.goto(`${loop.url}/login`);
    await page.fill('[data-testid=login-username]', 'shopkeeper');
    await page.fill('[data-testid=login-password]', password);
    await page.click('[data-testid=login-submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), WAIT);

    await step('a keyword rule made in the drawer, previewed, saved, and answering a fan', async () => {
      await page.goto(`${base}/rules`);
      await page.locator('[data-testid=rules-page]').waitFor(WAIT);
      await page.click('[data-testid=rule-create]');
      const drawer = page.locator('.ant-drawer-open');
      await drawer.locator('[data-testid=rule-name]').waitFor(WAIT);
      await drawer.locator('[data-testid=rule-name]').fill('营业时间');
      await drawer.locator('[data-testid=rule-keyword-text-0]').fill('营业时间');
      await drawer.locator('[data-testid=rule-reply-0-text]').fill('每天 9:00–21:00');

      // The phone beside the form shows the fan's message and the answer before anything is saved.
      const preview = drawer.locator('[data-testid=rule-preview]');
      await preview.locator('.zg-phone-bubble--fan', { hasText: '营业时间' }).waitFor(WAIT);
      await preview.getByText('每天 9:00–21:00').waitFor(WAIT);
      assert.equal((await loop.platform.replies.list(account.id)).length, 0, 'nothing saved yet');
      await shot(page, 'replies-rule-drawer', { fullPage: false });

      await page.click('[data-testid=rule-save]');
      await drawer.waitFor({ state: 'detached', ...WAIT }).catch(() => drawer.waitFor({ state: 'hidden', ...WAIT }));
      const rules = await loop.platform.replies.list(account.id);
      assert.equal(rules.length, 1);
      assert.deepEqual(rules[0]!.keywords, [{ text: '营业时间', match: 'exact' }]);
      await page.locator(`[data-testid=rules-table] [data-testid=rule-open-${rules[0]!.id}]`, { hasText: '营业时间' }).waitFor(WAIT);

      const result = await loop.emulator.sendText(account.appId, fan(0), '营业时间');
      assert.equal(result.outcome, 'replied');
      assert.deepEqual(result.reply, { type: 'text', content: '每天 9:00–21:00' });
    });

    await step('an invalid regex and an empty reply are shown on their fields; nothing is saved', async () => {
      const before = (await loop.platform.replies.list(account.id)).length;
      await page.click('[data-testid=rule-create]');
      const drawer = page.locator('.ant-drawer-open');
      await drawer.locator('[data-testid=rule-name]').waitFor(WAIT);
      await drawer.locator('[data-testid=rule-name]').fill('订单查询');
      await drawer.locator('[data-testid=rule-keyword-match-0]').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '正则' }).click();
      await drawer.locator('[data-testid=rule-keyword-text-0]').fill('(');

      // The empty reply is caught in the browser.
      await page.click('[data-testid=rule-save]');
      const replyItem = drawer.locator('.ant-form-item', { has: page.locator('[data-testid=rule-reply-0-text]') });
      await replyItem.locator('.ant-form-item-explain-error', { hasText: '请输入回复内容' }).waitFor(WAIT);

      // The regex is checked by the server (RE2); its error lands on the keyword's field.
      await drawer.locator('[data-testid=rule-reply-0-text]').fill('订单已收到');
      await page.click('[data-testid=rule-save]');
      const keywordItem = drawer.locator('.ant-form-item', { has: page.locator('[data-testid=rule-keyword-text-0]') });
      // …in the operator's language, with the field named in words.
      await keywordItem.locator('.ant-form-item-explain-error', { hasText: '正则表达式无效' }).waitFor(WAIT);
      await drawer.locator('[data-testid=save-error]').waitFor(WAIT);
      assert.match(await drawer.locator('[data-testid=save-error]').innerText(), /关键词 1 › 内容/);
      await shot(page, 'replies-rule-drawer-error', { fullPage: false });
      assert.equal((await loop.platform.replies.list(account.id)).length, before, 'nothing saved');

      // Cancel (antd spaces two-character labels: 取 消).
      await drawer.locator('.ant-drawer-footer button:not([data-testid=rule-save])').click();
      await drawer.waitFor({ state: 'detached', ...WAIT }).catch(() => drawer.waitFor({ state: 'hidden', ...WAIT }));
    });

    await step('the tester names the rule and shows the reply without sending anything', async () => {
      const messages = await messageCount();
      const phone = loop.emulator.phone(account.appId, fan(0)).length;
      await page.click('[data-testid=rules-tab-test]');
      await page.locator('[data-testid=tester-content]').fill('营业时间');
      await page.click('[data-testid=tester-submit]');
      const result = page.locator('[data-testid=tester-result]');
      await result.waitFor(WAIT);
      assert.equal(await result.locator('[data-testid=tester-rule]').innerText(), '营业时间');
      assert.equal(await result.locator('[data-testid=tester-source]').getAttribute('data-source'), 'rule');
      await page.locator('[data-testid=tester-preview]').getByText('每天 9:00–21:00').waitFor(WAIT);
      await shot(page, 'replies-tester', { fullPage: false });
      assert.equal(await messageCount(), messages, 'no message stored');
      assert.equal(loop.emulator.phone(account.appId, fan(0)).length, phone, 'nothing reached the fan');
      assert.equal(new URL(page.url()).searchParams.get('tab'), 'test');
    });

    await step('a flow from the numbered-menu template answers its entry keyword', async () => {
      await page.goto(`${base}/flows`);
      await page.locator('[data-testid=flows-page]').waitFor(WAIT);
      await page.click('[data-testid=flow-create]');
      await page.click('[data-testid=flow-template-menu]');
      await page.locator('[data-testid=flow-editor]').waitFor(WAIT);
      assert.equal(await page.locator('[data-testid=flow-name]').inputValue(), '杂志数字菜单');
      await page.click('[data-testid=flow-save]');
      await page.waitForURL(/\/flows\/\d+$/, WAIT);
      const flowId = Number(new URL(page.url()).pathname.split('/').pop());
      await shot(page, 'replies-flow-editor', { fullPage: false });

      const entered = await loop.emulator.sendText(account.appId, fan(1), '900');
      assert.equal(entered.outcome, 'replied');
      assert.equal(entered.reply?.type, 'text');
      assert.match(entered.reply?.type === 'text' ? entered.reply.content : '', /^欢迎来到《汽车周刊》！回复数字查看：\n02 每日精选/);

      await page.goto(`${base}/flows`);
      await page.locator(`[data-testid=flow-open-${flowId}]`, { hasText: '杂志数字菜单' }).waitFor(WAIT);
      assert.equal(await page.locator('[data-testid=flows-table] th', { hasText: '进行中' }).count(), 1);
      assert.equal(await page.locator(`[data-testid=flow-active-${flowId}]`).innerText(), '1');
    });

    await step('stores imported from CSV answer a fan’s location; a bad row imports nothing', async () => {
      await page.goto(`${base}/stores`);
      await page.locator('[data-testid=stores-page]').waitFor(WAIT);
      await page.click('[data-testid=store-import]');
      const modal = page.locator('.ant-modal:visible');
      const file = modal.locator('input[type=file]');
      await file.waitFor({ state: 'attached', ...WAIT });

      // A bad row: its line is named and nothing is imported.
      await file.setInputFiles({ name: 'stores.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
      await modal.getByText('stores.csv').waitFor(WAIT);
      await modal.locator('[data-testid=store-import-submit]').click();
      const errors = modal.locator('[data-testid=store-import-errors]');
      await errors.waitFor(WAIT);
      const row = errors.locator('tbody tr.ant-table-row');
      assert.equal(await row.count(), 1);
      assert.equal(await row.locator('td').first().innerText(), '3');
      assert.match(await row.innerText(), /latitude/);
      assert.deepEqual(await loop.platform.stores.list(account.id), [], 'all or nothing');
      await shot(page, 'replies-store-import-errors', { fullPage: false });

      // Two good rows.
      await file.setInputFiles({ name: 'stores.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) });
      await modal.getByText('2 行数据').waitFor(WAIT);
      await modal.locator('[data-testid=store-import-submit]').click();
      await modal.waitFor({ state: 'detached', ...WAIT }).catch(() => modal.waitFor({ state: 'hidden', ...WAIT }));
      const table = page.locator('[data-testid=stores-table]');
      await table.getByText('人民广场店').waitFor(WAIT);
      await table.getByText('南京东路店').waitFor(WAIT);
      assert.equal(await table.locator('tbody tr.ant-table-row').count(), 2);

      const near = await loop.emulator.sendLocation(account.appId, fan(2), { ...HERE, label: '人民广场' });
      assert.equal(near.outcome, 'replied');
      assert.equal(near.reply?.type, 'news');
      const article = near.reply?.type === 'news' ? near.reply.articles[0] : undefined;
      assert.match(article?.title ?? '', /^离您最近：人民广场店（\d+ 米）$/);
      assert.match(article?.description ?? '', /\n2\. 南京东路店 /);
    });
  } catch (error) {
    await screenshotOnFailure(desk.context, 'replies');
    throw error;
  } finally {
    await desk.close();
  }
});
