import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness, type Harness } from '../testing/harness.ts';

const MINUTE = 60_000;

describe('/cgi-bin/token', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());
  const tokenUrl = (query: string) => `/cgi-bin/token?${query}`;

  test('success has no errcode; a new token keeps the old one alive for 5 minutes', async () => {
    const first = await h.call(tokenUrl(`grant_type=client_credential&appid=${h.appId}&secret=${h.secret}`), { token: null });
    assert.deepEqual(Object.keys(first).sort(), ['access_token', 'expires_in']);
    assert.equal(first.expires_in, 7200);
    assert.ok(first.access_token.length >= 100);
    const second = await h.call(tokenUrl(`grant_type=client_credential&appid=${h.appId}&secret=${h.secret}`), { token: null });
    assert.notEqual(second.access_token, first.access_token);

    const ping = (token: string) => h.call('/cgi-bin/getcallbackip', { token });
    assert.deepEqual((await ping(first.access_token)).ip_list, ['127.0.0.1']);
    h.emu.advanceClock(4 * MINUTE);
    assert.ok((await ping(first.access_token)).ip_list, 'inside the 5-minute overlap both work');
    h.emu.advanceClock(1 * MINUTE + 1000);
    assert.equal((await ping(first.access_token)).errcode, 40001, 'after the overlap the old one is invalid');
    assert.ok((await ping(second.access_token)).ip_list);
    h.emu.advanceClock(7200 * 1000);
    assert.equal((await ping(second.access_token)).errcode, 42001, 'expired');
  });

  test('credential errors', async () => {
    const ask = (query: string) => h.call(tokenUrl(query), { token: null });
    assert.equal((await ask(`grant_type=client_credential&appid=${h.appId}&secret=wrong`)).errcode, 40125);
    assert.equal((await ask(`grant_type=client_credential&appid=wxnobody&secret=x`)).errcode, 40013);
    assert.equal((await ask(`grant_type=client_credential&secret=x`)).errcode, 41002);
    assert.equal((await ask(`grant_type=client_credential&appid=${h.appId}`)).errcode, 41004);
    assert.equal((await ask(`grant_type=password&appid=${h.appId}&secret=${h.secret}`)).errcode, 40002);
    const posted = await h.call(tokenUrl(`grant_type=client_credential&appid=${h.appId}&secret=${h.secret}`), { token: null, method: 'POST', raw: '{}' });
    assert.equal(posted.errcode, 43001);
    assert.match(posted.errmsg, / rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
  });

  test('access_token checks on business APIs: 41001, 40014, 40001, 42001', async () => {
    assert.equal((await h.call('/cgi-bin/getcallbackip', { token: null })).errcode, 41001);
    assert.equal((await h.call('/cgi-bin/getcallbackip', { token: 'garbage' })).errcode, 40014);
    assert.equal((await h.call('/cgi-bin/getcallbackip', { token: `86_${'A'.repeat(130)}` })).errcode, 40001);
    const token = await h.token();
    h.emu.expireTokens(h.appId);
    assert.equal((await h.call('/cgi-bin/getcallbackip', { token })).errcode, 42001);
  });

  test('daily quota (45009) and clear_quota', async () => {
    h.emu.updateAccount(h.appId, { quotas: { '/cgi-bin/token': 1 } });
    h.emu.advanceClock(24 * 3600_000);
    assert.ok((await h.token()).length > 0);
    const over = await h.call(tokenUrl(`grant_type=client_credential&appid=${h.appId}&secret=${h.secret}`), { token: null });
    assert.equal(over.errcode, 45009);
    assert.match(over.errmsg, /^reach max api daily quota limit/);
    // Tokens issued before still work for clear_quota.
    const stable = await h.call('/cgi-bin/stable_token', { token: null, json: { grant_type: 'client_credential', appid: h.appId, secret: h.secret } });
    assert.equal((await h.call('/cgi-bin/clear_quota', { token: stable.access_token, json: { appid: h.appId } })).errcode, 0);
    assert.ok((await h.token()).length > 0);
    h.emu.updateAccount(h.appId, { quotas: {} });
  });
});

