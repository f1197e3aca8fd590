import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness, type Harness } from '../testing/harness.ts';

describe('OAuth web authorization (§4.12)', () => {
  let h: Harness;
  let fan: string;
  before(async () => {
    h = await startHarness();
    h.emu.createFans(h.appId, 2);
    fan = h.emu.fanOpenid(h.appId, 1);
  });
  after(() => h.close());
  const authorize = (extra: string) =>
    fetch(`${h.emu.url}/connect/oauth2/authorize?appid=${h.appId}&redirect_uri=${encodeURIComponent('http://shop.example/cb?x=1')}&response_type=code${extra}`, { redirect: 'manual' });
  const codeFor = async (scope = 'snsapi_base') => {
    const res = await authorize(`&scope=${scope}&state=abc123&openid=${fan}`);
    assert.equal(res.status, 302);
    const location = new URL(res.headers.get('location')!);
    assert.equal(location.origin + location.pathname, 'http://shop.example/cb');
    assert.equal(location.searchParams.get('x'), '1');
    assert.equal(location.searchParams.get('state'), 'abc123');
    return location.searchParams.get('code')!;
  };
  const exchange = (code: string, secret = h.secret) =>
    h.call(`/sns/oauth2/access_token?appid=${h.appId}&secret=${secret}&code=${code}&grant_type=authorization_code`, { token: null });

  test('a page opened from a fan’s phone is authorized as that fan, silently for snsapi_base only', async () => {
    const phone = await fetch(`${h.emu.url}/phone/${h.appId}/${fan}`);
    const cookie = phone.headers.getSetCookie()[0]!.split(';')[0]!;
    const silent = await fetch(`${h.emu.url}/connect/oauth2/authorize?appid=${h.appId}&redirect_uri=${encodeURIComponent('http://shop.example/cb')}&response_type=code&scope=snsapi_base&state=s1`, { redirect: 'manual', headers: { cookie } });
    assert.equal(silent.status, 302);
    const code = new URL(silent.headers.get('location')!).searchParams.get('code')!;
    const grant = (await exchange(code)) as { openid: string };
    assert.equal(grant.openid, fan);
    // snsapi_userinfo asks for consent (the picker page) even from the phone.
    const consent = await fetch(`${h.emu.url}/connect/oauth2/authorize?appid=${h.appId}&redirect_uri=${encodeURIComponent('http://shop.example/cb')}&response_type=code&scope=snsapi_userinfo&state=s2`, { redirect: 'manual', headers: { cookie } });
    assert.equal(consent.status, 200);
  });

  test('the picker page lists fans; &openid= redirects with code and state', async () => {
    const picker = await authorize('&scope=snsapi_userinfo&state=s');
    assert.equal(picker.status, 200);
    const html = await picker.text();
    assert.ok(html.includes(h.emu.fanOpenid(h.appId, 0)));
    assert.ok(html.includes('&amp;openid='));
    assert.ok((await codeFor()).length >= 16);
  });

  test('code exchange: single use (40163), 5-minute lifetime (42003), unknown (40029)', async () => {
    const code = await codeFor();
    const token = await exchange(code);
    assert.deepEqual(Object.keys(token).sort(), ['access_token', 'expires_in', 'openid', 'refresh_token', 'scope']);
    assert.equal(token.openid, fan);
    assert.equal(token.scope, 'snsapi_base');
    assert.equal((await exchange(code)).errcode, 40163);
    assert.equal((await exchange('nonsense')).errcode, 40029);
    const late = await codeFor();
    h.emu.advanceClock(5 * 60_000 + 1);
    assert.equal((await exchange(late)).errcode, 42003);
    assert.equal((await exchange(await codeFor(), 'wrong')).errcode, 40125);
  });

  test('userinfo needs snsapi_userinfo; refresh keeps the openid', async () => {
    const base = await exchange(await codeFor('snsapi_base'));
    assert.equal((await h.call(`/sns/userinfo?access_token=${base.access_token}&openid=${fan}`, { token: null })).errcode, 48001);
    const full = await exchange(await codeFor('snsapi_userinfo'));
    const info = await h.call(`/sns/userinfo?access_token=${full.access_token}&openid=${fan}&lang=zh_CN`, { token: null });
    assert.equal(info.openid, fan);
    assert.equal((await h.call(`/sns/auth?access_token=${full.access_token}&openid=${fan}`, { token: null })).errcode, 0);
    const refreshed = await h.call(`/sns/oauth2/refresh_token?appid=${h.appId}&grant_type=refresh_token&refresh_token=${full.refresh_token}`, { token: null });
    assert.equal(refreshed.openid, fan);
    assert.notEqual(refreshed.access_token, full.access_token);
  });

  test('page errors: scope missing (10010) or not allowed for the account (10005)', async () => {
    const noScope = await authorize('&state=s');
    assert.equal(noScope.status, 400);
    assert.match(await noScope.text(), /10010/);
    h.emu.updateAccount(h.appId, { type: 'subscription' });
    assert.match(await (await authorize('&scope=snsapi_base')).text(), /10005/);
    h.emu.updateAccount(h.appId, { type: 'service' });
  });
});
