import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { endpointsAt, MemoryTokenProvider, WechatApiError, WechatClient } from '@zhanggui/wechat';
import { startEmulator, type Emulator } from './index.ts';

// The SDK's typed REST client (packages/wechat) against the emulator: shapes, "no errcode" successes,
// errcode mapping and the one refresh-and-retry on a rejected token.

let emulator: Emulator;
let client: WechatClient;
let tokens: MemoryTokenProvider;
const appId = 'wx5dc1a2b3c4d5e6f7';
const secret = '0123456789abcdef0123456789abcdef';

before(async () => {
  emulator = await startEmulator({ port: 0 });
  emulator.createAccount({ appId, secret, token: 'sdktoken', mode: 'plaintext', type: 'service', verified: true });
  emulator.createFans(appId, 250, { subscribed: true });
  tokens = new MemoryTokenProvider({ appId, secret, endpoints: endpointsAt(emulator.url) });
  client = new WechatClient({ endpoints: endpointsAt(emulator.url) }, tokens);
});
after(() => emulator.close());

const openid = (i: number) => emulator.fanOpenid(appId, i);
const rejects = (errcode: number, code?: string) => (error: unknown) =>
  error instanceof WechatApiError && error.errcode === errcode && (code === undefined || error.code === code);

test('users: list pages, info, batch info (≤100) and remark', async () => {
  const page = await client.users.list();
  assert.equal(page.total, 250);
  assert.equal(page.data?.openid.length, 250);
  const info = await client.users.info(openid(0));
  assert.equal(info.subscribe, 1);
  const batch = await client.users.batchInfo([openid(1), openid(2)]);
  assert.equal(batch.user_info_list.length, 2);
  await client.users.updateRemark(openid(1), '老顾客');
  assert.equal((await client.users.info(openid(1))).remark, '老顾客');
  await assert.rejects(client.users.batchInfo(Array.from({ length: 101 }, (_, i) => openid(i))), WechatApiError);
});

test('tags: create, list, tag fans, tags of a fan, fans of a tag, blacklist', async () => {
  const { tag } = await client.tags.create('广东');
  assert.ok(tag.id > 2);
  await assert.rejects(client.tags.create('广东'), rejects(45157, 'WX_TAG_NAME_DUPLICATE'));
  await client.tags.tagFans(tag.id, [openid(3), openid(4)]);
  assert.deepEqual((await client.tags.tagsOfFan(openid(3))).tagid_list, [tag.id]);
  assert.equal((await client.tags.fansOfTag(tag.id)).count, 2);
  assert.ok((await client.tags.list()).tags.some((t) => t.name === '广东'));
  await client.tags.update(tag.id, '广东省');
  await client.tags.block([openid(5)]);
  assert.deepEqual((await client.tags.blacklist()).data?.openid, [openid(5)]);
  await client.tags.unblock([openid(5)]);
  await client.tags.untagFans(tag.id, [openid(3)]);
  await client.tags.delete(tag.id);
  await assert.rejects(client.tags.update(2, 'x'), rejects(45058, 'WX_TAG_SYSTEM'));
});

test('customer-service messages respect the window (45015) and arrive on the phone', async () => {
  await assert.rejects(client.messages.sendCustom({ touser: openid(6), msgtype: 'text', text: { content: 'hi' } }), rejects(45015, 'WX_CS_WINDOW_CLOSED'));
  await emulator.sendText(appId, openid(6), '你好');
  await client.messages.sendCustom({ touser: openid(6), msgtype: 'text', text: { content: '您好，有什么可以帮您？' } });
  await client.messages.typing(openid(6), 'Typing');
  assert.ok(emulator.phone(appId, openid(6)).some((entry) => entry.text === '您好，有什么可以帮您？'));
});

test('menus: create, get, conditional, trymatch, delete; validation errcodes', async () => {
  await client.menus.create({ button: [{ type: 'click', name: '今日推荐', key: 'TODAY' }, { name: '更多', sub_button: [{ type: 'view', name: '官网', url: 'https://example.com/' }] }] });
  const menu = await client.menus.get();
  assert.equal(menu.menu.button.length, 2);
  await assert.rejects(client.menus.create({ button: [] }), rejects(40016, 'WX_MENU_BUTTON_COUNT'));
  const { tag } = await client.tags.create('会员');
  const { menuid } = await client.menus.addConditional({ button: [{ type: 'click', name: '会员专区', key: 'VIP' }], matchrule: { tag_id: String(tag.id) } });
  assert.ok(menuid);
  await client.tags.tagFans(tag.id, [openid(7)]);
  assert.equal((await client.menus.tryMatch(openid(7))).button[0]?.name, '会员专区');
  await client.menus.deleteConditional(menuid);
  await client.menus.delete();
  await assert.rejects(client.menus.get(), rejects(46003, 'WX_MENU_NOT_FOUND'));
});

