import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseInboundXml } from '@zhanggui/wechat';
import { WxError } from '../core/wx-error.ts';
import { startHarness, startReceiver, type Harness, type Receiver } from '../testing/harness.ts';
import { MAX_PERMANENT_CODES, QrStore } from './qrcode.store.ts';

describe('parametric QR codes (§4.9)', () => {
  let h: Harness;
  let receiver: Receiver;
  before(async () => {
    h = await startHarness();
    receiver = await startReceiver({ appId: h.appId, token: 'testtoken', mode: 'plaintext' });
    h.emu.updateAccount(h.appId, { callbackUrl: receiver.url });
    h.emu.createFans(h.appId, 3, { subscribed: false });
  });
  after(async () => {
    await receiver.close();
    await h.close();
  });
  const create = (body: unknown) => h.call('/cgi-bin/qrcode/create', { json: body });

  test('temporary codes default to 60 s; permanent ones have no expire_seconds; all four action names', async () => {
    const temp = await create({ action_name: 'QR_SCENE', action_info: { scene: { scene_id: 123 } } });
    assert.equal(temp.errcode, undefined, 'no errcode on success');
    assert.equal(temp.expire_seconds, 60);
    assert.match(temp.url, /^http:\/\/weixin\.qq\.com\/q\/[A-Za-z0-9]+$/);
    assert.match(temp.ticket, /^[A-Za-z0-9+/]+==$/);
    const tempStr = await create({ action_name: 'QR_STR_SCENE', expire_seconds: 2592000, action_info: { scene: { scene_str: 'shop-1' } } });
    assert.equal(tempStr.expire_seconds, 2592000);
    const permanent = await create({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 100000 } } });
    assert.equal(permanent.expire_seconds, undefined);
    const again = await create({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 100000 } } });
    assert.equal(again.ticket, permanent.ticket, 'the same permanent scene gives the same code');
    assert.ok((await create({ action_name: 'QR_LIMIT_STR_SCENE', action_info: { scene: { scene_str: 'x'.repeat(64) } } })).ticket);
  });

  test('ranges', async () => {
    const bad = [
      { action_name: 'QR_SCENE', action_info: { scene: { scene_id: 0 } } },
      { action_name: 'QR_SCENE', expire_seconds: 2592001, action_info: { scene: { scene_id: 1 } } },
      { action_name: 'QR_SCENE', expire_seconds: 0, action_info: { scene: { scene_id: 1 } } },
      { action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 100001 } } },
      { action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: '' } } },
      { action_name: 'QR_LIMIT_STR_SCENE', action_info: { scene: { scene_str: 'x'.repeat(65) } } },
    ];
    for (const body of bad) assert.equal((await create(body)).errcode, 47003, JSON.stringify(body));
    assert.equal((await create({ action_name: 'QR_FOREVER', action_info: { scene: { scene_id: 1 } } })).errcode, 40053);
  });

  test('at most 100,000 permanent codes (40053)', () => {
    const store = new QrStore();
    for (let i = 1; i <= MAX_PERMANENT_CODES; i++) store.create({ action_name: 'QR_LIMIT_STR_SCENE', action_info: { scene: { scene_str: `s${i}` } } }, 0);
    assert.throws(
      () => store.create({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 1 } } }, 0),
      (error) => error instanceof WxError && error.errcode === 40053,
    );
  });

  test('showqrcode: a PNG for live tickets, 404 for unknown and expired ones', async () => {
    const code = await create({ action_name: 'QR_SCENE', expire_seconds: 30, action_info: { scene: { scene_id: 7 } } });
    const image = await fetch(`${h.emu.url}/cgi-bin/showqrcode?ticket=${encodeURIComponent(code.ticket)}`);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.deepEqual([...Buffer.from(await image.arrayBuffer()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.equal((await fetch(`${h.emu.url}/cgi-bin/showqrcode?ticket=nope`)).status, 404);
    h.emu.advanceClock(31_000);
    assert.equal((await fetch(`${h.emu.url}/cgi-bin/showqrcode?ticket=${encodeURIComponent(code.ticket)}`)).status, 404);
    await assert.rejects(h.emu.scanQr(h.appId, h.emu.fanOpenid(h.appId, 2), code.ticket), /已过期/);
  });

  test('scanning: subscribe with qrscene_ + Ticket when not following, SCAN when following', async () => {
    const fan = h.emu.fanOpenid(h.appId, 0);
    const code = await create({ action_name: 'QR_SCENE', expire_seconds: 600, action_info: { scene: { scene_id: 123123 } } });
    receiver.pushes.length = 0;
    await h.emu.scanQr(h.appId, fan, code.ticket);
    await h.emu.scanQr(h.appId, fan, code.url);
    const [subscribe, scan] = receiver.pushes.map((p) => p.body);
    assert.match(subscribe!, /<Event><!\[CDATA\[subscribe\]\]><\/Event><EventKey><!\[CDATA\[qrscene_123123\]\]><\/EventKey><Ticket>/);
    const parsedSubscribe = parseInboundXml(subscribe!);
    assert.ok(parsedSubscribe.msgType === 'event' && parsedSubscribe.event === 'subscribe' && parsedSubscribe.ticket === code.ticket);
    const parsedScan = parseInboundXml(scan!);
    assert.ok(parsedScan.msgType === 'event' && parsedScan.event === 'SCAN');
    assert.equal(parsedScan.eventKey, '123123');
    const info = await h.call('/cgi-bin/user/info', { query: { openid: fan } });
    assert.equal(info.subscribe_scene, 'ADD_SCENE_QR_CODE');
    assert.equal(info.qr_scene, 123123);

    const strCode = await create({ action_name: 'QR_LIMIT_STR_SCENE', action_info: { scene: { scene_str: '门店A' } } });
    const second = h.emu.fanOpenid(h.appId, 1);
    await h.emu.follow(h.appId, second, { sceneTicket: strCode.ticket });
    assert.match(receiver.pushes.at(-1)!.body, /qrscene_门店A/);
    assert.equal((await h.call('/cgi-bin/user/info', { query: { openid: second } })).qr_scene_str, '门店A');
  });
});
