import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseInboundXml } from '@zhanggui/wechat';
import { startHarness, startReceiver, type Harness, type Receiver } from '../testing/harness.ts';

const text = (touser: string, content = 'hi') => ({ touser, msgtype: 'text', text: { content } });

describe('customer-service windows (§4.3)', () => {
  let h: Harness;
  let fans: string[];
  before(async () => {
    h = await startHarness();
    h.emu.createFans(h.appId, 5);
    fans = [0, 1, 2, 3, 4].map((i) => h.emu.fanOpenid(h.appId, i));
  });
  after(() => h.close());
  const send = (body: unknown) => h.call('/cgi-bin/message/custom/send', { json: body });

  test('no interaction: 45015', async () => {
    assert.equal((await send(text(fans[0]!))).errcode, 45015);
  });

  test('a fan message opens 48 h with 5 messages; the 6th is 45047; after 48 h 45015', async () => {
    await h.emu.sendText(h.appId, fans[1]!, '在吗');
    for (let i = 0; i < 5; i++) assert.equal((await send(text(fans[1]!, `回复${i}`))).errcode, 0);
    assert.equal((await send(text(fans[1]!))).errcode, 45047);
    const phone = h.emu.phone(h.appId, fans[1]!);
    assert.equal(phone.filter((e) => e.source === 'custom').length, 5);
    await h.emu.sendText(h.appId, fans[1]!, '再问一次');
    assert.equal((await send(text(fans[1]!))).errcode, 0, 'a new message gives a fresh quota');
    h.emu.advanceClock(48 * 3600_000 + 1000);
    assert.equal((await send(text(fans[1]!))).errcode, 45015);
  });

  test('a follow opens 1 minute with 3 messages', async () => {
    await h.emu.unfollow(h.appId, fans[2]!);
    assert.equal((await send(text(fans[2]!))).errcode, 43004, 'not a follower');
    await h.emu.follow(h.appId, fans[2]!);
    for (let i = 0; i < 3; i++) assert.equal((await send(text(fans[2]!))).errcode, 0);
    assert.equal((await send(text(fans[2]!))).errcode, 45047);
    h.emu.advanceClock(61_000);
    assert.equal((await send(text(fans[2]!))).errcode, 45015);
  });

  test('a CLICK opens 1 minute / 3 messages and does not open the 48-hour window', async () => {
    assert.equal((await h.call('/cgi-bin/menu/create', { json: { button: [{ type: 'click', name: '客服', key: 'KF' }] } })).errcode, 0);
    await h.emu.clickMenu(h.appId, fans[3]!, 'KF');
    for (let i = 0; i < 3; i++) assert.equal((await send(text(fans[3]!))).errcode, 0);
    assert.equal((await send(text(fans[3]!))).errcode, 45047);
    h.emu.advanceClock(61_000);
    assert.equal((await send(text(fans[3]!))).errcode, 45015);
  });

  test('typing needs a window and uses none of its quota', async () => {
    assert.equal((await h.call('/cgi-bin/message/custom/typing', { json: { touser: fans[4], command: 'Typing' } })).errcode, 45015);
    await h.emu.sendText(h.appId, fans[4]!, 'hello');
    for (let i = 0; i < 3; i++) assert.equal((await h.call('/cgi-bin/message/custom/typing', { json: { touser: fans[4], command: 'Typing' } })).errcode, 0);
    for (let i = 0; i < 5; i++) assert.equal((await send(text(fans[4]!))).errcode, 0);
  });

  test('message checks: bad openid 40003, news with 2 articles 45008, bad media 40007, bad type 40008', async () => {
    await h.emu.sendText(h.appId, fans[0]!, 'open');
    assert.equal((await send(text('o_not_a_real_openid_000000000'))).errcode, 40003);
    const news = (n: number) => ({ touser: fans[0], msgtype: 'news', news: { articles: Array.from({ length: n }, () => ({ title: 't', url: 'http://x/' })) } });
    assert.equal((await send(news(2))).errcode, 45008);
    assert.equal((await send({ touser: fans[0], msgtype: 'image', image: { media_id: 'missing' } })).errcode, 40007);
    assert.equal((await send({ touser: fans[0], msgtype: 'mpnews', mpnews: { media_id: 'x' } })).errcode, 40008);
    assert.equal((await send({ touser: fans[0], msgtype: 'text', text: { content: '' } })).errcode, 44004);
    assert.equal((await send(news(1))).errcode, 0);
    assert.equal(h.emu.phone(h.appId, fans[0]!).at(-1)?.articles?.length, 1);
  });

  test('the customer-service API needs a verified account (48001)', async () => {
    h.emu.updateAccount(h.appId, { verified: false });
    assert.equal((await send(text(fans[0]!))).errcode, 48001);
    h.emu.updateAccount(h.appId, { verified: true });
  });
});