test('QR codes: create (no errcode on success) and the showqrcode image URL', async () => {
  const qr = await client.qrcodes.create({ action_name: 'QR_STR_SCENE', expire_seconds: 600, action_info: { scene: { scene_str: 'door-1' } } });
  assert.ok(qr.ticket && qr.url);
  const image = await fetch(client.qrcodes.imageUrl(qr.ticket));
  assert.equal(image.status, 200);
  assert.match(image.headers.get('content-type') ?? '', /image/);
  assert.equal((await fetch(client.qrcodes.imageUrl('nope'))).status, 404);
});

test('media and materials: upload as multipart "media", download bytes, count, list, delete', async () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const upload = await client.media.upload('image', { data: png, filename: 'a.png', contentType: 'image/png' });
  assert.ok(upload.media_id);
  const downloaded = await client.media.get(upload.media_id!);
  assert.ok('data' in downloaded && downloaded.data.equals(png));
  await assert.rejects(client.media.get('no-such-media'), rejects(40007, 'WX_MEDIA_ID_INVALID'));
  const material = await client.materials.add('image', { data: png, filename: 'b.png', contentType: 'image/png' });
  assert.ok(material.media_id && material.url);
  assert.equal((await client.materials.count()).image_count, 1);
  assert.equal((await client.materials.list('image')).item_count, 1);
  const inline = await client.media.uploadImage({ data: png, filename: 'c.png', contentType: 'image/png' });
  assert.match(inline.url, /^https?:\/\//);
  await client.materials.delete(material.media_id);
  assert.equal((await client.materials.count()).image_count, 0);
});

test('mass send: to all, by openids, preview, status; a repeated clientmsgid is refused (45065)', async () => {
  const sent = await client.mass.sendAll({ filter: { is_to_all: true }, msgtype: 'text', text: { content: '周末大促' }, clientmsgid: 'promo-1' });
  assert.ok(sent.msg_id);
  const again = await client.mass.sendAll({ filter: { is_to_all: true }, msgtype: 'text', text: { content: '周末大促' }, clientmsgid: 'promo-1' }).catch((e: unknown) => e);
  assert.ok(again instanceof WechatApiError && again.errcode === 45065);
  assert.equal(String(again.body.msg_id), String(sent.msg_id), 'the existing msg_id comes back with 45065');
  await assert.rejects(client.mass.send({ touser: [openid(8)], msgtype: 'text', text: { content: 'x' } }), rejects(40130, 'WX_OPENID_LIST_TOO_SHORT'));
  await client.mass.send({ touser: [openid(8), openid(9)], msgtype: 'text', text: { content: '专属优惠' }, clientmsgid: 'vip-1' });
  await client.mass.preview({ touser: openid(10), msgtype: 'text', text: { content: '预览' } });
  const status = await client.mass.status(sent.msg_id);
  assert.ok(['SEND_SUCCESS', 'SENDING'].includes(status.msg_status));
});

test('template messages return a msgid', async () => {
  const template = emulator.addTemplate(appId, { title: '订单状态通知', content: '{{first.DATA}} 订单 {{keyword1.DATA}}' });
  const result = await client.messages.sendTemplate({ touser: openid(11), template_id: template.template_id, data: { first: { value: '您的订单已发货' }, keyword1: { value: 'A123' } } });
  assert.ok(result.msgid);
  await assert.rejects(client.messages.sendTemplate({ touser: openid(11), template_id: 'nope', data: {} }), rejects(40037, 'WX_TEMPLATE_ID_INVALID'));
});

test('a rejected token (42001) is refetched and the call retried once', async () => {
  const before = emulator.counters(appId)['/cgi-bin/stable_token'] ?? 0;
  emulator.expireTokens(appId);
  assert.ok((await client.getCallbackIp()).ip_list.length > 0);
  assert.equal(emulator.counters(appId)['/cgi-bin/stable_token'], before + 1);
});
