import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { QrChannelSeries, QrChannelView, QrCodeView, TagView } from '@zhanggui/shared';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { operatorWithRole, type ConsoleClient } from '../../testing/console-client.ts';
import { waitFor } from '../../testing/wait-for.ts';
import { startLoop, type Loop, type LoopAccount } from '../../testing/emulator-loop.ts';

// QR channels end to end: codes made through the console's API on the emulator, scanned by simulated
// fans (follow through a code, or SCAN while following), attributed, tagged and welcomed.

let loop: Loop;
let account: LoopAccount;
let owner: ConsoleClient;
let base: string;
let nextFan = 0;

before(async () => {
  loop = await startLoop();
  account = await loop.connect({ mode: 'safe', type: 'service', verified: true });
  owner = await operatorWithRole(loop.platform, account.id, 'owner');
  base = `/api/accounts/${account.id}`;
  loop.emulator.createFans(account.appId, 30, { subscribed: false });
});
after(() => loop.close());

const fan = () => loop.emulator.fanOpenid(account.appId, nextFan++);
const text = (reply: unknown) => (reply as { type: string; content?: string } | undefined)?.content;

async function channel(input: Record<string, unknown>): Promise<QrChannelView> {
  const res = await owner.post(`${base}/qr-channels`, input);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function code(channelId: number, input: Record<string, unknown>): Promise<QrCodeView> {
  const res = await owner.post(`${base}/qr-channels/${channelId}/codes`, input);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function stats(channelId: number): Promise<QrChannelView['stats']> {
  const list = (await owner.get(`${base}/qr-channels`)).json() as QrChannelView[];
  return list.find((c) => c.id === channelId)!.stats;
}

async function fanRow(openid: string) {
  const [row] = await loop.platform.db.query<{ id: number; first_channel_id: number | null; last_channel_id: number | null; qr_scene: string | null }>(
    'select id, first_channel_id, last_channel_id, qr_scene from fans where account_id = $1 and openid = $2',
    [account.id, openid],
  );
  return row!;
}

test('the platform allocates scenes: concurrent codes never collide, and WeChat knows every one', async () => {
  const a = await channel({ name: '门店 A' });
  const b = await channel({ name: '门店 B' });
  const made = await Promise.all([
    ...Array.from({ length: 12 }, (_, i) => code(i % 2 ? a.id : b.id, { kind: 'permanent', sceneType: 'int' })),
    ...Array.from({ length: 4 }, () => code(a.id, { kind: 'permanent', sceneType: 'str' })),
    ...Array.from({ length: 4 }, () => code(b.id, { kind: 'temporary', sceneType: 'int', expireSeconds: 3600 })),
    ...Array.from({ length: 2 }, () => code(b.id, { kind: 'temporary', sceneType: 'str', expireSeconds: 86_400 })),
  ]);
  const scenes = made.map((c) => c.scene);
  assert.equal(new Set(scenes).size, scenes.length, `no scene twice: ${scenes.join(' ')}`);
  const permanentInts = made.filter((c) => c.kind === 'permanent' && c.sceneType === 'int').map((c) => Number(c.scene)).sort((x, y) => x - y);
  assert.deepEqual(permanentInts, Array.from({ length: 12 }, (_, i) => i + 1), 'permanent integer scenes are 1…n (WeChat allows 1–100,000)');
  for (const temp of made.filter((c) => c.kind === 'temporary' && c.sceneType === 'int')) assert.ok(Number(temp.scene) > 100_000, 'temporary integer scenes stay above the permanent range');
  for (const str of made.filter((c) => c.sceneType === 'str')) assert.ok(!/^\d+$/.test(str.scene), 'a string scene is never all digits (a SCAN push carries the bare value)');
  for (const temp of made.filter((c) => c.kind === 'temporary')) assert.ok(temp.expiresAt && Date.parse(temp.expiresAt) > Date.now());
  // Each ticket is a real code on WeChat: its image is served, and scanning it pushes its scene.
  const image = await fetch(`${loop.emulator.url}/cgi-bin/showqrcode?ticket=${encodeURIComponent(made[0]!.ticket)}`);
  assert.equal(image.status, 200);
});

test('a follow through a code is attributed to the channel, tagged, and answered with the channel’s welcome', async () => {
  const tag = (await owner.post(`${base}/tags`, { name: '门店A到店' })).json() as TagView;
  const door = await channel({ name: '正门海报', tagIds: [tag.id], welcome: [{ type: 'text', content: '欢迎光临正门！送您一张 9 折券' }] });
  const doorCode = await code(door.id, { kind: 'permanent', sceneType: 'str', label: '正门' });
  const visitor = fan();

  const followed = await loop.emulator.scanQr(account.appId, visitor, doorCode.ticket);
  assert.equal(text(followed.reply), '欢迎光临正门！送您一张 9 折券');

  const row = await fanRow(visitor);
  assert.equal(row.first_channel_id, door.id);
  assert.equal(row.last_channel_id, door.id);
  assert.equal(row.qr_scene, doorCode.scene);
  const tagged = await loop.platform.db.query('select 1 from fan_tags where fan_id = $1 and tag_id = $2', [row.id, tag.id]);
  assert.equal(tagged.length, 1, 'tagged here with the push');
  // …and on WeChat, so personalised menus by tag match the fan.
  await waitFor(() => loop.emulator.fan(account.appId, visitor).tagIds.includes(tag.wechatTagId!), 'the tag on WeChat');

  const s = await stats(door.id);
  assert.deepEqual([s.scans, s.newFollows, s.unfollowed], [1, 1, 0]);
  const codes = (await owner.get(`${base}/qr-channels/${door.id}/codes`)).json() as QrCodeView[];
  assert.deepEqual([codes[0]!.scans, codes[0]!.follows], [1, 1]);
});

test('a follower who scans another channel’s code: last touch moves, first touch stays, the account’s welcome answers', async () => {
  const first = await channel({ name: '传单' });
  const second = await channel({ name: '收银台' });
  const flyer = await code(first.id, { kind: 'temporary', sceneType: 'int', expireSeconds: 600 });
  const till = await code(second.id, { kind: 'permanent', sceneType: 'int' });
  const shopper = fan();
  await loop.emulator.scanQr(account.appId, shopper, flyer.url);
  const scanned = await loop.emulator.scanQr(account.appId, shopper, till.ticket);
  assert.equal(text(scanned.reply), '欢迎关注！', 'no channel welcome: the account’s');
  const row = await fanRow(shopper);
  assert.equal(row.first_channel_id, first.id);
  assert.equal(row.last_channel_id, second.id);
  // The fans CRM shows both touches, and targets fans by the channel they came through.
  const view = (await owner.get(`${base}/fans/${row.id}`)).json();
  assert.deepEqual([view.firstChannel, view.lastChannel], [{ id: first.id, name: '传单' }, { id: second.id, name: '收银台' }]);
  const cameThroughFlyer = (await owner.get(`${base}/fans?channel=${first.id}`)).json();
  assert.deepEqual(cameThroughFlyer.items.map((f: { openid: string }) => f.openid), [shopper]);
  const s = await stats(second.id);
  assert.deepEqual([s.scans, s.newFollows], [1, 0], 'a SCAN is a scan, not a new follow');
  // A disabled channel stops attributing and welcoming; the account's welcome still answers.
  await owner.put(`${base}/qr-channels/${second.id}`, { name: '收银台', enabled: false });
  await loop.emulator.scanQr(account.appId, shopper, till.ticket);
  assert.equal((await stats(second.id)).scans, 1);
});

test('unfollows are counted against the channel, and retention after 7 and 30 days', async () => {
  const poster = await channel({ name: '地铁广告' });
  const qr = await code(poster.id, { kind: 'permanent', sceneType: 'int' });
  const [stays, leaves, leavesLate, fresh] = [fan(), fan(), fan(), fan()];
  for (const openid of [stays, leaves, leavesLate, fresh]) await loop.emulator.scanQr(account.appId, openid, qr.ticket);
  await loop.emulator.unfollow(account.appId, leaves);
  await loop.emulator.unfollow(account.appId, leavesLate);
  let s = await stats(poster.id);
  assert.deepEqual([s.newFollows, s.unfollowed], [4, 2]);
  assert.deepEqual([s.retained7.eligible, s.retained30.eligible], [0, 0], 'nobody followed long enough ago to tell');

  // Move time: three follows were 40 days ago; one fan left after 2 days, one after 20 days.
  const age = async (openid: string, followedDaysAgo: number, leftAfterDays: number | null) =>
    loop.platform.db.query(
      `update qr_scans set scanned_at = now() - make_interval(days => $3),
              unfollowed_at = case when $4::int is null then null else now() - make_interval(days => $3) + make_interval(days => $4::int) end
        where channel_id = $1 and fan_id = (select id from fans where account_id = $5 and openid = $2)`,
      [poster.id, openid, followedDaysAgo, leftAfterDays, account.id],
    );
  await age(stays, 40, null);
  await age(leaves, 40, 2);
  await age(leavesLate, 40, 20);
  s = await stats(poster.id);
  assert.deepEqual(s.retained7, { eligible: 3, retained: 2 });
  assert.deepEqual(s.retained30, { eligible: 3, retained: 1 });

  // Following again and leaving again closes only the new follow. (A second later: WeChat dedupes events
  // by fan and CreateTime, so a re-follow within the same second would be taken for a retry.)
  loop.emulator.advanceClock(2000);
  await loop.emulator.scanQr(account.appId, leaves, qr.ticket);
  await loop.emulator.unfollow(account.appId, leaves);
  const rows = await loop.platform.db.query<{ open: number }>(`select count(*)::int as open from qr_scans where channel_id = $1 and kind = 'subscribe' and unfollowed_at is null`, [poster.id]);
  assert.equal(rows[0]!.open, 2, 'stays and fresh are still following');

  const series = (await owner.get(`${base}/qr-channels/series?days=7`)).json() as QrChannelSeries;
  const line = series.channels.find((c) => c.id === poster.id)!;
  assert.equal(series.days.length, 7);
  assert.equal(line.follows.at(-1), 2, 'today: fresh, and leaves again (the others were moved back in time)');

  const csv = await owner.get(`${base}/qr-channels/export.csv`);
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  assert.ok(csv.body.startsWith('\uFEFF渠道,备注,二维码数,扫码次数,新增关注,后来取关'));
  assert.ok(csv.body.includes('地铁广告,,1,5,5,3,2/3,66.7%,1/3,33.3%'), csv.body);
});

test('codes as PNG (decodes to WeChat’s URL) and SVG, and a printable poster with an escaped caption and its background', async () => {
  const c = await channel({ name: '店员小王', caption: '扫码关注 <script>alert(1)</script> & 领券' });
  const qr = await code(c.id, { kind: 'permanent', sceneType: 'int', label: '工牌' });

  const png = await owner.request('GET', `${base}/qr-codes/${qr.id}/image.png?size=300`);
  assert.equal(png.statusCode, 200);
  assert.equal(png.headers['content-type'], 'image/png');
  const image = PNG.sync.read(png.rawPayload);
  assert.equal(image.width, 300);
  assert.equal(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data, qr.url, 'the PNG scans to the code’s URL');

  const svg = await owner.get(`${base}/qr-codes/${qr.id}/image.svg`);
  assert.match(svg.headers['content-type'] as string, /image\/svg\+xml/);
  assert.match(svg.body, /<svg[^>]*viewBox/);

  let poster = await owner.get(`${base}/qr-codes/${qr.id}/poster.svg`);
  assert.equal(poster.statusCode, 200);
  assert.match(poster.headers['content-security-policy'] as string, /default-src 'none'/);
  assert.ok(poster.body.includes('扫码关注 &lt;script&gt;alert(1)&lt;/script&gt; &amp; 领券'.slice(0, 20)), 'the caption is escaped');
  assert.ok(!poster.body.includes('<script'), 'no markup from the caption');
  assert.ok(poster.body.includes('店员小王'), 'without a background the channel name is the title');

  // A background: PNG or JPEG only, at most 2 MB; then embedded in the poster.
  const background = new PNG({ width: 4, height: 6 });
  background.data.fill(200);
  const bytes = PNG.sync.write(background);
  const bad = await owner.upload(`${base}/qr-channels/${c.id}/poster`, 'file', { filename: 'x.png', contentType: 'image/png', data: Buffer.from('not an image') }, 'PUT');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'POSTER_INVALID');
  const ok = await owner.upload(`${base}/qr-channels/${c.id}/poster`, 'file', { filename: 'bg.png', contentType: 'image/png', data: bytes }, 'PUT');
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().hasPoster, true);
  poster = await owner.get(`${base}/qr-codes/${qr.id}/poster.svg`);
  assert.ok(poster.body.includes(`href="data:image/png;base64,${bytes.toString('base64')}"`));
});

