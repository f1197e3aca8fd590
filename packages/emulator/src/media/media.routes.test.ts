import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { endpointsAt, WechatClient } from '@zhanggui/wechat';
import { startHarness, type Harness } from '../testing/harness.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPG = Buffer.from('ffd8ffe000104a464946', 'hex');

describe('media and materials (§4.10)', () => {
  let h: Harness;
  let client: WechatClient;
  before(async () => {
    h = await startHarness();
    client = new WechatClient({ endpoints: endpointsAt(h.emu.url) }, { getToken: () => h.token(), invalidate: async () => {} });
  });
  after(() => h.close());

  const upload = async (path: string, query: Record<string, string>, file?: { data: Buffer; name: string; type?: string }, fields: Record<string, string> = {}) => {
    const form = new FormData();
    if (file) form.append('media', new Blob([new Uint8Array(file.data)], { type: file.type ?? 'application/octet-stream' }), file.name);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const url = new URL(h.emu.url + path);
    url.searchParams.set('access_token', await h.token());
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return (await fetch(url, { method: 'POST', body: form })).json() as Promise<any>;
  };

  test('temporary upload and download through the @zhanggui/wechat client', async () => {
    const uploaded = await client.media.upload('image', { data: PNG, filename: 'logo.png', contentType: 'image/png' });
    assert.equal(uploaded.type, 'image');
    assert.ok(uploaded.media_id && uploaded.media_id.length >= 32);
    assert.equal((uploaded as { errcode?: number }).errcode, undefined);
    const file = await client.media.get(uploaded.media_id!);
    assert.ok('data' in file);
    assert.deepEqual(file.data, PNG);
    assert.equal(file.filename, 'logo.png');
    const thumb = await client.media.upload('thumb', { data: JPG, filename: 'cover.jpg' });
    assert.ok(thumb.thumb_media_id);
    assert.equal(thumb.media_id, undefined);
  });

  test('type, format and size limits', async () => {
    assert.equal((await upload('/cgi-bin/media/upload', { type: 'sticker' }, { data: PNG, name: 'a.png' })).errcode, 40004);
    assert.equal((await upload('/cgi-bin/media/upload', { type: 'image' })).errcode, 41005);
    assert.equal((await upload('/cgi-bin/media/upload', { type: 'voice' }, { data: PNG, name: 'a.png' })).errcode, 40005);
    assert.equal((await upload('/cgi-bin/media/upload', { type: 'thumb' }, { data: Buffer.alloc(64 * 1024 + 1, 1), name: 'big.jpg' })).errcode, 40012);
    assert.equal((await upload('/cgi-bin/media/upload', { type: 'voice' }, { data: Buffer.alloc(2 * 1024 * 1024 + 1, 1), name: 'long.mp3' })).errcode, 40010);
    assert.equal((await upload('/cgi-bin/media/upload', { type: 'image' }, { data: Buffer.alloc(0), name: 'empty.png' })).errcode, 44001);
    assert.equal((await h.call('/cgi-bin/media/get', { query: { media_id: 'nope' } })).errcode, 40007);
  });

  test('video answers video_url; temporary media expires after 3 days', async () => {
    const video = await upload('/cgi-bin/media/upload', { type: 'video' }, { data: Buffer.from('fake mp4'), name: 'clip.mp4' });
    const got = await h.call('/cgi-bin/media/get', { query: { media_id: video.media_id } });
    assert.match(got.video_url, /^http:\/\/127\.0\.0\.1:\d+\/_emulator\/media\//);
    assert.equal((await fetch(got.video_url)).status, 200);
    h.emu.advanceClock(3 * 86_400_000 + 1);
    assert.equal((await h.call('/cgi-bin/media/get', { query: { media_id: video.media_id } })).errcode, 40007);
  });

  test('uploadimg: JPG/PNG under 1 MB', async () => {
    const ok = await upload('/cgi-bin/media/uploadimg', {}, { data: JPG, name: 'a.jpg' });
    assert.match(ok.url, /^http:\/\//);
    assert.equal(ok.errcode, undefined);
    assert.equal((await upload('/cgi-bin/media/uploadimg', {}, { data: PNG, name: 'a.gif' })).errcode, 40005);
    assert.equal((await upload('/cgi-bin/media/uploadimg', {}, { data: Buffer.alloc(1024 * 1024, 1), name: 'big.png' })).errcode, 40009);
  });

  test('permanent material: add (video needs description), get, count, list, delete, in-use 48005', async () => {
    const image = await upload('/cgi-bin/material/add_material', { type: 'image' }, { data: PNG, name: 'p.png' });
    assert.ok(image.media_id && image.url);
    assert.equal((await upload('/cgi-bin/material/add_material', { type: 'video' }, { data: Buffer.from('v'), name: 'v.mp4' })).errcode, 47003);
    const video = await upload('/cgi-bin/material/add_material', { type: 'video' }, { data: Buffer.from('v'), name: 'v.mp4' }, { description: JSON.stringify({ title: '宣传片', introduction: '简介' }) });
    assert.ok(video.media_id);
    assert.equal(video.url, undefined);
    const info = await h.call('/cgi-bin/material/get_material', { json: { media_id: video.media_id } });
    assert.equal(info.title, '宣传片');
    assert.equal(info.description, '简介');
    const bytes = await client.materials.get(image.media_id);
    assert.ok('data' in bytes && Buffer.compare(bytes.data as Buffer, PNG) === 0);
    assert.deepEqual(await h.call('/cgi-bin/material/get_materialcount'), { voice_count: 0, video_count: 1, image_count: 1, news_count: 0 });
    assert.equal((await h.call('/cgi-bin/material/batchget_material', { json: { type: 'image', offset: 0, count: 21 } })).errcode, 47003);
    const list = await h.call('/cgi-bin/material/batchget_material', { json: { type: 'image', offset: 0, count: 20 } });
    assert.equal(list.total_count, 1);
    assert.equal(list.item[0].media_id, image.media_id);
    assert.equal((await h.call('/cgi-bin/menu/create', { json: { button: [{ type: 'media_id', name: '图片', media_id: image.media_id }] } })).errcode, 0);
    assert.equal((await h.call('/cgi-bin/material/del_material', { json: { media_id: image.media_id } })).errcode, 48005);
    assert.equal((await h.call('/cgi-bin/menu/delete')).errcode, 0);
    assert.equal((await h.call('/cgi-bin/material/del_material', { json: { media_id: image.media_id } })).errcode, 0);
    assert.equal((await h.call('/cgi-bin/material/get_material', { json: { media_id: image.media_id } })).errcode, 40007);
  });

  test('uploadnews feeds an mpnews mass send, which can then be deleted', async () => {
    h.emu.createFans(h.appId, 2);
    const thumb = await upload('/cgi-bin/media/upload', { type: 'thumb' }, { data: JPG, name: 't.jpg' });
    assert.equal((await h.call('/cgi-bin/media/uploadnews', { json: { articles: [] } })).errcode, 44003);
    const news = await h.call('/cgi-bin/media/uploadnews', {
      json: { articles: [{ thumb_media_id: thumb.thumb_media_id, title: '新品上市', content: '<p>欢迎</p>', digest: '摘要' }] },
    });
    assert.equal(news.type, 'news');
    const sent = await h.call('/cgi-bin/message/mass/sendall', { json: { filter: { is_to_all: true }, msgtype: 'mpnews', mpnews: { media_id: news.media_id }, send_ignore_reprint: 0 } });
    assert.equal(sent.errcode, 0);
    assert.equal(typeof sent.msg_data_id, 'number');
    await h.emu.idle();
    const fan = h.emu.fanOpenid(h.appId, 0);
    assert.equal(h.emu.phone(h.appId, fan).at(-1)?.articles?.[0]?.title, '新品上市');
    assert.equal((await h.call('/cgi-bin/message/mass/delete', { json: { msg_id: sent.msg_id, article_idx: 0 } })).errcode, 0);
    assert.equal(h.emu.phone(h.appId, fan).at(-1)?.deleted, true);
    assert.equal((await h.call('/cgi-bin/message/mass/get', { json: { msg_id: sent.msg_id } })).msg_status, 'DELETE');
  });
});
