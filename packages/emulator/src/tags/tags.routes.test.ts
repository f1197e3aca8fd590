import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness, type Harness } from '../testing/harness.ts';

describe('tags and blacklist (§4.6)', () => {
  let h: Harness;
  let fans: string[];
  before(async () => {
    h = await startHarness();
    h.emu.createFans(h.appId, 60);
    fans = Array.from({ length: 60 }, (_, i) => h.emu.fanOpenid(h.appId, i));
  });
  after(() => h.close());
  const create = (name: unknown) => h.call('/cgi-bin/tags/create', { json: { tag: { name } } });

  test('create, list with 星标组, rename, duplicate and length limits', async () => {
    const created = await create('广东');
    assert.deepEqual(Object.keys(created), ['tag']);
    assert.equal(created.tag.name, '广东');
    const list = await h.call('/cgi-bin/tags/get');
    assert.deepEqual(list.tags[0], { id: 2, name: '星标组', count: 0 });
    assert.equal((await create('广东')).errcode, 45157);
    assert.equal((await create('长'.repeat(31))).errcode, 45158);
    assert.equal((await create('长'.repeat(30))).tag.name.length, 30);
    assert.equal((await h.call('/cgi-bin/tags/update', { json: { tag: { id: created.tag.id, name: '广州' } } })).errcode, 0);
    assert.equal((await h.call('/cgi-bin/tags/update', { json: { tag: { id: 2, name: 'x' } } })).errcode, 45058);
    assert.equal((await h.call('/cgi-bin/tags/delete', { json: { tag: { id: 1 } } })).errcode, 45058);
    assert.equal((await h.call('/cgi-bin/tags/update', { json: { tag: { id: 9999, name: 'x' } } })).errcode, 45159);
  });

  test('escaped Chinese in tag names is refused with 40033', async () => {
    const result = await h.call('/cgi-bin/tags/create', { raw: '{"tag":{"name":"\\u5317\\u4eac"}}' });
    assert.equal(result.errcode, 40033);
    assert.equal((await h.call('/cgi-bin/tags/create', { raw: '{"tag":{"name":"Beijing\\u0020"}}' })).tag.name, 'Beijing ');
  });

  test('at most 100 tags (45056)', async () => {
    const existing = (await h.call('/cgi-bin/tags/get')).tags.length - 1;
    for (let i = existing; i < 100; i++) assert.ok((await create(`标签${i}`)).tag);
    assert.equal((await create('第101个')).errcode, 45056);
    const tags = (await h.call('/cgi-bin/tags/get')).tags;
    for (const tag of tags.slice(3)) assert.equal((await h.call('/cgi-bin/tags/delete', { json: { tag: { id: tag.id } } })).errcode, 0);
  });

  test('batch tagging: ≤50 openids, valid openids, ≤20 tags per fan', async () => {
    const tag = (await create('批量')).tag.id;
    const tagging = (openids: unknown[], tagid = tag) => h.call('/cgi-bin/tags/members/batchtagging', { json: { openid_list: openids, tagid } });
    assert.equal((await tagging(fans.slice(0, 51))).errcode, 40032);
    assert.equal((await tagging([fans[0], 'o_invalid_openid_00000000000'])).errcode, 40003);
    h.emu.createAccount({ appId: 'wxotheraccount01', secret: 's', token: 'tok', mode: 'plaintext' });
    h.emu.createFans('wxotheraccount01', 1);
    assert.equal((await tagging([h.emu.fanOpenid('wxotheraccount01', 0)])).errcode, 49003, 'another account’s openid');
    assert.equal((await tagging([fans[0]], 99999)).errcode, 45159);
    assert.equal((await tagging(fans.slice(0, 50))).errcode, 0);
    assert.deepEqual((await h.call('/cgi-bin/tags/getidlist', { json: { openid: fans[0] } })).tagid_list, [tag]);
    const members = await h.call('/cgi-bin/user/tag/get', { json: { tagid: tag, next_openid: '' } });
    assert.equal(members.count, 50);
    assert.equal((await h.call('/cgi-bin/tags/get')).tags.find((t: { id: number }) => t.id === tag).count, 50);

    const many: number[] = [];
    for (let i = 0; i < 19; i++) many.push((await create(`多${i}`)).tag.id);
    for (const id of many) assert.equal((await tagging([fans[0]], id)).errcode, 0);
    const twentyFirst = (await create('第21个')).tag.id;
    assert.equal((await tagging([fans[0], fans[1]], twentyFirst)).errcode, 45059);
    assert.deepEqual((await h.call('/cgi-bin/tags/getidlist', { json: { openid: fans[1] } })).tagid_list, [tag], 'all or nothing');
    assert.equal((await h.call('/cgi-bin/tags/members/batchuntagging', { json: { openid_list: [fans[0]], tagid: tag } })).errcode, 0);
    assert.equal((await tagging([fans[0]], twentyFirst)).errcode, 0);
    assert.equal((await tagging([fans[5]], 2)).errcode, 0, '星标组 can be used');
  });

  test('blacklist: ≤20 per call, paged list, unblock', async () => {
    assert.equal((await h.call('/cgi-bin/tags/members/batchblacklist', { json: { openid_list: fans.slice(0, 21) } })).errcode, 40032);
    assert.equal((await h.call('/cgi-bin/tags/members/batchblacklist', { json: { openid_list: fans.slice(10, 13) } })).errcode, 0);
    const list = await h.call('/cgi-bin/tags/members/getblacklist', { json: { begin_openid: '' } });
    assert.equal(list.total, 3);
    assert.deepEqual(list.data.openid, fans.slice(10, 13));
    const end = await h.call('/cgi-bin/tags/members/getblacklist', { json: { begin_openid: list.next_openid } });
    assert.equal(end.count, 0);
    assert.equal(end.data, undefined);
    assert.equal((await h.call('/cgi-bin/tags/members/batchunblacklist', { json: { openid_list: [fans[10]] } })).errcode, 0);
    assert.equal((await h.call('/cgi-bin/tags/members/getblacklist', { json: { begin_openid: '' } })).total, 2);
    const blocked = await h.emu.sendText(h.appId, fans[11]!, '我被拉黑了');
    assert.equal(blocked.outcome, 'no_reply');
    assert.match(blocked.error!, /blacklisted/);
  });

  test('deleting a tag removes it from fans', async () => {
    const id = (await create('临时')).tag.id;
    await h.call('/cgi-bin/tags/members/batchtagging', { json: { openid_list: [fans[30]], tagid: id } });
    const tagsOf30 = async () => (await h.call('/cgi-bin/tags/getidlist', { json: { openid: fans[30] } })).tagid_list as number[];
    assert.ok((await tagsOf30()).includes(id));
    assert.equal((await h.call('/cgi-bin/tags/delete', { json: { tag: { id } } })).errcode, 0);
    assert.ok(!(await tagsOf30()).includes(id));
  });
});