describe('template messages (§4.4)', () => {
  let h: Harness;
  let receiver: Receiver;
  let fan: string;
  let templateId: string;
  before(async () => {
    h = await startHarness();
    receiver = await startReceiver({ appId: h.appId, token: 'testtoken', mode: 'plaintext' });
    h.emu.updateAccount(h.appId, { callbackUrl: receiver.url });
    h.emu.createFans(h.appId, 2);
    fan = h.emu.fanOpenid(h.appId, 0);
    const added = await h.call('/cgi-bin/template/api_add_template', { json: { template_id_short: 'TM00015' } });
    templateId = added.template_id;
  });
  after(async () => {
    await receiver.close();
    await h.close();
  });
  const send = (body: Record<string, unknown>) =>
    h.call('/cgi-bin/message/template/send', { json: { touser: fan, template_id: templateId, data: { first: { value: '订单已发货' } }, ...body } });

  test('returns msgid, shows on the phone and pushes TEMPLATESENDJOBFINISH', async () => {
    const result = await send({ url: 'http://shop.example/1' });
    assert.equal(result.errcode, 0);
    assert.equal(typeof result.msgid, 'number');
    const entry = h.emu.phone(h.appId, fan).at(-1)!;
    assert.equal(entry.source, 'template');
    assert.equal(entry.template?.data.first?.value, '订单已发货');
    await h.emu.idle();
    const finish = receiver.pushes.map((p) => parseInboundXml(p.body)).find((m) => m.msgType === 'event' && m.event === 'TEMPLATESENDJOBFINISH');
    assert.ok(finish && finish.msgType === 'event' && finish.event === 'TEMPLATESENDJOBFINISH');
    assert.equal(finish.msgId, String(result.msgid));
    assert.equal(finish.status, 'success');
    assert.match(receiver.pushes.at(-1)!.body, /<MsgID>\d+<\/MsgID>/);
  });

  test('client_msg_id dedups for 10 minutes', async () => {
    const a = await send({ client_msg_id: 'order-42' });
    const b = await send({ client_msg_id: 'order-42' });
    assert.equal(b.msgid, a.msgid);
    assert.equal(h.emu.phone(h.appId, fan).filter((e) => e.msgId === String(a.msgid)).length, 1);
    h.emu.advanceClock(10 * 60_000 + 1);
    assert.notEqual((await send({ client_msg_id: 'order-42' })).msgid, a.msgid);
  });

  test('errors: 40037 template, 40003 openid, 43004 unfollowed, 47003 data, 48001 not a verified service account', async () => {
    assert.equal((await send({ template_id: 'nope' })).errcode, 40037);
    assert.equal((await send({ touser: 'oNOTAFAN' })).errcode, 40003);
    assert.equal((await send({ data: { first: {} } })).errcode, 47003);
    await h.emu.unfollow(h.appId, h.emu.fanOpenid(h.appId, 1));
    assert.equal((await send({ touser: h.emu.fanOpenid(h.appId, 1) })).errcode, 43004);
    h.emu.updateAccount(h.appId, { type: 'subscription' });
    assert.equal((await send({})).errcode, 48001);
    h.emu.updateAccount(h.appId, { type: 'service' });
  });
});
