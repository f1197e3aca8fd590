import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseInboundXml } from '@zhanggui/wechat';
import { startHarness, startReceiver, type Harness, type Receiver } from '../testing/harness.ts';

describe('drafts and free publishing (§4.11)', () => {
  let h: Harness;
  let receiver: Receiver;
  let thumb: string;
  before(async () => {
    h = await startHarness();
    receiver = await startReceiver({ appId: h.appId, token: 'testtoken', mode: 'plaintext' });
    h.emu.updateAccount(h.appId, { callbackUrl: receiver.url });
    h.emu.createFans(h.appId, 2);
    const form = new FormData();
    form.append('media', new Blob([new Uint8Array([0xff, 0xd8, 0xff])]), 'cover.jpg');
    const url = `${h.emu.url}/cgi-bin/material/add_material?type=image&access_token=${await h.token()}`;
    thumb = ((await (await fetch(url, { method: 'POST', body: form })).json()) as { media_id: string }).media_id;
  });
  after(async () => {
    await receiver.close();
    await h.close();
  });
  const article = (extra: Record<string, unknown> = {}) => ({ title: '店庆', content: '<p>全场八折<script>alert(1)</script></p>', thumb_media_id: thumb, ...extra });

  test('add, get, update, count, list and field limits', async () => {
    assert.equal((await h.call('/cgi-bin/draft/add', { json: { articles: [article({ title: '长'.repeat(33) })] } })).errcode, 45003);
    assert.equal((await h.call('/cgi-bin/draft/add', { json: { articles: [article({ thumb_media_id: 'nope' })] } })).errcode, 40007);
    assert.equal((await h.call('/cgi-bin/draft/add', { json: { articles: [] } })).errcode, 44003);
    const added = await h.call('/cgi-bin/draft/add', { json: { articles: [article(), article({ title: '第二篇' })] } });
    assert.ok(added.media_id);
    const got = await h.call('/cgi-bin/draft/get', { json: { media_id: added.media_id } });
    assert.equal(got.news_item[0].digest, '全场八折alert(1)', 'digest defaults to the start of the text');
    assert.equal((await h.call('/cgi-bin/draft/update', { json: { media_id: added.media_id, index: 1, articles: article({ title: '改过' }) } })).errcode, 0);
    assert.equal((await h.call('/cgi-bin/draft/update', { json: { media_id: added.media_id, index: 2, articles: article() } })).errcode, 47003);
    assert.equal((await h.call('/cgi-bin/draft/count')).total_count, 1);
    const list = await h.call('/cgi-bin/draft/batchget', { json: { offset: 0, count: 20, no_content: 1 } });
    assert.equal(list.item[0].content.news_item[1].title, '改过');
    assert.equal(list.item[0].content.news_item[0].content, undefined);
  });

  test('publish: PUBLISHJOBFINISH push, status, article and its page, delete', async () => {
    const draft = await h.call('/cgi-bin/draft/add', { json: { articles: [article()] } });
    receiver.pushes.length = 0;
    const submitted = await h.call('/cgi-bin/freepublish/submit', { json: { media_id: draft.media_id } });
    assert.equal(submitted.errcode, 0);
    assert.match(submitted.publish_id, /^\d+$/);
    assert.equal((await h.call('/cgi-bin/draft/get', { json: { media_id: draft.media_id } })).errcode, 40007, 'published drafts leave the box');
    await h.emu.idle();
    const finish = parseInboundXml(receiver.pushes[0]!.body);
    assert.ok(finish.msgType === 'event' && finish.event === 'PUBLISHJOBFINISH');
    assert.equal(finish.publishId, submitted.publish_id);
    assert.equal(finish.publishStatus, 0);
    assert.equal(finish.articles.length, 1);
    const status = await h.call('/cgi-bin/freepublish/get', { json: { publish_id: submitted.publish_id } });
    assert.equal(status.publish_status, 0);
    assert.equal(status.article_id, finish.articleId);
    const pageRes = await fetch(finish.articles[0]!.articleUrl);
    assert.match(pageRes.headers.get('content-security-policy')!, /sandbox/);
    assert.equal((await h.call('/cgi-bin/freepublish/get', { json: { publish_id: '1' } })).errcode, 53502);
    assert.equal((await h.call('/cgi-bin/freepublish/delete', { json: { article_id: status.article_id, index: 0 } })).errcode, 0);
    assert.equal((await h.call('/cgi-bin/freepublish/getarticle', { json: { article_id: status.article_id } })).news_item[0].is_deleted, true);
    assert.equal((await fetch(finish.articles[0]!.articleUrl)).status, 404);
  });

  test('a draft can be mass-sent as mpnews and then leaves the box', async () => {
    const draft = await h.call('/cgi-bin/draft/add', { json: { articles: [article({ title: '群发图文' })] } });
    const sent = await h.call('/cgi-bin/message/mass/sendall', { json: { filter: { is_to_all: true }, msgtype: 'mpnews', mpnews: { media_id: draft.media_id }, send_ignore_reprint: 0 } });
    assert.equal(sent.errcode, 0);
    await h.emu.idle();
    assert.equal(h.emu.phone(h.appId, h.emu.fanOpenid(h.appId, 1)).at(-1)?.articles?.[0]?.title, '群发图文');
    assert.equal((await h.call('/cgi-bin/draft/get', { json: { media_id: draft.media_id } })).errcode, 40007);
  });
});
