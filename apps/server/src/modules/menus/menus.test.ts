import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { menuIssues, type MenuClickStats, type MenuIssue, type MenuSet, type MenuState, type MenuTryMatchResult, type TagView } from '@zhanggui/shared';
import { operatorWithRole, type ConsoleClient } from '../../testing/console-client.ts';
import { startLoop, type Loop, type LoopAccount } from '../../testing/emulator-loop.ts';

// Custom menus end to end: edited through the console's API, checked against WeChat's limits, published to
// the emulator, tapped by simulated fans, matched per tag, imported back.

let loop: Loop;
let account: LoopAccount;
let owner: ConsoleClient;
let base: string;
let nextFan = 0;

before(async () => {
  loop = await startLoop();
  account = await loop.connect({ mode: 'safe', type: 'service', verified: true });
  owner = await operatorWithRole(loop.platform, account.id, 'owner');
  base = `/api/accounts/${account.id}`;
  loop.emulator.createFans(account.appId, 20, { subscribed: true });
});
after(() => loop.close());

const fan = () => loop.emulator.fanOpenid(account.appId, nextFan++);
const text = (reply: unknown) => (reply as { type: string; content?: string } | undefined)?.content;

const SHOP: MenuSet = {
  buttons: [
    { name: '最新活动', type: 'click', key: 'PROMO', replies: [{ type: 'text', content: '本周全场 8 折' }] },
    {
      name: '商城',
      subButtons: [
        { name: '官网', type: 'view', url: 'https://shop.example.com/' },
        { name: '扫码查价', type: 'scancode_waitmsg', replies: [{ type: 'text', content: '正在为您查价…' }] },
        { name: '发送位置找门店', type: 'location_select' },
      ],
    },
    { name: '会员', type: 'miniprogram', url: 'https://shop.example.com/m', appid: 'wx1234567890abcdef', pagepath: 'pages/member/index' },
  ],
  conditional: [],
};

