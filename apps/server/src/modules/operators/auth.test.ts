import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Platform } from '../../app.ts';
import { registeredRoutes } from '../../platform/http/http-app.ts';
import { operatorWithRole, signIn } from '../../testing/console-client.ts';
import { createTestPlatform } from '../../testing/test-platform.ts';

let platform: Platform;
before(async () => {
  platform = await createTestPlatform();
  await platform.operators.create({ username: 'owner', displayName: '店长', password: 'correct horse battery', isAdmin: true });
});
after(() => platform.close());

test('sign in sets an HttpOnly session cookie; /me restores the session; sign out ends it', async () => {
  const login = await platform.http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'OWNER', password: 'correct horse battery' } });
  assert.equal(login.statusCode, 200);
  const setCookie = String(login.headers['set-cookie']);
  assert.match(setCookie, /^zg_session=[\w-]{20,}; Path=\/; HttpOnly; SameSite=Lax/);
  const cookie = setCookie.split(';')[0]!;
  const me = await platform.http.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  assert.equal(me.json().operator.username, 'owner');
  assert.ok(me.json().csrfToken);

  const [stored] = await platform.db.query<{ id: string }>('select id from sessions limit 1');
  assert.ok(!setCookie.includes(stored!.id), 'only a hash of the token is stored');

  const logout = await platform.http.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': me.json().csrfToken } });
  assert.equal(logout.statusCode, 204);
  assert.equal((await platform.http.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode, 401);
});

test('wrong passwords are refused with one message whether or not the user exists', async () => {
  for (const username of ['owner', 'nobody']) {
    const res = await platform.http.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'wrong password!' } });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'AUTH_INVALID_CREDENTIALS');
  }
});

test('sign-in is rate limited per username after 5 failures in 15 minutes', async () => {
  await platform.operators.create({ username: 'target', displayName: 't', password: 'correct horse battery' });
  for (let i = 0; i < 5; i++) await platform.http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'target', password: `guess number ${i}` } });
  const limited = await platform.http.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'target', password: 'correct horse battery' } });
  assert.equal(limited.statusCode, 429);
  assert.equal(limited.json().error.code, 'AUTH_RATE_LIMITED');
  assert.match(limited.json().error.message, /登录尝试过多/);
  const english = await platform.http.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'en-US' }, payload: { username: 'target', password: 'x' } });
  assert.match(english.json().error.message, /Too many sign-in attempts/);
});

test('state-changing requests without the CSRF token are refused, even with a valid session', async () => {
  const owner = await signIn(platform.http, 'owner', 'correct horse battery');
  const noToken = await owner.request('POST', '/api/operators', { username: 'x1', displayName: 'x', password: 'correct horse battery' }, { csrf: false });
  assert.equal(noToken.statusCode, 403);
  assert.equal(noToken.json().error.code, 'CSRF_FAILED');
  const wrongToken = await owner.request('POST', '/api/operators', { username: 'x1', displayName: 'x', password: 'correct horse battery' }, { csrf: false, headers: { 'x-csrf-token': 'forged' } });
  assert.equal(wrongToken.json().error.code, 'CSRF_FAILED');
  assert.equal((await owner.post('/api/operators', { username: 'x1', displayName: 'x', password: 'correct horse battery' })).statusCode, 201);
});

test('only instance administrators create operators and connect accounts', async () => {
  const plain = await operatorWithRole(platform, null, null);
  assert.equal((await plain.post('/api/operators', { username: 'x2', displayName: 'x', password: 'correct horse battery' })).statusCode, 403);
  assert.equal((await plain.post('/api/accounts', {})).json().error.code, 'FORBIDDEN');
});

test('a password change ends the other sessions and needs the current password', async () => {
  await platform.operators.create({ username: 'changer', displayName: 'c', password: 'correct horse battery' });
  const first = await signIn(platform.http, 'changer', 'correct horse battery');
  const second = await signIn(platform.http, 'changer', 'correct horse battery');
  assert.equal((await first.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'another long password' })).statusCode, 401);
  assert.equal((await first.post('/api/auth/password', { currentPassword: 'correct horse battery', newPassword: 'short' })).statusCode, 400);
  assert.equal((await first.post('/api/auth/password', { currentPassword: 'correct horse battery', newPassword: 'another long password' })).statusCode, 204);
  assert.equal((await second.get('/api/auth/me')).statusCode, 401);
  assert.equal((await first.get('/api/auth/me')).statusCode, 200);
  await signIn(platform.http, 'changer', 'another long password');
});

test('every /api route declares who may call it, and account routes declare a permission', () => {
  const api = registeredRoutes(platform.http).filter((route) => route.url.startsWith('/api/'));
  assert.ok(api.length > 30);
  for (const route of api) {
    assert.ok(route.access, `${route.method} ${route.url}`);
    if (route.url.startsWith('/api/accounts/:accountId')) assert.ok('permission' in route.access!, `${route.method} ${route.url}`);
  }
});