test('numbers the platform chose never start a flow by accident, and codes printed before are not reused', async () => {
  // A fan once followed through permanent code 500, printed before this platform was used.
  await loop.platform.db.query(`insert into fans (account_id, openid, qr_scene, last_interaction_at) values ($1, 'o-old-poster-fan', '500', now())`, [account.id]);
  const c = await channel({ name: '新海报', welcome: [{ type: 'text', content: '新海报欢迎您' }] });
  const qr = await code(c.id, { kind: 'permanent', sceneType: 'int' });
  assert.equal(qr.scene, '501');
  // A flow whose entry keyword is that number ("回复 501 报名") is not what the code means.
  const flow = await owner.post(`${base}/flows`, { name: '报名', entryKeywords: ['501'], startStep: 'a', steps: [{ id: 'a', kind: 'end', messages: [{ type: 'text', content: '报名流程' }] }] });
  assert.equal(flow.statusCode, 201, flow.body);
  const scanned = await loop.emulator.scanQr(account.appId, fan(), qr.ticket);
  assert.equal(text(scanned.reply), '新海报欢迎您');
});

test('bad input is refused with stable codes and leaves nothing behind', async () => {
  const c = await channel({ name: '校验' });
  const before = await loop.platform.db.query('select count(*)::int as n from qr_codes where account_id = $1', [account.id]);
  const tooShort = await owner.post(`${base}/qr-channels/${c.id}/codes`, { kind: 'temporary', sceneType: 'int', expireSeconds: 10 });
  assert.equal(tooShort.json().error.code, 'VALIDATION_FAILED');
  assert.equal((await owner.post(`${base}/qr-channels`, { name: '校验' })).json().error.code, 'VALIDATION_FAILED', 'names are unique');
  assert.equal((await owner.post(`${base}/qr-channels`, { name: 'x', tagIds: [999999] })).json().error.code, 'VALIDATION_FAILED', 'unknown tags');
  assert.equal((await owner.post(`${base}/qr-channels/999999/codes`, { kind: 'permanent' })).json().error.code, 'QR_CHANNEL_NOT_FOUND');

  // WeChat refuses: the reserved scene is released, and WeChat's reason reaches the operator.
  loop.emulator.injectFault(account.appId, { type: 'api-error', path: '/cgi-bin/qrcode/create', errcode: 40053 });
  const refused = await owner.post(`${base}/qr-channels/${c.id}/codes`, { kind: 'permanent', sceneType: 'int' });
  assert.equal(refused.statusCode, 422, refused.body);
  assert.equal(refused.json().error.details.errcode, 40053);
  assert.deepEqual(await loop.platform.db.query('select count(*)::int as n from qr_codes where account_id = $1', [account.id]), before);

  // The 100,000 permanent codes WeChat allows an account are used up: refused before WeChat is asked.
  await loop.platform.db.query(
    `insert into qr_codes (account_id, channel_id, kind, scene_type, scene_id, scene, ticket, url)
     select $1, $2, 'permanent', 'str', null, 'filler-' || g, 't' || g, 'u' || g from generate_series(1, 100000) g`,
    [account.id, c.id],
  );
  const full = await owner.post(`${base}/qr-channels/${c.id}/codes`, { kind: 'permanent', sceneType: 'int' });
  assert.equal(full.statusCode, 409);
  assert.equal(full.json().error.code, 'QR_PERMANENT_QUOTA');
  await loop.platform.db.query(`delete from qr_codes where account_id = $1 and scene like 'filler-%'`, [account.id]);

  // Deleting a channel hides it; its scenes are never handed out again.
  const gone = await channel({ name: '旧活动' });
  const old = await code(gone.id, { kind: 'permanent', sceneType: 'int' });
  assert.equal((await owner.delete(`${base}/qr-channels/${gone.id}`)).statusCode, 204);
  assert.ok(!((await owner.get(`${base}/qr-channels`)).json() as QrChannelView[]).some((x) => x.id === gone.id));
  const next = await code(c.id, { kind: 'permanent', sceneType: 'int' });
  assert.equal(Number(next.scene), Number(old.scene) + 1);
});
