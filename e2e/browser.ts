import { existsSync, mkdirSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser (docs: STACK.md). */
export const CHROMIUM = '/usr/bin/chromium';

/** WeChat's in-app browser on an iPhone, so fan pages see what they would inside WeChat. */
export const WECHAT_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN';

/**
 * Launches headless Chromium for one test, or skips the test when it is not installed (fails instead
 * when E2E_REQUIRED=1, as in CI). On failure a screenshot goes to test-output/.
 */
export async function openBrowser(t: TestContext, options: { phone?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> } | null> {
  if (!existsSync(CHROMIUM)) {
    if (process.env.E2E_REQUIRED === '1') throw new Error(`${CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk`);
    t.skip(`${CHROMIUM} not installed`);
    return null;
  }
  const profile = mkdtempSync(join(tmpdir(), 'zg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    ...(options.phone ? { viewport: { width: 390, height: 844 }, userAgent: WECHAT_UA, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 800 } }),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of every open page under test-output/<name>-<n>.png (call on failure). */
export async function screenshotOnFailure(context: BrowserContext, name: string): Promise<void> {
  const dir = join(process.cwd(), 'test-output');
  mkdirSync(dir, { recursive: true });
  let n = 0;
  for (const page of context.pages()) {
    await page.screenshot({ path: join(dir, `${name.replace(/[^\w-]+/g, '_')}-${n++}.png`), fullPage: true }).catch(() => {});
  }
}

/** With E2E_SCREENSHOTS=1, saves test-output/<name>.png (to look at what a test saw; nothing asserts on it). */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = { fullPage: true }): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== '1') return;
  const dir = join(process.cwd(), 'test-output');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: options.fullPage ?? false });
}
