import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseInboundXml } from '@zhanggui/wechat';
import { startHarness, startReceiver, type Harness, type Receiver } from '../testing/harness.ts';

const MENU = {
  button: [
    { type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC' },
    {
      name: '菜单',
      sub_button: [
        { type: 'view', name: '搜索', url: 'http://www.soso.com/' },
        { type: 'scancode_push', name: '扫码推事件', key: 'rselfmenu_0_1' },
      ],
    },
  ],
};

describe('custom menus (§4.8)', () => {
  let h: Harness;
  let receiver: Receiver;
  let fan: string;
  before(async () => {
    h = await startHarness();
    receiver = await startReceiver({ appId: h.appId, token: 'testtoken', mode: 'plaintext' });
    h.emu.updateAccount(h.appId, { callbackUrl: receiver.url });
    h.emu.createFans(h.appId, 2);
    fan = h.emu.fanOpenid(h.appId, 0);
  });
  after(async () => {
    await receiver.close();
    await h.close();
  });
  const create = (body: unknown) => h.call('/cgi-bin/menu/create', { json: body });
  const one = (button: unknown) => create({ button: [button] });

  test('no menu: 46003; create, get and get_current_selfmenu_info', async () => {
    assert.equal((await h.call('/cgi-bin/menu/get')).errcode, 46003);
    assert.equal((await create(MENU)).errcode, 0);
    assert.deepEqual((await h.call('/cgi-bin/menu/get')).menu.button, MENU.button);
    const self = await h.call('/cgi-bin/get_current_selfmenu_info');
    assert.equal(self.is_menu_open, 1);
    assert.equal(self.selfmenu_info.button[1].sub_button.list.length, 2);
  });

  test('validation errcodes', async () => {
    assert.equal((await create({ button: [] })).errcode, 40016);
    assert.equal((await create({ button: [1, 2, 3, 4].map((i) => ({ type: 'click', name: `b${i}`, key: `k${i}` })) })).errcode, 40016);
    assert.equal((await one({ type: 'click', name: '五个汉字啊', key: 'k' })).errcode, 0, '15 bytes fit');
    assert.equal((await one({ type: 'click', name: '六个汉字啊啊', key: 'k' })).errcode, 40018, '18 bytes do not');
    assert.equal((await one({ type: 'teleport', name: 'x', key: 'k' })).errcode, 40017);
    assert.equal((await one({ type: 'click', name: 'x', sub_button: [{ type: 'click', name: 'y', key: 'k' }] })).errcode, 40017, 'type and sub_button');
    assert.equal((await one({ type: 'click', name: 'x' })).errcode, 40019, 'click needs key');
    assert.equal((await one({ type: 'click', name: 'x', key: 'k'.repeat(129) })).errcode, 40019);
    assert.equal((await one({ type: 'view', name: 'x' })).errcode, 40020, 'view needs url');
    assert.equal((await one({ type: 'view', name: 'x', url: `http://a.cn/${'u'.repeat(1020)}` })).errcode, 40020);
    assert.equal((await one({ type: 'media_id', name: 'x', media_id: 'nope' })).errcode, 40007);
    assert.equal((await one({ type: 'miniprogram', name: 'x', url: 'http://a.cn/' })).errcode, 47003);
    const subs = (sub: unknown[]) => one({ name: '父', sub_button: sub });
    assert.equal((await subs(Array.from({ length: 6 }, (_, i) => ({ type: 'click', name: `s${i}`, key: `k${i}` })))).errcode, 40023);
    assert.equal((await subs([{ type: 'click', name: '子'.repeat(21), key: 'k' }])).errcode, 40025, '63 bytes');
    assert.equal((await subs([{ type: 'click', name: '子'.repeat(20), key: 'k' }])).errcode, 0, '60 bytes');
    assert.equal((await subs([{ type: 'bogus', name: 's', key: 'k' }])).errcode, 40024);
    assert.equal((await subs([{ type: 'click', name: 's', key: '' }])).errcode, 40026);
    assert.equal((await subs([{ type: 'view', name: 's' }])).errcode, 40027);
    assert.equal((await subs([{ type: 'view', name: 's', url: 'javascript:alert(1)' }])).errcode, 40054);
    assert.equal((await h.call('/cgi-bin/menu/create', { raw: '{"button":[{"type":"click","name":"\\u83dc\\u5355","key":"k"}]}' })).errcode, 40033);
    assert.equal((await h.call('/cgi-bin/menu/create', { method: 'GET' })).errcode, 43002);
  });

  test('conditional menus: 65303, 65304, 65320, trymatch, delconditional 65301, delete removes all', async () => {
    await h.call('/cgi-bin/menu/delete');
    const conditional = (matchrule: unknown) => h.call('/cgi-bin/menu/addconditional', { json: { button: [{ type: 'view', name: 'VIP', url: 'http://vip.example.com/' }], matchrule } });
    assert.equal((await conditional({ tag_id: '2' })).errcode, 65303);
    assert.equal((await create(MENU)).errcode, 0);
    assert.equal((await conditional({})).errcode, 65304);
    assert.equal((await conditional({ sex: '1' })).errcode, 65320);
    assert.equal((await conditional({ tag_id: '2', province: '广东' })).errcode, 65320);
    const added = await conditional({ tag_id: '2' });
    assert.match(added.menuid, /^\d+$/);
    assert.equal((await h.call('/cgi-bin/menu/trymatch', { json: { user_id: fan } })).button[0].name, '今日歌曲');
    await h.call('/cgi-bin/tags/members/batchtagging', { json: { openid_list: [fan], tagid: 2 } });
    assert.equal((await h.call('/cgi-bin/menu/trymatch', { json: { user_id: fan } })).button[0].name, 'VIP');
    assert.equal((await h.call('/cgi-bin/menu/trymatch', { json: { user_id: 'nobody' } })).errcode, 65302);
    const got = await h.call('/cgi-bin/menu/get');
    assert.equal(got.conditionalmenu[0].menuid, added.menuid);

    // The fan sees the conditional menu: VIEW carries its MenuId.
    receiver.pushes.length = 0;
    await h.emu.viewMenu(h.appId, fan, 'http://vip.example.com/');
    const view = parseInboundXml(receiver.pushes[0]!.body);
    assert.ok(view.msgType === 'event' && view.event === 'VIEW');
    assert.equal(view.eventKey, 'http://vip.example.com/');
    assert.equal(view.menuId, added.menuid);

    assert.equal((await h.call('/cgi-bin/menu/delconditional', { json: { menuid: '1' } })).errcode, 65301);
    assert.equal((await h.call('/cgi-bin/menu/delconditional', { json: { menuid: added.menuid } })).errcode, 0);
    await conditional({ client_platform_type: '1' });
    assert.equal((await h.call('/cgi-bin/menu/delete')).errcode, 0);
    assert.equal((await h.call('/cgi-bin/menu/get')).errcode, 46003);
  });

  test('tapping buttons pushes CLICK and scancode events with the right EventKey', async () => {
    assert.equal((await create(MENU)).errcode, 0);
    const other = h.emu.fanOpenid(h.appId, 1);
    receiver.pushes.length = 0;
    await h.emu.clickMenu(h.appId, other, 'V1001_TODAY_MUSIC');
    await h.emu.clickMenu(h.appId, other, 'rselfmenu_0_1', { scanResult: '6901234567892' });
    const [click, scan] = receiver.pushes.map((p) => parseInboundXml(p.body));
    assert.ok(click?.msgType === 'event' && click.event === 'CLICK' && click.eventKey === 'V1001_TODAY_MUSIC');
    assert.ok(scan?.msgType === 'event' && scan.event === 'scancode_push');
    assert.equal(scan.scanResult, '6901234567892');
    await assert.rejects(h.emu.clickMenu(h.appId, other, 'NOPE'), /no button/);
  });
});
