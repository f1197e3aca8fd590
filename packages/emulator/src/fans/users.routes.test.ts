import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness, type Harness } from '../testing/harness.ts';
import { OpenidCodec } from './openid.ts';

describe('openids', () => {
  test('28 characters of [A-Za-z0-9_-], prefix o, deterministic per (appId, index), decodable', () => {
    const codec = new OpenidCodec('wx1234567890abcdef');
    const again = new OpenidCodec('wx1234567890abcdef');
    const other = new OpenidCodec('wxfedcba0987654321');
    const openids = codec.encodeMany([0, 1, 2, 999_999]);
    for (const [i, openid] of openids.entries()) {
      assert.match(openid, /^o[A-Za-z0-9_-]{27}$/);
      assert.equal(again.encode([0, 1, 2, 999_999][i]!), openid);
      assert.equal(codec.decode(openid), [0, 1, 2, 999_999][i]);
      assert.equal(other.decode(openid), -1, 'another account cannot decode it');
    }
    assert.equal(new Set(codec.encodeMany(Array.from({ length: 10_000 }, (_, i) => i))).size, 10_000);
    assert.equal(codec.decode('o6_bmjrPTlm6_2sgVt7hMZOPfL2M'), -1);
    assert.equal(codec.decode('not an openid'), -1);
  });
});

describe('followers (§4.7)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  test('a million fans, paged through user/get in pages of 10,000', async () => {
    const created = h.emu.createFans(h.appId, 1_000_000);
    assert.deepEqual(created, { first: 0, count: 1_000_000 });
    let next = '';
    let seen = 0;
    let pages = 0;
    let last: any;
    const sample = new Set<string>();
    for (;;) {
      const page = await h.call('/cgi-bin/user/get', { query: next ? { next_openid: next } : {} });
      pages += 1;
      assert.equal(page.total, 1_000_000);
      if (!page.data) {
        last = page;
        break;
      }
      assert.ok(page.count <= 10_000);
      assert.equal(page.data.openid.length, page.count);
      seen += page.count;
      sample.add(page.data.openid[0]);
      next = page.next_openid;
    }
    assert.equal(seen, 1_000_000);
    assert.equal(pages, 101);
    assert.equal(sample.size, 100);
    // The end of the list: count 0 and no data (the wechatpy-noted quirk).
    assert.equal(last.count, 0);
    assert.equal(last.data, undefined);
    assert.equal(h.emu.fanOpenid(h.appId, 999_999), next);
  });

  test('user/info, batchget and remarks', async () => {
    const fan = h.emu.fanOpenid(h.appId, 42);
    const info = await h.call('/cgi-bin/user/info', { query: { openid: fan, lang: 'zh_CN' } });
    assert.equal(info.subscribe, 1);
    assert.equal(info.openid, fan);
    assert.deepEqual(info.tagid_list, []);
    assert.equal(typeof info.subscribe_time, 'number');
    assert.equal(info.nickname, undefined, 'no nickname since 2021-12-27');
    assert.equal((await h.call('/cgi-bin/user/info', { query: { openid: 'o_nobody_00000000000000000000' } })).errcode, 40003);

    assert.equal((await h.call('/cgi-bin/user/info/updateremark', { json: { openid: fan, remark: '老客户' } })).errcode, 0);
    assert.equal((await h.call('/cgi-bin/user/info', { query: { openid: fan } })).remark, '老客户');
    assert.equal((await h.call('/cgi-bin/user/info/updateremark', { json: { openid: fan, remark: '长'.repeat(30) } })).errcode, 47003);

    await h.emu.unfollow(h.appId, fan);
    assert.deepEqual(await h.call('/cgi-bin/user/info', { query: { openid: fan } }), { subscribe: 0, openid: fan });
    const list = Array.from({ length: 3 }, (_, i) => ({ openid: h.emu.fanOpenid(h.appId, 41 + i), lang: 'zh_CN' }));
    const batch = await h.call('/cgi-bin/user/info/batchget', { json: { user_list: list } });
    assert.deepEqual(
      batch.user_info_list.map((u: { subscribe: number }) => u.subscribe),
      [1, 0, 1],
    );
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ openid: h.emu.fanOpenid(h.appId, i) }));
    assert.equal((await h.call('/cgi-bin/user/info/batchget', { json: { user_list: tooMany } })).errcode, 40032);
    assert.equal((await h.call('/cgi-bin/user/get')).total, 999_999);
  });
});
