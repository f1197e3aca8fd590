import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AudienceEstimate, BroadcastView, QuotaLedger, TagView } from '@zhanggui/shared';
import { operatorWithRole, type ConsoleClient } from '../../testing/console-client.ts';
import { qrPng } from '../qrcodes/qr-images.ts';
import { clientMsgIdPrefix } from './broadcast-send.job.ts';
import { afterQuietHours } from './broadcasts.service.ts';
import { startLoop, type Loop, type LoopAccount } from '../../testing/emulator-loop.ts';

// Broadcasts end to end through the emulator: quota, targets (all, a tag, a filter in openid batches),
// exactly-once under WeChat errors and repeated calls, cancel, approval, fatigue caps, reports.

let loop: Loop;

before(async () => {
  loop = await startLoop();
});
after(() => loop.close());

interface Shop {
  account: LoopAccount;
  owner: ConsoleClient;
  base: string;
  openids: string[];
}

/** An account with `fans` followers on WeChat, known to the platform (as after a fan sync). */
async function shop(fans: number, options: { type?: 'service' | 'subscription'; verified?: boolean } = {}): Promise<Shop> {
  const account = await loop.connect({ mode: 'safe', type: options.type ?? 'service', verified: options.verified ?? true, rules: [] });
  loop.emulator.createFans(account.appId, fans, { subscribed: true });
  const openids = Array.from({ length: fans }, (_, i) => loop.emulator.fanOpenid(account.appId, i));
  await loop.platform.db.query(
    `insert into fans (account_id, openid, subscribed, last_interaction_at) select $1, o, true, now() from jsonb_array_elements_text($2::jsonb) o`,
    [account.id, JSON.stringify(openids)],
  );
  const owner = await operatorWithRole(loop.platform, account.id, 'owner');
  return { account, owner, base: `/api/accounts/${account.id}`, openids };
}

