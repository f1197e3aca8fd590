import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseInboundXml, type MassSendJobFinishEvent } from '@zhanggui/wechat';
import type { Emulator } from '../emulator.ts';
import { startHarness, startReceiver, type Harness, type Receiver } from '../testing/harness.ts';

const DAY = 86_400_000;
const text = (content: string) => ({ msgtype: 'text', text: { content } });

/** Moves the emulated clock to 01:00 on the 1st of next month, Beijing time, so month and day limits are predictable. */
function toNextMonth(emu: Emulator): void {
  const beijing = new Date(emu.now() + 8 * 3600_000);
  const next = Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth() + 1, 1, 1) - 8 * 3600_000;
  emu.advanceClock(next - emu.now());
}

function finishEvents(receiver: Receiver): MassSendJobFinishEvent[] {
  return receiver.pushes.map((p) => parseInboundXml(p.body)).filter((m): m is MassSendJobFinishEvent => m.msgType === 'event' && m.event === 'MASSSENDJOBFINISH');
}

describe('mass send on a verified service account (§4.5)', () => {
  let h: Harness;
  let receiver: Receiver;
  let fans: string[];
  before(async () => {
    h = await startHarness({ type: 'service', verified: true });
    receiver = await startReceiver({ appId: h.appId, token: 'testtoken', mode: 'plaintext' });
    h.emu.updateAccount(h.appId, { callbackUrl: receiver.url });
    h.emu.createFans(h.appId, 10);
    fans = Array.from({ length: 10 }, (_, i) => h.emu.fanOpenid(h.appId, i));
    toNextMonth(h.emu);
  });
  after(async () => {
    await receiver.close();
    await h.close();
  });
  const sendall = (body: Record<string, unknown>) => h.call('/cgi-bin/message/mass/sendall', { json: body });
  const send = (body: Record<string, unknown>) => h.call('/cgi-bin/message/mass/send', { json: body });

  test('sendall to all: delivered to every phone, then MASSSENDJOBFINISH; once a day', async () => {
    await h.emu.unfollow(h.appId, fans[9]!);
    receiver.pushes.length = 0;
    const result = await sendall({ filter: { is_to_all: true }, ...text('双十一大促') });
    assert.equal(result.errcode, 0);
    assert.equal(result.errmsg, 'send job submission success');
    assert.equal(typeof result.msg_id, 'number');
    await h.emu.idle();
    assert.equal(h.emu.phone(h.appId, fans[0]!).at(-1)?.text, '双十一大促');
    assert.equal(h.emu.phone(h.appId, fans[0]!).at(-1)?.source, 'mass');
    assert.ok(!h.emu.phone(h.appId, fans[9]!).some((e) => e.source === 'mass'), 'unfollowed fans get nothing');
    const [finish] = finishEvents(receiver);
    assert.ok(finish);
    assert.equal(finish.msgId, String(result.msg_id));
    assert.equal(finish.status, 'send success');
    assert.deepEqual([finish.totalCount, finish.filterCount, finish.sentCount, finish.errorCount], [9, 9, 9, 0]);
    assert.match(receiver.pushes.at(-1)!.body, /<MsgID>\d+<\/MsgID><Status><!\[CDATA\[send success\]\]><\/Status><TotalCount>9<\/TotalCount>/);
    assert.deepEqual(await h.call('/cgi-bin/message/mass/get', { json: { msg_id: String(result.msg_id) } }), { msg_id: result.msg_id, msg_status: 'SEND_SUCCESS' });

    assert.equal((await sendall({ filter: { is_to_all: true }, ...text('再来一次') })).errcode, 45028, 'is_to_all once a day');
    const tag = (await h.call('/cgi-bin/tags/create', { json: { tag: { name: '会员' } } })).tag.id;
    await h.call('/cgi-bin/tags/members/batchtagging', { json: { openid_list: fans.slice(0, 3), tagid: tag } });
    assert.equal((await sendall({ filter: { is_to_all: false, tag_id: tag }, ...text('会员专享 1') })).errcode, 0, 'tag sends may repeat');
    assert.equal((await sendall({ filter: { is_to_all: false, tag_id: tag }, ...text('会员专享 2') })).errcode, 0);
    assert.equal((await sendall({ filter: { is_to_all: false, tag_id: 99999 }, ...text('x') })).errcode, 40050);
    await h.emu.idle();
    const deliveries = h.emu.massDeliveries(h.appId);
    assert.equal(deliveries.total, 9 + 3 + 3);
    assert.equal(deliveries.perOpenid.get(fans[0]!), 3);
    assert.equal(deliveries.perOpenid.get(fans[5]!), 1);
    assert.equal(deliveries.recipients, 9);
  });

  test('clientmsgid: ≤64 bytes (45067), repeated within 24 h → 45065 with the existing msg_id', async () => {
    assert.equal((await send({ touser: fans.slice(0, 2), ...text('a'), clientmsgid: 'x'.repeat(65) })).errcode, 45067);
    const first = await send({ touser: fans.slice(0, 2), ...text('幂等'), clientmsgid: 'job-1' });
    assert.equal(first.errcode, 0);
    const again = await send({ touser: fans.slice(0, 2), ...text('幂等'), clientmsgid: 'job-1' });
    assert.equal(again.errcode, 45065);
    assert.equal(again.msg_id, first.msg_id);
    // Without clientmsgid WeChat derives one from scope + content: the identical send is refused too.
    assert.equal((await send({ touser: fans.slice(2, 4), ...text('同样内容') })).errcode, 0);
    assert.equal((await send({ touser: fans.slice(2, 4), ...text('同样内容') })).errcode, 45065);
    h.emu.advanceClock(DAY);
    assert.equal((await send({ touser: fans.slice(0, 2), ...text('幂等'), clientmsgid: 'job-1' })).errcode, 0, 'forgotten after 24 h');
    await h.emu.idle();
  });

  test('send by openid: 2..10,000 openids; each fan gets at most 4 a month (filtered, not errored)', async () => {
    assert.equal((await send({ touser: [fans[0]], ...text('x') })).errcode, 40130);
    assert.equal((await send({ touser: Array.from({ length: 10_001 }, () => fans[0]), ...text('x') })).errcode, 40032);
    assert.equal((await send({ touser: [fans[0], 'o_not_a_fan_0000000000000000'], ...text('x') })).errcode, 40003);
    receiver.pushes.length = 0;
    const pair = [fans[6]!, fans[7]!];
    for (let i = 0; i < 5; i++) assert.equal((await send({ touser: pair, ...text(`月度 ${i}`), clientmsgid: `month-${i}` })).errcode, 0);
    await h.emu.idle();
    // Job-finish pushes may arrive in any order; jobs run in submission order (msg_id order).
    const counts = finishEvents(receiver)
      .sort((a, b) => Number(a.msgId) - Number(b.msgId))
      .map((e) => [e.totalCount, e.filterCount, e.sentCount]);
    // fans 6 and 7 already got the is_to_all send this month: 3 more fit, then they are filtered.
    assert.deepEqual(counts, [
      [2, 2, 2],
      [2, 2, 2],
      [2, 2, 2],
      [2, 0, 0],
      [2, 0, 0],
    ]);
    assert.equal(h.emu.massDeliveries(h.appId).perOpenid.get(fans[6]!), 4);
  });

  test('is_to_all: once a day and 4 times a month', async () => {
    toNextMonth(h.emu);
    for (let day = 0; day < 4; day++) {
      assert.equal((await sendall({ filter: { is_to_all: true }, ...text(`全员 ${day}`) })).errcode, 0);
      h.emu.advanceClock(DAY);
    }
    assert.equal((await sendall({ filter: { is_to_all: true }, ...text('第五次') })).errcode, 45028);
    await h.emu.idle();
  });

  test('preview goes to one phone; get and delete', async () => {
    const preview = await h.call('/cgi-bin/message/mass/preview', { json: { touser: fans[8], ...text('预览一下') } });
    assert.equal(preview.errcode, 0);
    assert.equal(h.emu.phone(h.appId, fans[8]!).at(-1)?.source, 'preview');
    assert.equal((await h.call('/cgi-bin/message/mass/preview', { json: { towxname: 'someone', ...text('x') } })).errcode, 40132);
    assert.equal((await h.call('/cgi-bin/message/mass/get', { json: { msg_id: '1' } })).errcode, 40059);
    const sent = await send({ touser: [fans[0], fans[1]], ...text('不能删') });
    await h.emu.idle();
    assert.equal((await h.call('/cgi-bin/message/mass/delete', { json: { msg_id: sent.msg_id } })).errcode, 40059, 'only mpnews/mpvideo can be deleted');
    assert.equal((await sendall({ filter: { is_to_all: false, tag_id: 2 }, msgtype: 'mpnews', mpnews: { media_id: 'nope' } })).errcode, 40007);
    assert.equal((await sendall({ filter: { is_to_all: false, tag_id: 2 }, msgtype: 'sticker' })).errcode, 40008);
  });
});

describe('mass send rights by account type (§4.5, §5.3)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ type: 'subscription', verified: false });
    h.emu.createFans(h.appId, 3);
    toNextMonth(h.emu);
  });
  after(() => h.close());

  test('unverified: 48001; verified subscription: sendall once a day, send 48001', async () => {
    const all = () => h.call('/cgi-bin/message/mass/sendall', { json: { filter: { is_to_all: false, tag_id: 2 }, ...text(`hello ${Math.random()}`) } });
    assert.equal((await all()).errcode, 48001);
    h.emu.updateAccount(h.appId, { verified: true });
    assert.equal((await all()).errcode, 0);
    assert.equal((await all()).errcode, 45028, 'once a day, whatever the filter');
    const fans = [0, 1].map((i) => h.emu.fanOpenid(h.appId, i));
    assert.equal((await h.call('/cgi-bin/message/mass/send', { json: { touser: fans, ...text('x') } })).errcode, 48001);
    h.emu.advanceClock(DAY);
    assert.equal((await all()).errcode, 0, 'the next day works again');
    await h.emu.idle();
  });
});