describe('/cgi-bin/stable_token', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());
  const stable = (extra: Record<string, unknown> = {}) =>
    h.call('/cgi-bin/stable_token', { token: null, json: { grant_type: 'client_credential', appid: h.appId, secret: h.secret, ...extra } });

  test('normal mode returns the same token; force_refresh replaces it at once', async () => {
    const a = await stable();
    assert.equal(h.emu.counters(h.appId)['/cgi-bin/stable_token'], 1, 'stable_token was called exactly once');
    const b = await stable({ force_refresh: false });
    assert.equal(b.access_token, a.access_token);
    assert.ok(b.expires_in <= 7200 && b.expires_in > 7000);

    h.emu.advanceClock(31_000);
    const c = await stable({ force_refresh: true });
    assert.notEqual(c.access_token, a.access_token);
    assert.equal(c.expires_in, 7200);
    assert.equal((await h.call('/cgi-bin/getcallbackip', { token: a.access_token })).errcode, 40001, 'the old token dies at once');
    const d = await stable({ force_refresh: true });
    assert.equal(d.access_token, c.access_token, 'a forced refresh within 30 s does not refresh');
    assert.equal(h.emu.counters(h.appId)['/cgi-bin/stable_token'], 4);
  });

  test('renews in the last 5 minutes; both tokens work until the old one expires', async () => {
    const a = await stable();
    h.emu.advanceClock((7200 - 299) * 1000);
    const b = await stable();
    assert.notEqual(b.access_token, a.access_token);
    assert.ok(b.expires_in >= 300);
    assert.ok((await h.call('/cgi-bin/getcallbackip', { token: a.access_token })).ip_list);
    h.emu.advanceClock(300 * 1000);
    assert.equal((await h.call('/cgi-bin/getcallbackip', { token: a.access_token })).errcode, 42001);
    assert.ok((await h.call('/cgi-bin/getcallbackip', { token: b.access_token })).ip_list);
  });

  test('kept separate from /cgi-bin/token', async () => {
    const a = await stable();
    await h.token();
    await h.token();
    assert.equal((await stable()).access_token, a.access_token);
  });

  test('force_refresh is limited to 20 a day', async () => {
    h.emu.advanceClock(24 * 3600_000);
    let last: any;
    for (let i = 0; i < 21; i++) {
      h.emu.advanceClock(31_000);
      last = await stable({ force_refresh: true });
    }
    assert.equal(last.errcode, 45009);
  });

  test('errors: method, empty body, bad JSON, secret', async () => {
    assert.equal((await h.call('/cgi-bin/stable_token', { token: null, method: 'GET' })).errcode, 43002);
    assert.equal((await h.call('/cgi-bin/stable_token', { token: null, method: 'POST', raw: '' })).errcode, 44002);
    assert.equal((await h.call('/cgi-bin/stable_token', { token: null, raw: '{"appid":' })).errcode, 47001);
    assert.equal((await stable({ secret: 'nope' })).errcode, 40125);
    assert.equal((await stable({ appid: 'wxunknown' })).errcode, 40013);
  });
});

describe('permissions, faults and whitelists', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  test('the §5.3 matrix: an unverified subscription account gets 48001 for user APIs and menus', async () => {
    h.emu.updateAccount(h.appId, { type: 'subscription', verified: false });
    assert.equal((await h.call('/cgi-bin/user/get')).errcode, 48001);
    assert.equal((await h.call('/cgi-bin/menu/get')).errcode, 48001);
    h.emu.updateAccount(h.appId, { type: 'service', verified: false });
    assert.equal((await h.call('/cgi-bin/menu/get')).errcode, 46003, 'unverified service accounts have the menu API');
    h.emu.updateAccount(h.appId, { permissions: { menu: false } });
    assert.equal((await h.call('/cgi-bin/menu/get')).errcode, 48001, 'overrides apply');
    h.emu.updateAccount(h.appId, { type: 'service', verified: true, permissions: {} });
    assert.equal((await h.call('/cgi-bin/user/get')).total, 0);
  });

  test('injected API errors fire N times on the named path only', async () => {
    h.emu.injectFault(h.appId, { type: 'api-error', path: '/cgi-bin/user/get', errcode: -1, count: 2 });
    assert.equal((await h.call('/cgi-bin/user/get')).errcode, -1);
    assert.ok((await h.call('/cgi-bin/getcallbackip')).ip_list);
    assert.equal((await h.call('/cgi-bin/user/get')).errcode, -1);
    assert.equal((await h.call('/cgi-bin/user/get')).total, 0);
    assert.deepEqual(h.emu.faults(h.appId), []);
  });

  test('the next token call answers 40164 naming the IP; a whitelist does the same', async () => {
    h.emu.injectFault(h.appId, { type: 'api-error', path: '/cgi-bin/token', errcode: 40164 });
    const injected = await h.call(`/cgi-bin/token?grant_type=client_credential&appid=${h.appId}&secret=${h.secret}`, { token: null });
    assert.equal(injected.errcode, 40164);
    assert.match(injected.errmsg, /invalid ip 127\.0\.0\.1/);
    h.emu.updateAccount(h.appId, { ipWhitelist: ['10.0.0.1'] });
    const listed = await h.call(`/cgi-bin/token?grant_type=client_credential&appid=${h.appId}&secret=${h.secret}`, { token: null });
    assert.equal(listed.errcode, 40164);
    h.emu.updateAccount(h.appId, { ipWhitelist: ['127.0.0.1'] });
    assert.ok((await h.token()).length > 0);
  });

  test('latency faults delay without failing', async () => {
    h.emu.injectFault(h.appId, { type: 'api-latency', ms: 20, count: 1 });
    assert.ok((await h.call('/cgi-bin/getcallbackip')).ip_list);
    h.emu.clearFaults();
    assert.deepEqual(h.emu.faults(h.appId), []);
  });

  test('jsapi ticket: same ticket until it expires', async () => {
    const a = await h.call('/cgi-bin/ticket/getticket', { query: { type: 'jsapi' } });
    assert.equal(a.errcode, 0);
    assert.equal((await h.call('/cgi-bin/ticket/getticket', { query: { type: 'jsapi' } })).ticket, a.ticket);
  });
});