async function create(s: Shop, input: unknown, client = s.owner): Promise<BroadcastView> {
  const res = await client.post(`${s.base}/broadcasts`, input);
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** Waits until the broadcast is done and WeChat's MASSSENDJOBFINISH for every batch has arrived. */
async function finished(s: Shop, id: number): Promise<BroadcastView> {
  for (let i = 0; i < 600; i++) {
    const view = (await s.owner.get(`${s.base}/broadcasts/${id}`)).json() as BroadcastView;
    if ((view.status === 'sent' || view.status === 'failed') && view.results.reported >= view.batches.sent) {
      return view;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`broadcast ${id} did not finish`);
}

const received = (s: Shop, openid: string, text: string) => loop.emulator.phone(s.account.appId, openid).filter((e) => e.text === text).length;

test('the quota ledger explains what the account may send; a send to all reaches every follower once', async () => {
  const s = await shop(6);
  const ledger = (await s.owner.get(`${s.base}/broadcasts/quota`)).json() as QuotaLedger;
  assert.deepEqual([ledger.allowed, ledger.daily, ledger.monthly, ledger.perFanMonthly, ledger.canSendToList], [true, { limit: 1, used: 0, left: 1 }, { limit: 4, used: 0, left: 4 }, 4, true]);
  assert.match(ledger.explanation.zh, /每天 1 次/);

  const estimate = (await s.owner.post(`${s.base}/broadcasts/estimate`, { target: { kind: 'all' } })).json() as AudienceEstimate;
  assert.deepEqual(estimate, { audience: 6, skipped: 0, mode: 'all' });

  const sent = await finished(s, (await create(s, { title: '周末大促', message: { type: 'text', content: '周末全场 8 折' }, target: { kind: 'all' } })).id);
  assert.equal(sent.status, 'sent');
  assert.deepEqual(sent.batches, { total: 1, sent: 1, failed: 0 });
  assert.deepEqual(sent.results, { total: 6, filtered: 6, sent: 6, errors: 0, reported: 1 });
  for (const openid of s.openids) assert.equal(received(s, openid, '周末全场 8 折'), 1);

  // The day's send to all is used: a second is refused before anything reaches WeChat, with the reason.
  const again = await s.owner.post(`${s.base}/broadcasts`, { title: '再来一次', message: { type: 'text', content: '再来一次' }, target: { kind: 'all' } });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'BROADCAST_QUOTA_EXCEEDED');
  assert.match(again.json().error.details.zh, /每天 1 次/);
  assert.equal(((await s.owner.get(`${s.base}/broadcasts`)).json() as BroadcastView[]).length, 1, 'the refused one left nothing behind');
  const after = (await s.owner.get(`${s.base}/broadcasts/quota`)).json() as QuotaLedger;
  assert.deepEqual(after.daily, { limit: 1, used: 1, left: 0 });
});

test('a tag goes out by sendall to the tagged fans only; a filter goes out in even openid batches', async () => {
  const s = await shop(25_003);
  const vip = (await s.owner.post(`${s.base}/tags`, { name: 'VIP' })).json() as TagView;
  const [a, b] = await loop.platform.db.query<{ id: number }>('select id from fans where account_id = $1 order by id limit 2', [s.account.id]);
  assert.equal((await s.owner.post(`${s.base}/fans/batch`, { action: 'tag', tagId: vip.id, fanIds: [a!.id, b!.id] })).statusCode, 200);
  const tagged = await finished(s, (await create(s, { title: 'VIP 专享', message: { type: 'text', content: 'VIP 专享价' }, target: { kind: 'tag', tagId: vip.id } })).id);
  assert.equal(tagged.mode, 'tag');
  assert.equal(tagged.results.sent, 2);
  assert.equal(received(s, s.openids[0]!, 'VIP 专享价') + received(s, s.openids[1]!, 'VIP 专享价'), 2);
  assert.equal(received(s, s.openids[2]!, 'VIP 专享价'), 0);

  // Everyone who followed in a window, by our data: 25,003 fans → three batches of 8,334/8,334/8,335.
  const before = loop.emulator.massDeliveries(s.account.appId);
  const list = await finished(s, (await create(s, { title: '新粉欢迎', message: { type: 'text', content: '新粉专享券' }, target: { kind: 'filter', filter: { interactedAfter: '2000-01-01T00:00:00Z' } } })).id);
  assert.equal(list.mode, 'list');
  assert.equal(list.audience, 25_003);
  assert.deepEqual(list.batches, { total: 3, sent: 3, failed: 0 });
  assert.equal(list.results.sent, 25_003);
  const sizes = await loop.platform.db.query<{ n: number }>('select last_seq - first_seq + 1 as n from broadcast_batches where broadcast_id = $1 order by batch_no', [list.id]);
  assert.deepEqual(sizes.map((r) => r.n), [8334, 8334, 8335]);
  const deliveries = loop.emulator.massDeliveries(s.account.appId);
  assert.equal(deliveries.total - before.total, 25_003);
  // Every fan got this broadcast once: the two VIPs have two mass messages in all, everyone else one.
  const perFan = deliveries.perOpenid;
  assert.equal(perFan.size, 25_003);
  for (const [openid, n] of perFan) assert.equal(n, openid === s.openids[0] || openid === s.openids[1] ? 2 : 1, openid);
});

test('exactly once: WeChat errors are retried, and a call that already went through is not sent again', async () => {
  const s = await shop(30);
  // The first call fails as "system busy"; the job tries again.
  loop.emulator.injectFault(s.account.appId, { type: 'api-error', path: '/cgi-bin/message/mass/send', errcode: -1, count: 1 });
  const first = await finished(s, (await create(s, { title: '重试', message: { type: 'text', content: '重试测试' }, target: { kind: 'filter', filter: {} } })).id);
  assert.equal(first.status, 'sent');
  for (const openid of s.openids) assert.equal(received(s, openid, '重试测试'), 1);

  // A crash after WeChat accepted a batch but before we marked it: the same batch is called again with its
  // clientmsgid, WeChat answers 45065 with the msg_id, and nobody receives it twice.
  const later = await create(s, { title: '崩溃', message: { type: 'text', content: '崩溃测试' }, target: { kind: 'filter', filter: {} }, scheduledAt: new Date(Date.now() + 3_600_000).toISOString() });
  const id = later.id;
  const clientmsgid = `${clientMsgIdPrefix({ account_id: s.account.id, id, created_at: new Date(later.createdAt) })}-0`;
  const accepted = await loop.platform.tokens.clientFor(s.account.id).mass.send({ msgtype: 'text', text: { content: '崩溃测试' }, touser: s.openids, clientmsgid });
  await loop.platform.db.query(`update jobs set run_at = now() where id = (select job_id from broadcasts where id = $1)`, [id]);
  await loop.platform.db.notify('zg_jobs', 'now');
  const second = await finished(s, id);
  assert.equal(second.status, 'sent');
  const [batch] = await loop.platform.db.query<{ msg_id: string }>('select msg_id from broadcast_batches where broadcast_id = $1', [id]);
  assert.equal(batch!.msg_id, String(accepted.msg_id));
  for (const openid of s.openids) assert.equal(received(s, openid, '崩溃测试'), 1);
});

test('cancel before it starts; approval by an admin when the account asks for it', async () => {
  const s = await shop(5);
  const later = await create(s, { title: '明天', message: { type: 'text', content: '明天见' }, target: { kind: 'filter', filter: {} }, scheduledAt: new Date(Date.now() + 86_400_000).toISOString() });
  assert.equal(later.status, 'scheduled');
  const cancelled = (await s.owner.post(`${s.base}/broadcasts/${later.id}/cancel`)).json() as BroadcastView;
  assert.equal(cancelled.status, 'cancelled');
  const [job] = await loop.platform.db.query<{ state: string }>('select state from jobs where id = (select job_id from broadcasts where id = $1)', [later.id]);
  assert.equal(job!.state, 'cancelled');
  assert.equal((await s.owner.post(`${s.base}/broadcasts/${later.id}/cancel`)).json().error.code, 'BROADCAST_NOT_EDITABLE');

  assert.equal((await s.owner.patch(`${s.base}`, { settings: { broadcastApproval: true } })).statusCode, 200);
  const editor = await operatorWithRole(loop.platform, s.account.id, 'editor');
  const waiting = await create(s, { title: '待审批', message: { type: 'text', content: '审批后发送' }, target: { kind: 'filter', filter: {} } }, editor);
  assert.equal(waiting.status, 'pending_approval');
  assert.equal((await editor.post(`${s.base}/broadcasts/${waiting.id}/approve`)).statusCode, 403);
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(received(s, s.openids[0]!, '审批后发送'), 0, 'nothing goes out before approval');
  const approved = (await s.owner.post(`${s.base}/broadcasts/${waiting.id}/approve`)).json() as BroadcastView;
  assert.equal(approved.status, 'scheduled');
  assert.equal((await s.owner.post(`${s.base}/broadcasts/${waiting.id}/approve`)).json().error.code, 'BROADCAST_NOT_EDITABLE', 'approved once');
  assert.equal((await finished(s, waiting.id)).status, 'sent');
  assert.equal(received(s, s.openids[0]!, '审批后发送'), 1);
});

test('fatigue cap: fans who already got our broadcasts this month are skipped and counted', async () => {
  const s = await shop(10);
  const some = await loop.platform.db.query<{ id: number }>('select id from fans where account_id = $1 order by id limit 4', [s.account.id]);
  const tag = (await s.owner.post(`${s.base}/tags`, { name: '老顾客' })).json() as TagView;
  await s.owner.post(`${s.base}/fans/batch`, { action: 'tag', tagId: tag.id, fanIds: some.map((f) => f.id) });
  await finished(s, (await create(s, { title: '第一条', message: { type: 'text', content: '第一条' }, target: { kind: 'filter', filter: { tag: tag.id } } })).id);
  const estimate = (await s.owner.post(`${s.base}/broadcasts/estimate`, { target: { kind: 'all' }, options: { monthlyCap: 1 } })).json() as AudienceEstimate;
  assert.deepEqual(estimate, { audience: 6, skipped: 4, mode: 'list' });
  const capped = await finished(s, (await create(s, { title: '第二条', message: { type: 'text', content: '第二条' }, target: { kind: 'all' }, options: { monthlyCap: 1 } })).id);
  assert.deepEqual([capped.audience, capped.skipped, capped.results.sent], [6, 4, 6]);
  assert.equal(received(s, s.openids[0]!, '第二条'), 0);
});

test('what the account type does not allow is refused with the reason; bad input with its field', async () => {
  const sub = await shop(3, { type: 'subscription' });
  const filtered = await sub.owner.post(`${sub.base}/broadcasts`, { title: 'x', message: { type: 'text', content: 'x' }, target: { kind: 'filter', filter: {} } });
  assert.equal(filtered.json().error.code, 'BROADCAST_TARGET_NOT_ALLOWED');
  const plain = await shop(3, { verified: false });
  assert.equal((await plain.owner.post(`${plain.base}/broadcasts`, { title: 'x', message: { type: 'text', content: 'x' }, target: { kind: 'all' } })).json().error.code, 'BROADCAST_NOT_ALLOWED');
  const bad = await sub.owner.post(`${sub.base}/broadcasts`, { title: '', message: { type: 'image', materialId: 99999 }, target: { kind: 'all' } });
  assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
  const missing = await sub.owner.post(`${sub.base}/broadcasts`, { title: '图片', message: { type: 'image', materialId: 99999 }, target: { kind: 'all' } });
  assert.equal(missing.json().error.code, 'VALIDATION_FAILED');
  const huge = await sub.owner.post(`${sub.base}/broadcasts`, { title: '大', message: { type: 'news', newsId: 3_000_000_000 }, target: { kind: 'all' } });
  assert.equal(huge.json().error.code, 'VALIDATION_FAILED', 'an id past int4 is bad input, not a 500');
  assert.equal((await sub.owner.get(`${sub.base}/broadcasts`)).json().length, 0, 'nothing half-made');
});

test('an image and a news article from the library go out as image and mpnews, also after the news was published', async () => {
  const s = await shop(4);
  const png = await qrPng('zhanggui', 120);
  const image = await s.owner.upload(`${s.base}/materials`, 'file', { filename: '海报.png', contentType: 'image/png', data: png }, 'POST', { kind: 'image' });
  assert.equal(image.statusCode, 201, image.body);
  const imageId = (image.json() as { id: number }).id;
  const sentImage = await finished(s, (await create(s, { title: '海报', message: { type: 'image', materialId: imageId }, target: { kind: 'filter', filter: {} } })).id);
  assert.equal(sentImage.results.sent, 4);
  assert.equal(loop.emulator.phone(s.account.appId, s.openids[0]!).at(-1)?.msgType, 'image');

  const news = await s.owner.post(`${s.base}/news`, { articles: [{ title: '春季上新', coverMaterialId: imageId, content: '<p>新品 <strong>8 折</strong></p>' }] });
  assert.equal(news.statusCode, 201, news.body);
  const newsId = (news.json() as { id: number }).id;
  // Published articles leave WeChat's draft box; the broadcast puts the news back first.
  assert.equal((await s.owner.post(`${s.base}/news/${newsId}/publish`)).statusCode, 200);
  const sentNews = await finished(s, (await create(s, { title: '图文', message: { type: 'news', newsId }, target: { kind: 'filter', filter: {} } })).id);
  assert.equal(sentNews.status, 'sent');
  const last = loop.emulator.phone(s.account.appId, s.openids[1]!).at(-1);
  assert.equal(last?.articles?.[0]?.title, '春季上新');
});

test('quiet hours move a send to the minute they end, in the account’s time zone', () => {
  const at = (iso: string) => new Date(iso);
  const quiet = { start: '22:00', end: '08:00' };
  // 23:30 Beijing (15:30Z) → 08:00 Beijing next day (00:00Z).
  assert.equal(afterQuietHours(at('2026-11-23T15:30:20Z'), quiet, 'Asia/Shanghai').toISOString(), '2026-11-24T00:00:00.000Z');
  // 07:59 Beijing → 08:00; 12:00 Beijing stays; no quiet hours stays.
  assert.equal(afterQuietHours(at('2026-11-23T23:59:00Z'), quiet, 'Asia/Shanghai').toISOString(), '2026-11-24T00:00:00.000Z');
  assert.equal(afterQuietHours(at('2026-11-24T04:00:00Z'), quiet, 'Asia/Shanghai').toISOString(), '2026-11-24T04:00:00.000Z');
  assert.equal(afterQuietHours(at('2026-11-24T04:00:00Z'), null, 'Asia/Shanghai').toISOString(), '2026-11-24T04:00:00.000Z');
  // A daytime window (12:00–14:00) in another zone.
  assert.equal(afterQuietHours(at('2026-11-24T12:30:00Z'), { start: '12:00', end: '14:00' }, 'UTC').toISOString(), '2026-11-24T14:00:00.000Z');
});

test('the issue’s scenario: compose a news article, preview it to one fan, schedule it to a tag, only the tagged fans get it, the report adds up', async () => {
  const s = await shop(8);
  const png = await qrPng('封面', 200);
  const cover = (await s.owner.upload(`${s.base}/materials`, 'file', { filename: 'cover.png', contentType: 'image/png', data: png }, 'POST', { kind: 'image' })).json() as { id: number };
  const news = await s.owner.post(`${s.base}/news`, {
    articles: [{ title: '会员日', author: '掌柜', digest: '全场 9.5 折', coverMaterialId: cover.id, content: '<p style="color:#07c160">会员日<script>alert(1)</script> 全场 9.5 折</p>' }],
  });
  assert.equal(news.statusCode, 201, news.body);
  const newsId = (news.json() as { id: number }).id;

  const preview = await s.owner.post(`${s.base}/materials/preview`, { openid: s.openids[7], message: { type: 'news', newsId } });
  assert.equal(preview.statusCode, 200, preview.body);
  assert.equal(loop.emulator.phone(s.account.appId, s.openids[7]!).at(-1)?.articles?.[0]?.title, '会员日');

  const members = (await s.owner.post(`${s.base}/tags`, { name: '会员' })).json() as TagView;
  const fans = await loop.platform.db.query<{ id: number; openid: string }>('select id, openid from fans where account_id = $1 order by id limit 3', [s.account.id]);
  await s.owner.post(`${s.base}/fans/batch`, { action: 'tag', tagId: members.id, fanIds: fans.map((f) => f.id) });
  const scheduled = await create(s, { title: '会员日推送', message: { type: 'news', newsId }, target: { kind: 'tag', tagId: members.id }, scheduledAt: new Date(Date.now() + 1500).toISOString() });
  assert.equal(scheduled.status, 'scheduled');
  // What is scheduled (or approved) is what goes out: the article is frozen until then.
  const edit = await s.owner.put(`${s.base}/news/${newsId}`, { articles: [{ title: '改过的', coverMaterialId: cover.id, content: '<p>改</p>' }] });
  assert.equal(edit.json().error.code, 'NEWS_IN_USE');
  const report = await finished(s, scheduled.id);
  assert.deepEqual([report.status, report.mode, report.audience, report.results.total, report.results.sent, report.results.errors], ['sent', 'tag', 3, 3, 3, 0]);
  assert.ok(Date.parse(report.startedAt!) >= Date.parse(scheduled.scheduledAt!), 'not before its time');
  const got = s.openids.filter((openid) => loop.emulator.phone(s.account.appId, openid).some((e) => e.source === 'mass' && e.articles?.[0]?.title === '会员日'));
  assert.deepEqual(got.sort(), fans.map((f) => f.openid).sort());
});

test('a send that cannot go out ends as failed with the reason, not stuck in sending', async () => {
  const s = await shop(4);
  const tag = (await s.owner.post(`${s.base}/tags`, { name: '临时' })).json() as TagView;
  const later = await create(s, { title: '标签已删', message: { type: 'text', content: '不会发出' }, target: { kind: 'tag', tagId: tag.id }, scheduledAt: new Date(Date.now() + 3_600_000).toISOString() });
  assert.equal((await s.owner.delete(`${s.base}/tags/${tag.id}`)).statusCode, 204);
  await loop.platform.db.query(`update jobs set run_at = now() where id = (select job_id from broadcasts where id = $1)`, [later.id]);
  await loop.platform.db.notify('zg_jobs', 'now');
  const failed = await finished(s, later.id);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.error, 'VALIDATION_FAILED');
  assert.deepEqual(failed.batches, { total: 1, sent: 0, failed: 1 });
});
