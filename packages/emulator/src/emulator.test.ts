import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runEmulatorCli, startEmulator } from './index.ts';

describe('startEmulator and the control API', () => {
  test('accounts, fans, actions, counters and faults over /_emulator', async () => {
    const emu = await startEmulator({ port: 0 });
    try {
      assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const json = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(emu.url + path, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: body === undefined ? {} : { 'content-type': 'application/json' } });
        return { status: res.status, body: (await res.json()) as any };
      };
      const created = await json('POST', '/_emulator/accounts', { appId: 'wxcontrol000001', secret: 's', token: 'tok123', mode: 'safe', type: 'subscription', verified: false });
      assert.equal(created.status, 201);
      assert.match(created.body.originalId, /^gh_[0-9a-f]{12}$/);
      assert.equal(created.body.encodingAesKey.length, 43);
      assert.equal(created.body.effectivePermissions.users, false);
      assert.equal((await json('POST', '/_emulator/accounts', { appId: 'wxcontrol000001', secret: 's', token: 'tok123', mode: 'safe' })).status, 409);
      assert.equal((await json('POST', '/_emulator/accounts', { appId: 'wxbad', secret: 's', token: 't', mode: 'safe' })).status, 400);
      const patched = await json('PATCH', '/_emulator/accounts/wxcontrol000001', { type: 'service', verified: true, mode: 'plaintext' });
      assert.equal(patched.body.effectivePermissions.template, true);

      assert.deepEqual((await json('POST', '/_emulator/fans', { appId: 'wxcontrol000001', count: 5 })).body, { first: 0, count: 5 });
      const openid = (await json('GET', '/_emulator/accounts/wxcontrol000001/fan-openid/3')).body.openid;
      assert.equal(openid, emu.fanOpenid('wxcontrol000001', 3));
      const listed = await json('GET', '/_emulator/accounts/wxcontrol000001/fans?offset=2&limit=2');
      assert.deepEqual(
        listed.body.fans.map((f: { index: number }) => f.index),
        [2, 3],
      );
      const action = await json('POST', `/_emulator/accounts/wxcontrol000001/fans/${openid}/actions/text`, { content: '你好' });
      assert.equal(action.body.outcome, 'no_reply');
      assert.equal((await json('GET', `/_emulator/accounts/wxcontrol000001/fans/${openid}`)).body.windows.message.left, 5);
      assert.equal((await json('POST', `/_emulator/accounts/wxcontrol000001/fans/${openid}/actions/follow`, {})).status, 409);

      await fetch(`${emu.url}/cgi-bin/token?grant_type=client_credential&appid=wxcontrol000001&secret=s`);
      assert.equal((await json('GET', '/_emulator/accounts/wxcontrol000001/counters')).body['/cgi-bin/token'], 1);
      assert.equal((await json('POST', '/_emulator/accounts/wxcontrol000001/faults', { type: 'api-error', path: '/cgi-bin/token', errcode: 45009, count: 2 })).status, 201);
      assert.equal((await json('POST', '/_emulator/accounts/wxcontrol000001/faults', { type: 'nonsense' })).status, 400);
      assert.equal((await json('GET', '/_emulator/accounts/wxcontrol000001/faults')).body[0].left, 2);
      const busy = await (await fetch(`${emu.url}/cgi-bin/token?grant_type=client_credential&appid=wxcontrol000001&secret=s`)).json();
      assert.equal((busy as { errcode: number }).errcode, 45009);
      assert.equal((await json('DELETE', '/_emulator/faults')).status, 200);
      assert.deepEqual((await json('GET', '/_emulator/accounts/wxcontrol000001/faults')).body, []);
      assert.equal((await json('GET', '/_emulator/accounts/wxcontrol000001/mass-deliveries')).body.total, 0);

      const unknown = await fetch(`${emu.url}/cgi-bin/does/not/exist`);
      assert.equal(unknown.status, 404);
      assert.equal(((await unknown.json()) as { errcode: number }).errcode, -1);

      assert.equal((await json('POST', '/_emulator/reset')).status, 200);
      assert.deepEqual((await json('GET', '/_emulator/accounts')).body, []);
    } finally {
      await emu.close();
    }
  });
});