async function save(set: MenuSet): Promise<MenuState> {
  const res = await owner.put(`${base}/menus`, set);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

async function publish(): Promise<MenuState> {
  const res = await owner.post(`${base}/menus/publish`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

test('a draft saves unfinished; every WeChat limit is refused at publishing, with the field and a reason in words', async () => {
  const leaf = { name: '按钮', type: 'click' as const };
  const cases: Array<[string, MenuSet, MenuIssue['code'], Array<string | number>]> = [
    ['no buttons', { buttons: [], conditional: [] }, 'BUTTONS_COUNT', ['buttons']],
    ['4 top buttons', { buttons: [leaf, leaf, leaf, leaf], conditional: [] }, 'BUTTONS_COUNT', ['buttons']],
    ['6 sub-buttons', { buttons: [{ name: '更多', subButtons: [leaf, leaf, leaf, leaf, leaf, leaf] }], conditional: [] }, 'SUB_BUTTONS_COUNT', ['buttons', 0, 'subButtons']],
    ['top name over 16 bytes', { buttons: [{ ...leaf, name: '一二三四五六' }], conditional: [] }, 'NAME_TOO_LONG', ['buttons', 0, 'name']],
    ['sub name over 60 bytes', { buttons: [{ name: '更多', subButtons: [{ ...leaf, name: '字'.repeat(21) }] }], conditional: [] }, 'NAME_TOO_LONG', ['buttons', 0, 'subButtons', 0, 'name']],
    ['empty name', { buttons: [{ ...leaf, name: ' ' }], conditional: [] }, 'NAME_REQUIRED', ['buttons', 0, 'name']],
    ['key over 128 bytes', { buttons: [{ ...leaf, key: 'k'.repeat(129) }], conditional: [] }, 'KEY_TOO_LONG', ['buttons', 0, 'key']],
    ['no type', { buttons: [{ name: '空' }], conditional: [] }, 'TYPE_REQUIRED', ['buttons', 0, 'type']],
    ['link not http', { buttons: [{ name: '链接', type: 'view', url: 'javascript:alert(1)' }], conditional: [] }, 'URL_INVALID', ['buttons', 0, 'url']],
    ['link over 1024 bytes', { buttons: [{ name: '链接', type: 'view', url: `https://a.example.com/${'x'.repeat(1010)}` }], conditional: [] }, 'URL_TOO_LONG', ['buttons', 0, 'url']],
    ['mini program without page', { buttons: [{ name: '小程序', type: 'miniprogram', url: 'https://a.example.com', appid: 'wx1' }], conditional: [] }, 'FIELD_REQUIRED', ['buttons', 0, 'pagepath']],
    ['material without media_id', { buttons: [{ name: '素材', type: 'media_id' }], conditional: [] }, 'FIELD_REQUIRED', ['buttons', 0, 'mediaId']],
    ['one key, two answers', { buttons: [{ ...leaf, key: 'K', replies: [{ type: 'text', content: 'a' }] }, { ...leaf, key: 'K', replies: [{ type: 'text', content: 'b' }] }], conditional: [] }, 'KEY_DUPLICATE', ['buttons', 1, 'key']],
    ['personalised menu without a condition', { buttons: [leaf], conditional: [{ id: 'c1', name: '个性化', matchRule: {}, buttons: [leaf] }] }, 'RULE_EMPTY', ['conditional', 0, 'matchRule']],
    [
      'links from 4 domains in personalised menus',
      {
        buttons: [leaf],
        conditional: [{ id: 'c1', name: 'iOS', matchRule: { clientPlatformType: 1 }, buttons: ['a', 'b', 'c', 'd'].slice(0, 3).map((d) => ({ name: d, type: 'view' as const, url: `https://${d}.example.com/` })) },
          { id: 'c2', name: 'Android', matchRule: { clientPlatformType: 2 }, buttons: [{ name: 'd', type: 'view', url: 'https://d.example.com/' }] }],
      },
      'TOO_MANY_DOMAINS',
      ['conditional'],
    ],
  ];
  for (const [what, set, code, path] of cases) {
    // An unfinished draft may be saved; it cannot be published.
    assert.equal((await owner.put(`${base}/menus`, set)).statusCode, 200, what);
    const res = await owner.post(`${base}/menus/publish`);
    assert.equal(res.statusCode, what === 'no buttons' ? 409 : 400, `${what}: ${res.body}`);
    if (what === 'no buttons') {
      assert.equal(res.json().error.code, 'MENU_EMPTY');
      continue;
    }
    const body = res.json();
    assert.equal(body.error.code, 'MENU_INVALID', what);
    const issue = (body.error.details.issues as MenuIssue[]).find((i) => i.code === code);
    assert.ok(issue, `${what}: ${JSON.stringify(body.error.details.issues)}`);
    assert.deepEqual(issue.path, path, what);
    assert.ok(/[\u4e00-\u9fff]/.test(issue.zh) && issue.en.length > 0, `${what}: said in Chinese and English`);
    // The editor runs the same check before anything is sent.
    assert.ok(menuIssues(set).some((i) => i.code === code), `${what}: the shared check agrees`);
  }
  // The limits themselves are allowed: 16 bytes on top (5 CJK characters + 1 byte), 60 below, 5 sub-buttons.
  const full = { buttons: [{ ...leaf, name: '一二三四五a' }, { name: '更多', subButtons: Array.from({ length: 5 }, () => ({ ...leaf, name: '字'.repeat(20) })) }, leaf], conditional: [] };
  assert.deepEqual(menuIssues(full), []);
  assert.equal((await owner.put(`${base}/menus`, full)).statusCode, 200);
  assert.equal((await owner.post(`${base}/menus/publish`)).statusCode, 200);
  assert.equal((await owner.put(`${base}/menus`, { buttons: 'nope' })).json().error.code, 'VALIDATION_FAILED', 'the shape is still checked on save');
  const state = (await owner.get(`${base}/menus`)).json() as MenuState;
  assert.ok(state.draft.buttons[1]!.subButtons!.every((b) => /^zg_[0-9a-f]{12}$/.test(b.key!)), 'empty keys are chosen by the platform');
  assert.equal(new Set(state.draft.buttons[1]!.subButtons!.map((b) => b.key)).size, 5);
});

test('publish, then fans tap: click replies, a scan-with-wait reply, VIEW; taps counted per button per day', async () => {
  await save(SHOP);
  let state = (await owner.get(`${base}/menus`)).json() as MenuState;
  assert.equal(state.dirty, true, 'saved, not yet published');
  state = await publish();
  assert.equal(state.dirty, false);
  assert.ok(state.publishedAt);

  // WeChat has the menu in its own format.
  const wechat = await loop.platform.tokens.clientFor(account.id).menus.get();
  assert.deepEqual(wechat.menu.button.map((b) => b.name), ['最新活动', '商城', '会员']);
  assert.deepEqual(wechat.menu.button[2], { type: 'miniprogram', name: '会员', url: 'https://shop.example.com/m', appid: 'wx1234567890abcdef', pagepath: 'pages/member/index' });

  const shopper = fan();
  assert.equal(text((await loop.emulator.clickMenu(account.appId, shopper, 'PROMO')).reply), '本周全场 8 折');
  assert.equal(text((await loop.emulator.clickMenu(account.appId, fan(), 'PROMO')).reply), '本周全场 8 折');
  const scanKey = state.published!.buttons[1]!.subButtons![1]!.key!;
  assert.equal(text((await loop.emulator.clickMenu(account.appId, shopper, scanKey, { scanResult: '6901234567892' })).reply), '正在为您查价…');
  const view = await loop.emulator.viewMenu(account.appId, shopper, 'https://shop.example.com/');
  assert.equal(view.outcome, 'no_reply');

  const stats = (await owner.get(`${base}/menus/stats?days=7`)).json() as MenuClickStats;
  assert.equal(stats.days.length, 7);
  const by = new Map(stats.buttons.map((b) => [b.name, b]));
  assert.equal(by.get('最新活动')!.total, 2);
  assert.equal(by.get('最新活动')!.daily.at(-1), 2, 'today');
  assert.equal(by.get('扫码查价')!.total, 1);
  assert.equal(by.get('官网')!.total, 1, 'VIEW taps count under the link');
  assert.equal(by.get('发送位置找门店')!.total, 0);
  assert.equal(stats.buttons[0]!.name, '最新活动', 'most tapped first');

  // A reply changed in the draft reaches fans only once published.
  await save({ ...SHOP, buttons: [{ ...SHOP.buttons[0]!, replies: [{ type: 'text', content: '活动已结束' }] }, ...SHOP.buttons.slice(1)] });
  assert.equal(text((await loop.emulator.clickMenu(account.appId, fan(), 'PROMO')).reply), '本周全场 8 折');
  await publish();
  assert.equal(text((await loop.emulator.clickMenu(account.appId, fan(), 'PROMO')).reply), '活动已结束');
});

test('personalised menus per tag: WeChat matches the tagged fan, trymatch tells which menu, republishing replaces them', async () => {
  const vip = (await owner.post(`${base}/tags`, { name: 'VIP' })).json() as TagView;
  const member = fan();
  const other = fan();
  const [memberFan] = await loop.platform.db.query<{ id: number }>(
    `insert into fans (account_id, openid, last_interaction_at) values ($1, $2, now()) on conflict (account_id, openid) do update set openid = excluded.openid returning id`,
    [account.id, member],
  );
  const tagged = await owner.post(`${base}/fans/batch`, { action: 'tag', tagId: vip.id, fanIds: [memberFan!.id] });
  assert.equal(tagged.statusCode, 200, tagged.body);

  const vipMenu = { id: 'vip', name: 'VIP 菜单', matchRule: { tagId: vip.id }, buttons: [{ name: '专属客服', type: 'click' as const, key: 'VIP_CS', replies: [{ type: 'text' as const, content: '您的专属客服马上就到' }] }] };
  await save({ ...SHOP, conditional: [vipMenu] });
  await publish();
  const onWechat = await loop.platform.tokens.clientFor(account.id).menus.get();
  assert.equal(onWechat.conditionalmenu?.length, 1);
  assert.deepEqual(onWechat.conditionalmenu![0]!.matchrule, { tag_id: String(vip.wechatTagId) });

  const seen = (await owner.post(`${base}/menus/try-match`, { openid: member })).json() as MenuTryMatchResult;
  assert.deepEqual(seen.matched, { id: 'vip', name: 'VIP 菜单' });
  assert.deepEqual(seen.buttons.map((b) => b.name), ['专属客服']);
  const plain = (await owner.post(`${base}/menus/try-match`, { openid: other })).json() as MenuTryMatchResult;
  assert.equal(plain.matched, null);
  assert.deepEqual(plain.buttons.map((b) => b.name), ['最新活动', '商城', '会员']);
  assert.equal(text((await loop.emulator.clickMenu(account.appId, member, 'VIP_CS')).reply), '您的专属客服马上就到');
  const unknown = await owner.post(`${base}/menus/try-match`, { openid: 'o-nobody' });
  assert.equal(unknown.statusCode, 422);
  assert.equal(unknown.json().error.details.errcode, 65302);

  // Two personalised menus cannot share an id (one of them could never be deleted again).
  const twins = await owner.put(`${base}/menus`, { ...SHOP, conditional: [vipMenu, vipMenu] });
  assert.equal(twins.json().error.code, 'VALIDATION_FAILED');

  // A personalised menu someone added on WeChat directly is replaced too when we publish.
  await loop.platform.tokens.clientFor(account.id).menus.addConditional({ button: [{ type: 'view', name: '外来', url: 'https://other.example.com/' }], matchrule: { client_platform_type: '2' } });

  // There is no edit call: republishing deletes the old personalised menu and adds the new one.
  await save({ ...SHOP, conditional: [{ ...vipMenu, name: 'VIP 菜单 2', buttons: [{ ...vipMenu.buttons[0]!, name: '专属顾问' }] }] });
  await publish();
  const after = await loop.platform.tokens.clientFor(account.id).menus.get();
  assert.equal(after.conditionalmenu?.length, 1);
  assert.equal(after.conditionalmenu![0]!.button[0]!.name, '专属顾问');
});

test('import what WeChat has (made elsewhere), keeping the replies of keys we knew', async () => {
  const client = loop.platform.tokens.clientFor(account.id);
  await client.menus.delete();
  await client.menus.create({ button: [{ type: 'click', name: '最新活动', key: 'PROMO' }, { type: 'click', name: '老按钮', key: 'LEGACY_KEY' }, { name: '更多', sub_button: [{ type: 'view', name: '官网', url: 'https://shop.example.com/' }] }] });
  const res = await owner.post(`${base}/menus/import`);
  assert.equal(res.statusCode, 200, res.body);
  const state = res.json() as MenuState;
  assert.equal(state.dirty, false);
  assert.deepEqual(state.draft.buttons.map((b) => b.name), ['最新活动', '老按钮', '更多']);
  assert.deepEqual(state.draft.buttons[0]!.replies, [{ type: 'text', content: '本周全场 8 折' }], 'the reply we had for PROMO is kept');
  assert.deepEqual(state.draft.buttons[2]!.subButtons, [{ name: '官网', type: 'view', url: 'https://shop.example.com/' }]);
  assert.equal(text((await loop.emulator.clickMenu(account.appId, fan(), 'PROMO')).reply), '本周全场 8 折');

  // A key no button answers is matched like a keyword (menus made elsewhere point at keywords).
  await owner.post(`${base}/rules`, { name: '旧菜单关键词', trigger: 'keyword', keywords: [{ text: 'LEGACY_KEY', match: 'exact' }], replies: [{ type: 'text', content: '来自关键词规则' }] });
  assert.equal(text((await loop.emulator.clickMenu(account.appId, fan(), 'LEGACY_KEY')).reply), '来自关键词规则');

  // Nothing on WeChat: the import says so with an empty menu.
  await client.menus.delete();
  const empty = (await owner.post(`${base}/menus/import`)).json() as MenuState;
  assert.deepEqual(empty.draft, { buttons: [], conditional: [] });
  assert.equal(empty.published, null);
  assert.equal((await owner.post(`${base}/menus/publish`)).json().error.code, 'MENU_EMPTY');
});

test('who may edit: an editor publishes, an agent cannot even read menus', async () => {
  const editor = await operatorWithRole(loop.platform, account.id, 'editor');
  assert.equal((await editor.put(`${base}/menus`, SHOP)).statusCode, 200);
  assert.equal((await editor.post(`${base}/menus/publish`)).statusCode, 200);
  const agent = await operatorWithRole(loop.platform, account.id, 'agent');
  assert.equal((await agent.get(`${base}/menus`)).statusCode, 403);
  assert.equal((await agent.put(`${base}/menus`, SHOP)).statusCode, 403);
  const analyst = await operatorWithRole(loop.platform, account.id, 'analyst');
  assert.equal((await analyst.get(`${base}/menus/stats`)).statusCode, 200);
  assert.equal((await analyst.post(`${base}/menus/publish`)).statusCode, 403);
  assert.equal((await analyst.post(`${base}/menus/try-match`, { openid: fan() })).statusCode, 403, 'trymatch spends WeChat quota');
});
