import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness, type Harness } from '../testing/harness.ts';

const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describe('phone pages', () => {
  let h: Harness;
  let fan: string;
  before(async () => {
    h = await startHarness({ name: `店铺 ${XSS}` });
    h.emu.createFans(h.appId, 3);
    fan = h.emu.fanOpenid(h.appId, 0);
  });
  after(() => h.close());
  const html = async (path: string) => {
    const res = await fetch(h.emu.url + path);
    return { status: res.status, body: await res.text(), type: res.headers.get('content-type') };
  };

  test('fan and operator text is HTML-escaped on the chat page', async () => {
    await h.emu.sendText(h.appId, fan, XSS);
    assert.equal((await h.call('/cgi-bin/message/custom/send', { json: { touser: fan, msgtype: 'text', text: { content: `回复 ${XSS}` } } })).errcode, 0);
    assert.equal((await h.call('/cgi-bin/menu/create', { json: { button: [{ type: 'click', name: '<b>菜单</b>', key: '"><script>k</script>' }] } })).errcode, 0);
    const page = await html(`/phone/${h.appId}/${fan}`);
    assert.equal(page.status, 200);
    assert.match(page.type!, /text\/html/);
    assert.ok(page.body.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!page.body.includes('<script>alert'), 'no raw script from fan text');
    assert.ok(!page.body.includes('<img src=x'), 'no raw img from fan text');
    assert.ok(page.body.includes('&lt;b&gt;菜单&lt;/b&gt;'), 'menu names are escaped');
    assert.ok(!page.body.includes('"><script>k'), 'menu keys are escaped in attributes');
    assert.ok(page.body.includes('class="menu"'), 'the menu is rendered');
    assert.ok(page.body.includes('店铺 &lt;script&gt;'), 'the account name is escaped');
  });

  test('the account and fan list escapes names and finds fans by index or openid', async () => {
    const list = await html(`/phone?appId=${h.appId}`);
    assert.equal(list.status, 200);
    assert.ok(!list.body.includes('<script>alert'));
    assert.ok(list.body.includes(fan));
    const byIndex = await fetch(`${h.emu.url}/phone?appId=${h.appId}&q=2`, { redirect: 'manual' });
    assert.equal(byIndex.status, 302);
    assert.equal(byIndex.headers.get('location'), `/phone/${h.appId}/${h.emu.fanOpenid(h.appId, 2)}`);
    assert.equal((await html(`/phone/${h.appId}/nobody`)).status, 404);
  });

  test('customer-service messages reach an open phone page through SSE', async () => {
    const controller = new AbortController();
    const res = await fetch(`${h.emu.url}/phone/${h.appId}/${fan}/events`, { signal: controller.signal });
    assert.match(res.headers.get('content-type')!, /text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    await reader.read(); // ": connected"
    await h.emu.sendText(h.appId, fan, '还在吗');
    await h.call('/cgi-bin/message/custom/send', { json: { touser: fan, msgtype: 'text', text: { content: '在的，请问有什么可以帮您？' } } });
    while (!buffer.includes('请问有什么可以帮您')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
    }
    controller.abort();
    const events = buffer
      .split('\n\n')
      .filter((block) => block.startsWith('data: '))
      .map((block) => JSON.parse(block.slice(6)));
    const texts = events.filter((e) => e.kind === 'entry').map((e) => [e.entry.side, e.entry.text]);
    assert.deepEqual(texts.slice(-2), [
      ['fan', '还在吗'],
      ['account', '在的，请问有什么可以帮您？'],
    ]);
  });

  test('a page\'s stream picks up where its render ended, and a follow state that changed meanwhile reloads it', async () => {
    const page = await html(`/phone/${h.appId}/${fan}`);
    const cfg = JSON.parse(/<script type="application\/json" id="cfg">(.*?)<\/script>/s.exec(page.body)![1]!) as { events: string };
    assert.match(cfg.events, /\?after=\d+&subscribed=1$/);
    // Between the render and the EventSource connecting, the account answers: the stream must still carry it.
    await h.call('/cgi-bin/message/custom/send', { json: { touser: fan, msgtype: 'text', text: { content: '迟到的回复' } } });
    const first = await firstEvents(h.emu.url + cfg.events);
    assert.deepEqual(first.filter((e) => e.kind === 'entry').map((e) => e.entry?.text), ['迟到的回复']);
    const stale = await firstEvents(h.emu.url + cfg.events.replace('subscribed=1', 'subscribed=0'));
    assert.deepEqual(stale, [{ kind: 'state' }]);
  });

  test('the phone can "scan" by picking one of the account\'s codes', async () => {
    const created = await h.call('/cgi-bin/qrcode/create', { json: { action_name: 'QR_LIMIT_STR_SCENE', action_info: { scene: { scene_str: 'door<1>' } } } });
    const page = await html(`/phone/${h.appId}/${fan}`);
    assert.ok(page.body.includes('id="pick-code"'));
    assert.ok(page.body.includes(`<option value="${created.ticket}">场景 door&lt;1&gt; · 永久</option>`), 'listed by scene, escaped');
  });

  test('fan actions over the control API drive the same phone', async () => {
    const res = await fetch(`${h.emu.url}/_emulator/accounts/${h.appId}/fans/${fan}/actions/location`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latitude: 31.23, longitude: 121.47, label: '人民广场' }),
    });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { outcome: string }).outcome, 'no_reply');
    const phone = (await (await fetch(`${h.emu.url}/_emulator/accounts/${h.appId}/fans/${fan}/phone`)).json()) as Array<{ location?: unknown }>;
    assert.deepEqual(phone.at(-1)?.location, { latitude: 31.23, longitude: 121.47, scale: 15, label: '人民广场' });
    const bad = await fetch(`${h.emu.url}/_emulator/accounts/${h.appId}/fans/${fan}/actions/teleport`, { method: 'POST' });
    assert.equal(bad.status, 404);
    assert.equal(((await bad.json()) as { error: string }).error, 'ACTION_UNKNOWN');
  });
});

/** The data events a fresh SSE connection sends straight away (read until a short quiet spell). */
async function firstEvents(url: string): Promise<Array<{ kind: string; entry?: { text?: string } }>> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const quiet = new Promise<null>((resolve) => setTimeout(() => resolve(null), 300));
    const chunk = await Promise.race([reader.read(), quiet]);
    if (!chunk || chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
  }
  controller.abort();
  return buffer
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => JSON.parse(block.slice(6)));
}