describe('close', () => {
  test('ends pending pushes instead of waiting out their timeouts and retries', async () => {
    // A callback that accepts connections and never answers.
    const sockets: Array<import('node:net').Socket> = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const emu = await startEmulator({ port: 0 });
    emu.createAccount({ appId: 'wxclose00000001', secret: 's', token: 'tok123', mode: 'plaintext', callbackUrl: `http://127.0.0.1:${port}/wx` });
    emu.createFans('wxclose00000001', 2);
    emu.createFans('wxclose00000001', 1, { subscribed: false });
    const token = ((await (await fetch(`${emu.url}/cgi-bin/token?grant_type=client_credential&appid=wxclose00000001&secret=s`)).json()) as { access_token: string }).access_token;
    const sent = await fetch(`${emu.url}/cgi-bin/message/mass/sendall?access_token=${token}`, {
      method: 'POST',
      body: JSON.stringify({ filter: { is_to_all: true }, msgtype: 'text', text: { content: 'bye' } }),
    });
    assert.equal(((await sent.json()) as { errcode: number }).errcode, 0);
    const pending = emu.follow('wxclose00000001', emu.fanOpenid('wxclose00000001', 2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await emu.close();
    assert.equal((await pending).outcome, 'failed');
    for (const socket of sockets) socket.destroy();
    silent.close();
  });
});

describe('state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zg-emulator-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('accounts, fans, tags, menus, QR codes and phone histories survive a restart', async () => {
    const stateFile = join(dir, 'state.json');
    const first = await startEmulator({ port: 0, stateFile });
    first.createAccount({ appId: 'wxpersist000001', secret: 's', token: 'tok123', mode: 'compatible' });
    first.createFans('wxpersist000001', 20_000);
    const fan = first.fanOpenid('wxpersist000001', 7);
    await first.unfollow('wxpersist000001', first.fanOpenid('wxpersist000001', 9_000));
    await first.unfollow('wxpersist000001', first.fanOpenid('wxpersist000001', 15_000));
    await first.sendText('wxpersist000001', fan, '记得我');
    const token = ((await (await fetch(`${first.url}/cgi-bin/token?grant_type=client_credential&appid=wxpersist000001&secret=s`)).json()) as { access_token: string }).access_token;
    const call = (base: string, path: string, body?: unknown) =>
      fetch(`${base}${path}${path.includes('?') ? '&' : '?'}access_token=${token}`, { method: body ? 'POST' : 'GET', body: body ? JSON.stringify(body) : undefined }).then((r) => r.json() as Promise<any>);
    const tag = (await call(first.url, '/cgi-bin/tags/create', { tag: { name: '老客' } })).tag.id;
    await call(first.url, '/cgi-bin/tags/members/batchtagging', { openid_list: [fan], tagid: tag });
    await call(first.url, '/cgi-bin/menu/create', { button: [{ type: 'click', name: '签到', key: 'CHECKIN' }] });
    const qr = await call(first.url, '/cgi-bin/qrcode/create', { action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 9 } } });
    const account = first.account('wxpersist000001');
    await first.close();

    const second = await startEmulator({ port: 0, stateFile });
    try {
      const restored = second.account('wxpersist000001');
      assert.equal(restored.encodingAesKey, account.encodingAesKey);
      assert.equal(restored.fanCount, 20_000);
      // Fan state below index 10,000 is kept; above it the bulk-creation record is replayed (fan 15,000 follows again).
      assert.equal(restored.subscribedCount, 19_999);
      assert.equal(second.fanOpenid('wxpersist000001', 7), fan);
      assert.deepEqual(
        second.phone('wxpersist000001', fan).map((e) => e.text),
        ['记得我'],
      );
      assert.deepEqual((await call(second.url, '/cgi-bin/tags/getidlist', { openid: fan })).tagid_list, [tag], 'tokens survive too');
      assert.equal((await call(second.url, '/cgi-bin/menu/get')).menu.button[0].key, 'CHECKIN');
      assert.equal((await fetch(`${second.url}/cgi-bin/showqrcode?ticket=${encodeURIComponent(qr.ticket)}`)).status, 200);
    } finally {
      await second.close();
    }
  });
});

describe('runEmulatorCli', () => {
  test('parses flags, creates the account and fans, prints the URLs and stops on abort', async () => {
    const lines: string[] = [];
    const controller = new AbortController();
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(`ERR ${line}`), signal: controller.signal };
    const running = runEmulatorCli(
      ['--port', '0', '--host', '127.0.0.1', '--appid', 'wxcli0000000001', '--secret', 'sec', '--token', 'tok123', '--mode', 'safe', '--type', 'service', '--verified', '--callback', 'http://127.0.0.1:3000/wx/1', '--fans', '20'],
      io,
    );
    while (!lines.some((line) => line.includes('fans 20'))) await new Promise((resolve) => setTimeout(resolve, 10));
    const base = /listening on (http:\/\/\S+)/.exec(lines.join('\n'))![1]!;
    const accounts = (await (await fetch(`${base}/_emulator/accounts`)).json()) as Array<{ appId: string; fanCount: number; callbackUrl: string; mode: string }>;
    assert.equal(accounts[0]?.appId, 'wxcli0000000001');
    assert.equal(accounts[0]?.fanCount, 20);
    assert.equal(accounts[0]?.mode, 'safe');
    assert.equal(accounts[0]?.callbackUrl, 'http://127.0.0.1:3000/wx/1');
    assert.ok(lines.some((line) => line.includes('/phone')));
    controller.abort();
    assert.equal(await running, 0);
    assert.equal(await runEmulatorCli(['--appid'], io), 2);
    assert.equal(await runEmulatorCli(['--help'], io), 0);
  });
});
