import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FanView, JobView, TagView } from '@zhanggui/shared';
import { operatorWithRole, type ConsoleClient } from '../../testing/console-client.ts';
import { startLoop, type Loop, type LoopAccount } from '../../testing/emulator-loop.ts';

let loop: Loop;
let account: LoopAccount;
let owner: ConsoleClient;
let base: string;

before(async () => {
  loop = await startLoop();
  account = await loop.connect({ mode: 'safe', type: 'service', verified: true });
  owner = await operatorWithRole(loop.platform, account.id, 'owner');
  base = `/api/accounts/${account.id}`;
});
after(() => loop.close());

async function waitForJob(job: JobView, timeoutMs = 60_000): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = (await owner.get(`${base}/jobs/${job.id}`)).json() as JobView;
    if (current.state === 'succeeded' || current.state === 'failed' || current.state === 'cancelled') return current;
    if (Date.now() > deadline) throw new Error(`job ${job.id} still ${current.state}: ${JSON.stringify(current.progress)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function allFans(query = ''): Promise<FanView[]> {
  const fans: FanView[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: FanView[]; nextCursor: string | null } = (await owner.get(`${base}/fans?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`)).json();
    fans.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return fans;
}

test('a full sync brings every follower with tags and blacklist; fans who left are marked unsubscribed', async () => {
  loop.emulator.createFans(account.appId, 2500, { subscribed: true });
  const client = loop.platform.tokens.clientFor(account.id);
  const { tag } = await client.tags.create('VIP');
  const openid = (i: number) => loop.emulator.fanOpenid(account.appId, i);
  await client.tags.tagFans(tag.id, [openid(0), openid(1), openid(2)]);
  await client.tags.block([openid(3)]);
  await client.users.updateRemark(openid(4), '老顾客张三');

  const started = await owner.post(`${base}/fans/sync`, { mode: 'full' });
  assert.equal(started.statusCode, 202);
  assert.equal((await owner.post(`${base}/fans/sync`, { mode: 'full' })).json().error.code, 'JOB_ALREADY_RUNNING');
  const done = await waitForJob(started.json());
  assert.equal(done.state, 'succeeded', JSON.stringify(done.error));
  assert.deepEqual([done.progress.done, done.progress.total], [2500, 2500]);

  const count = (await owner.get(`${base}/fans/count?subscribed=true`)).json().count;
  assert.equal(count, 2500);
  const tags = (await owner.get(`${base}/tags`)).json() as TagView[];
  const vip = tags.find((t) => t.name === 'VIP')!;
  assert.equal(vip.fanCount, 3);
  assert.ok(tags.some((t) => t.system && t.name === '星标组'), "WeChat's system tags are mirrored and marked");
  assert.deepEqual((await allFans(`&tag=${vip.id}`)).map((f) => f.openid).sort(), [openid(0), openid(1), openid(2)].sort());
  assert.deepEqual((await allFans('&blacklisted=true')).map((f) => f.openid), [openid(3)]);
  assert.equal((await allFans(`&q=${encodeURIComponent('张三')}`))[0]?.openid, openid(4));

  // Someone unfollows while the platform is not listening (no push): the next sync notices.
  loop.emulator.updateAccount(account.appId, { callbackUrl: null });
  await loop.emulator.unfollow(account.appId, openid(5));
  loop.emulator.createFans(account.appId, 30, { subscribed: true });
  loop.emulator.updateAccount(account.appId, { callbackUrl: `${loop.url}/wx/${account.id}` });
  const userInfoCalls = loop.emulator.counters(account.appId)['/cgi-bin/user/info/batchget'] ?? 0;
  const incremental = await waitForJob((await owner.post(`${base}/fans/sync`, { mode: 'incremental' })).json());
  assert.equal(incremental.state, 'succeeded', JSON.stringify(incremental.error));
  assert.equal((loop.emulator.counters(account.appId)['/cgi-bin/user/info/batchget'] ?? 0) - userInfoCalls, 1, 'only the 30 new fans were looked up');
  assert.equal((await owner.get(`${base}/fans/count?subscribed=true`)).json().count, 2529);
  assert.deepEqual((await allFans('&subscribed=false')).map((f) => f.openid), [openid(5)]);
});

test('keyset paging walks every fan exactly once, newest interaction first', async () => {
  const fans = await allFans();
  assert.equal(fans.length, 2530);
  assert.equal(new Set(fans.map((f) => f.id)).size, fans.length, 'no duplicates across pages');
  for (let i = 1; i < fans.length; i++) assert.ok(fans[i - 1]!.lastInteractionAt! >= fans[i]!.lastInteractionAt!);
});

test('a sync that fails midway resumes from its checkpoint instead of starting over', async () => {
  const other = await loop.connect({ mode: 'plaintext' });
  const boss = await operatorWithRole(loop.platform, other.id, 'owner');
  loop.emulator.createFans(other.appId, 25_000, { subscribed: true });
  // user/get succeeds for page 1, then fails (3 times: the client retries idempotent reads twice).
  loop.emulator.injectFault(other.appId, { type: 'api-latency', path: '/cgi-bin/user/get', ms: 0, count: 1 });
  let job = (await boss.post(`/api/accounts/${other.id}/fans/sync`, { mode: 'full' })).json() as JobView;
  for (let i = 0; i < 100; i++) {
    const current = (await boss.get(`/api/accounts/${other.id}/jobs/${job.id}`)).json() as JobView;
    if (current.progress.done >= 10_000) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  loop.emulator.injectFault(other.appId, { type: 'api-error', path: '/cgi-bin/user/get', errcode: -1, count: 3 });
  for (let i = 0; i < 200; i++) {
    const [row] = await loop.platform.db.query<{ state: string; attempts: number }>('select state, attempts from jobs where id = $1', [job.id]);
    if (row!.state === 'queued' && row!.attempts === 1) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const [failedOnce] = await loop.platform.db.query<{ error: { message: string }; checkpoint: { nextOpenid: string; done: number } }>('select error, checkpoint from jobs where id = $1', [job.id]);
  assert.ok(failedOnce!.checkpoint.done >= 10_000, 'the first page was checkpointed before the failure');
  const listCallsBefore = loop.emulator.counters(other.appId)['/cgi-bin/user/get'] ?? 0;
  await loop.platform.db.query('update jobs set run_at = now() where id = $1', [job.id]);
  await loop.platform.db.notify('zg_jobs', String(job.id));
  job = await waitForJobOf(boss, other.id, job);
  assert.equal(job.state, 'succeeded', JSON.stringify(job.error));
  const pagesAfterResume = (loop.emulator.counters(other.appId)['/cgi-bin/user/get'] ?? 0) - listCallsBefore;
  assert.ok(pagesAfterResume <= 3, `resumed at the checkpoint (fetched ${pagesAfterResume} pages, not all from the start)`);
  const [stored] = await loop.platform.db.query<{ n: number }>('select count(*)::int as n from fans where account_id = $1', [other.id]);
  assert.equal(stored!.n, 25_000);
});

async function waitForJobOf(client: ConsoleClient, accountId: number, job: JobView): Promise<JobView> {
  for (;;) {
    const current = (await client.get(`/api/accounts/${accountId}/jobs/${job.id}`)).json() as JobView;
    if (['succeeded', 'failed', 'cancelled'].includes(current.state)) return current;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('tags are created, renamed and deleted on WeChat first; system tags are locked', async () => {
  const created = await owner.post(`${base}/tags`, { name: '广东' });
  assert.equal(created.statusCode, 201);
  const wechatTags = await loop.platform.tokens.clientFor(account.id).tags.list();
  assert.ok(wechatTags.tags.some((t) => t.name === '广东' && t.id === created.json().wechatTagId));
  assert.equal((await owner.post(`${base}/tags`, { name: '广东' })).json().error.code, 'TAG_NAME_TAKEN');
  assert.equal((await owner.post(`${base}/tags`, { name: 'x'.repeat(31) })).json().error.code, 'VALIDATION_FAILED');
  assert.equal((await owner.patch(`${base}/tags/${created.json().id}`, { name: '广东省' })).json().name, '广东省');
  const starred = ((await owner.get(`${base}/tags`)).json() as TagView[]).find((t) => t.system)!;
  assert.equal((await owner.delete(`${base}/tags/${starred.id}`)).json().error.code, 'TAG_SYSTEM');
  assert.equal((await owner.delete(`${base}/tags/${created.json().id}`)).statusCode, 204);
  assert.ok(!(await loop.platform.tokens.clientFor(account.id).tags.list()).tags.some((t) => t.name === '广东省'));
});

test('batch tagging selected fans, and blacklisting every fan matching a filter, go through WeChat', async () => {
  const tag = (await owner.post(`${base}/tags`, { name: '活动参与' })).json() as TagView;
  const fans = (await owner.get(`${base}/fans?limit=60`)).json().items as FanView[];
  const ids = fans.map((f) => f.id);
  const tagged = await owner.post(`${base}/fans/batch`, { action: 'tag', tagId: tag.id, fanIds: ids });
  assert.deepEqual(tagged.json(), { affected: 60 });
  const onWechat = await loop.platform.tokens.clientFor(account.id).tags.fansOfTag(tag.wechatTagId!);
  assert.equal(onWechat.count, 60, 'tagged on WeChat in batches of 50');
  assert.equal((await owner.get(`${base}/fans/count?tag=${tag.id}`)).json().count, 60);

  const job = await owner.post(`${base}/fans/batch`, { action: 'blacklist', filter: { tag: tag.id } });
  assert.equal(job.statusCode, 202);
  assert.equal((await waitForJob(job.json())).state, 'succeeded');
  const blacklist = await loop.platform.tokens.clientFor(account.id).tags.blacklist();
  assert.ok(blacklist.data!.openid.length >= 60);
  assert.equal((await owner.get(`${base}/fans/count?blacklisted=true&tag=${tag.id}`)).json().count, 60);

  assert.equal((await owner.post(`${base}/fans/batch`, { action: 'tag', fanIds: ids })).json().error.code, 'VALIDATION_FAILED', 'tagId required');
  assert.equal((await owner.post(`${base}/fans/batch`, { action: 'tag', tagId: tag.id, fanIds: ids, filter: {} })).statusCode, 400, 'one of fanIds or filter');
});

test('remarks are set on WeChat; the fan detail and timeline are scoped', async () => {
  const fan = ((await owner.get(`${base}/fans?limit=1`)).json().items as FanView[])[0]!;
  const updated = (await owner.patch(`${base}/fans/${fan.id}`, { remark: '=HYPERLINK("x")' })).json() as FanView;
  assert.equal(updated.remark, '=HYPERLINK("x")');
  assert.equal((await loop.platform.tokens.clientFor(account.id).users.info(fan.openid)).remark, '=HYPERLINK("x")');
  assert.equal((await owner.get(`${base}/fans/${fan.id}`)).json().remark, '=HYPERLINK("x")');
  assert.equal((await owner.patch(`${base}/fans/${fan.id}`, { remark: 'x'.repeat(31) })).statusCode, 400);
  assert.equal((await owner.get(`${base}/fans/999999999`)).json().error.code, 'FAN_NOT_FOUND');
  assert.ok(Array.isArray((await owner.get(`${base}/fans/${fan.id}/timeline`)).json().items));
});

test('CSV export of a filtered list, safe for spreadsheets', async () => {
  const res = await owner.get(`${base}/fans/export.csv?subscribed=false`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /text\/csv/);
  assert.match(String(res.headers['content-disposition']), /attachment; filename="fans-/);
  const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'openid,remark,subscribed,subscribed_at,unsubscribed_at,source,qr_scene,first_channel,last_channel,tags,blacklisted,last_interaction_at');
  assert.equal(lines.length, 2);
  const all = (await owner.get(`${base}/fans/export.csv`)).body;
  assert.ok(all.includes(`"'=HYPERLINK(""x"")"`), 'formula-looking cells are defused and quoted');
});

test("a new follower's source and language are looked up from WeChat; ?lang= picks the language", async () => {
  const other = await loop.connect({ mode: 'plaintext', type: 'service', verified: true });
  const boss = await operatorWithRole(loop.platform, other.id, 'owner');
  loop.emulator.createFans(other.appId, 1, { subscribed: false });
  const openid = loop.emulator.fanOpenid(other.appId, 0);
  await loop.emulator.follow(other.appId, openid);
  let fan: FanView | undefined;
  for (let i = 0; i < 50 && !fan?.source; i++) {
    fan = ((await boss.get(`/api/accounts/${other.id}/fans?lang=en`)).json().items as FanView[])[0];
    if (!fan?.source) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(fan?.source, loop.emulator.fan(other.appId, openid).subscribeScene);
  assert.match(fan!.displayName, /^Fan /);
  assert.match(((await boss.get(`/api/accounts/${other.id}/fans`)).json().items as FanView[])[0]!.displayName, /^粉丝 /);
});
