import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Platform } from '../../app.ts';
import { operatorWithRole, type ConsoleClient } from '../../testing/console-client.ts';
import { createTestPlatform, fakeAccountCredentials, nextMsgId, signPush } from '../../testing/test-platform.ts';
import { registeredRoutes, type RouteInfo } from './http-app.ts';

// Per-account isolation, over every account-scoped route the server has (new routes are covered
// automatically): an operator of account A can neither read nor change anything of account B.

let platform: Platform;
let ownerA: ConsoleClient;
let accountA: number;
let accountB: number;
const ids: Record<string, number> = {};
const B_SECRET = 'B-账号的秘密';

before(async () => {
  platform = await createTestPlatform();
  const credentialsA = fakeAccountCredentials('plaintext');
  const credentialsB = fakeAccountCredentials('plaintext');
  accountA = (await platform.accounts.create(credentialsA)).id;
  accountB = (await platform.accounts.create(credentialsB)).id;
  ownerA = await operatorWithRole(platform, accountA, 'owner');
  const ownerB = await operatorWithRole(platform, accountB, 'owner');
  ids.operatorId = ownerB.session.operator.id;

  // Account B's data: a fan with a message, a tag, a canned reply, a rule, a job.
  const push = signPush({ ...credentialsB, id: accountB }, { ToUserName: credentialsB.originalId, FromUserName: 'oB0000000000000000000000secret', CreateTime: Math.floor(Date.now() / 1000), MsgType: 'text', Content: B_SECRET, MsgId: nextMsgId() });
  await platform.http.inject({ method: 'POST', url: push.url, payload: push.body });
  const [fan] = await platform.db.query<{ id: number }>('select id from fans where account_id = $1', [accountB]);
  const [message] = await platform.db.query<{ id: number }>('select id from messages where account_id = $1', [accountB]);
  ids.fanId = fan!.id;
  ids.messageId = message!.id;
  const [tag] = await platform.db.query<{ id: number }>(`insert into tags (account_id, wechat_tag_id, name) values ($1, 100, $2) returning id`, [accountB, B_SECRET]);
  ids.tagId = tag!.id;
  ids.replyId = (await ownerB.post(`/api/accounts/${accountB}/canned-replies`, { title: B_SECRET, content: B_SECRET })).json().id as number;
  ids.ruleId = (await platform.replies.create(accountB, { name: B_SECRET, trigger: 'default', replies: [{ type: 'text', content: B_SECRET }] })).id;
  ids.jobId = (await platform.jobs.enqueue({ accountId: accountB, kind: 'isolation_probe' })).id;
  // A QR channel with a code (made without WeChat: the ids are what matters here).
  ids.channelId = (await platform.channels.save(accountB, null, { name: B_SECRET, caption: B_SECRET })).id;
  const [code] = await platform.db.query<{ id: number }>(
    `insert into qr_codes (account_id, channel_id, kind, scene_type, scene, ticket, url) values ($1, $2, 'permanent', 'str', 'b-secret', 'B-ticket', 'http://weixin.qq.com/q/B') returning id`,
    [accountB, ids.channelId],
  );
  ids.codeId = code!.id;
  await platform.db.query(`insert into account_menus (account_id, draft) values ($1, $2)`, [accountB, JSON.stringify({ buttons: [{ name: B_SECRET, type: 'click', key: 'b' }], conditional: [] })]);
  // A material and a news draft (rows only: the ids are what matters here).
  const [material] = await platform.db.query<{ id: number }>(
    `insert into materials (account_id, kind, name, content_type, bytes, data, title, wechat_media_id) values ($1, 'image', $2, 'image/png', 1, '\\x89'::bytea, $2, 'B-media') returning id`,
    [accountB, B_SECRET],
  );
  ids.materialId = material!.id;
  const [news] = await platform.db.query<{ id: number }>(`insert into news_drafts (account_id, articles, wechat_media_id) values ($1, $2, 'B-draft') returning id`, [
    accountB,
    JSON.stringify([{ title: B_SECRET, author: '', digest: '', coverMaterialId: material!.id, content: `<p>${B_SECRET}</p>`, sourceUrl: '', showCover: false }]),
  ]);
  ids.newsId = news!.id;
  // A card programme with a member, a coupon template and an issued coupon (its code is B's secret too).
  await platform.members.saveProgram(accountB, { enabled: true, cardName: 'B卡', color: '#123456', memberNoPrefix: 'B', memberNoDigits: 6, notice: B_SECRET, levels: [{ name: B_SECRET.slice(0, 12), threshold: 0, payPercent: null, benefits: B_SECRET }], points: { checkin: 1, streak: [], perYuan: 1, welcome: 5 }, cardKeyword: '', checkinKeyword: '' });
  ids.memberId = (await platform.members.issueCard(accountB, 'oB0000000000000000000000secret', 'manual')).member.id;
  ids.templateId = (await platform.coupons.saveTemplate(accountB, null, { name: B_SECRET, kind: 'gift', gift: 'B', description: B_SECRET, validity: { type: 'relative', days: 5 }, claimable: true })).id;
  const coupon = await platform.coupons.issue(accountB, ids.templateId, 'oB0000000000000000000000secret', 'manual');
  ids.couponId = coupon.id;
  bCouponCode = coupon.code;
});
let bCouponCode = '';
after(() => platform.close());

const accountRoutes = () => registeredRoutes(platform.http).filter((r) => r.url.startsWith('/api/accounts/:accountId'));

function urlFor(route: RouteInfo, accountId: number): string {
  return route.url.replace(':accountId', String(accountId)).replace(/:(\w+)/g, (_, name: string) => String(ids[name] ?? 1));
}

/** A body that would be accepted if the route let us through. */
function bodyFor(route: RouteInfo): unknown {
  const url = route.url;
  if (url.endsWith('/members')) return { username: 'nobody', role: 'agent' };
  if (url.includes('/members/')) return { role: 'analyst' };
  if (url.endsWith('/conversations/:fanId/messages')) return { type: 'text', content: 'leak?' };
  if (url.endsWith('/conversations/:fanId')) return { starred: true, status: 'closed' };
  if (url.includes('/canned-replies')) return { title: 'x', content: 'x' };
  if (url.endsWith('/fans/:fanId')) return { remark: 'x' };
  if (url.endsWith('/fans/batch')) return { action: 'untag', tagId: ids.tagId, fanIds: [ids.fanId] };
  if (url.endsWith('/fans/sync')) return { mode: 'full' };
  if (url.includes('/tags')) return { name: 'x' };
  if (url.endsWith('/menus')) return { buttons: [{ name: 'x', type: 'click', key: 'x' }], conditional: [] };
  if (url.endsWith('/menus/try-match')) return { openid: 'oB0000000000000000000000secret' };
  if (url.endsWith('/codes')) return { kind: 'permanent', sceneType: 'int' };
  if (url.includes('/qr-channels')) return { name: 'x' };
  if (url.endsWith('/materials/preview')) return { openid: 'oB0000000000000000000000secret', message: { type: 'image', materialId: ids.materialId } };
  if (url.endsWith('/news') || url.endsWith('/news/:newsId')) return { articles: [{ title: 'x', coverMaterialId: ids.materialId, content: '<p>x</p>' }] };
  if (url.endsWith('/redeem') || url.endsWith('/redeem/lookup')) return { code: bCouponCode, orderAmountFen: 100 };
  if (url.endsWith('/member-lookup')) return { memberNo: 'B000001' };
  if (url.endsWith('/loyalty/members')) return { openid: 'oB0000000000000000000000secret' };
  if (url.endsWith('/points')) return { delta: 5, reason: 'x' };
  if (url.endsWith('/orders')) return { amountFen: 10000 };
  if (url.endsWith('/void')) return { reason: 'x' };
  if (url.endsWith('/issue')) return { openids: ['oB0000000000000000000000secret'] };
  if (url.includes('/coupon-templates')) return { name: 'x', kind: 'gift', gift: 'x', validity: { type: 'relative', days: 1 } };
  if (url.endsWith('/loyalty/program')) return { enabled: false, cardName: 'x', color: '#000000', memberNoPrefix: '', memberNoDigits: 6, levels: [{ name: 'x', threshold: 0, payPercent: null }], points: { checkin: 0, streak: [], perYuan: 0, welcome: 0 } };
  if (url.endsWith('/loyalty/staff')) return { username: 'leaky', displayName: 'x', password: 'leaky password 1' };
  if (url.includes('/rules')) return { name: 'x', trigger: 'default', replies: [{ type: 'text', content: 'x' }] };
  if (url.endsWith('/accounts/:accountId')) return { name: 'x', settings: { autoAssign: true } };
  return {};
}

/** Everything of account B, hashed: any change by A's requests shows up here. */
async function fingerprintB(): Promise<string> {
  const tables = [
    ['accounts', 'id = $1'],
    ['fans', 'account_id = $1'],
    ['messages', 'account_id = $1'],
    ['tags', 'account_id = $1'],
    ['fan_tags', 'tag_id in (select id from tags where account_id = $1)'],
    ['canned_replies', 'account_id = $1'],
    ['reply_rules', 'account_id = $1'],
    ['jobs', 'account_id = $1'],
    ['account_members', 'account_id = $1'],
    ['account_menus', 'account_id = $1'],
    ['qr_channels', 'account_id = $1'],
    ['qr_codes', 'account_id = $1'],
    ['materials', 'account_id = $1'],
    ['news_drafts', 'account_id = $1'],
    ['loyalty_programs', 'account_id = $1'],
    ['member_levels', 'account_id = $1'],
    ['members', 'account_id = $1'],
    ['points_ledger', 'account_id = $1'],
    ['coupon_templates', 'account_id = $1'],
    ['coupons', 'account_id = $1'],
    ['coupon_events', 'account_id = $1'],
  ];
  const hash = createHash('sha256');
  for (const [table, where] of tables) hash.update(JSON.stringify(await platform.db.query(`select * from ${table} where ${where} order by 1`, [accountB])));
  return hash.digest('hex');
}

const isUnsafe = (route: RouteInfo) => !['GET', 'HEAD'].includes(route.method);
/** A POST that only needs a read permission is a dry run (the rule tester): it must change nothing. */
const isDryRun = (route: RouteInfo) => route.access !== undefined && 'permission' in route.access && route.access.permission.endsWith('.view');

test('an operator of account A gets 403 from every route of account B', async () => {
  const before = await fingerprintB();
  const routes = accountRoutes();
  assert.ok(routes.length >= 40, `covering ${routes.length} routes`);
  for (const route of routes) {
    const res = await ownerA.request(route.method, urlFor(route, accountB), isUnsafe(route) ? bodyFor(route) : undefined);
    assert.equal(res.statusCode, 403, `${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    assert.equal(res.json().error.code, 'FORBIDDEN');
    assert.ok(!res.body.includes(B_SECRET));
  }
  assert.equal(await fingerprintB(), before, "nothing of B's changed");
});

test("with A's own account in the URL, B's ids reach nothing of B", async () => {
  const before = await fingerprintB();
  for (const route of accountRoutes().filter((r) => /:(fanId|tagId|jobId|messageId|replyId|ruleId|operatorId|channelId|codeId|materialId|newsId|memberId|templateId|couponId)/.test(r.url) || r.url.endsWith('/fans/batch') || /\/(redeem|redeem\/lookup|member-lookup|loyalty\/members)$/.test(r.url))) {
    const res = await ownerA.request(route.method, urlFor(route, accountA), isUnsafe(route) ? bodyFor(route) : undefined);
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    if (ok) assert.equal(res.json().affected ?? 0, 0, `${route.method} ${route.url} touched B: ${res.body}`);
    else assert.ok(res.statusCode >= 400 && res.statusCode < 500 && res.statusCode !== 403, `${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    assert.ok(!res.body.includes(B_SECRET), `${route.method} ${route.url} leaked B's data`);
  }
  assert.equal(await fingerprintB(), before, "nothing of B's changed");
});

test('every state-changing route refuses a request without the CSRF token', async () => {
  for (const route of registeredRoutes(platform.http).filter((r) => r.url.startsWith('/api/') && isUnsafe(r) && r.url !== '/api/auth/login')) {
    const res = await ownerA.request(route.method, urlFor(route, accountA), bodyFor(route), { csrf: false });
    assert.equal(res.statusCode, 403, `${route.method} ${route.url}`);
    assert.equal(res.json().error.code, 'CSRF_FAILED', `${route.method} ${route.url}`);
  }
});

describe('roles within one account', () => {
  test('an analyst can read but change nothing', async () => {
    const analyst = await operatorWithRole(platform, accountA, 'analyst');
    const unsafe = accountRoutes().filter(isUnsafe);
    for (const route of unsafe.filter((r) => !isDryRun(r))) {
      const res = await analyst.request(route.method, urlFor(route, accountA), bodyFor(route));
      assert.equal(res.statusCode, 403, `${route.method} ${route.url} → ${res.statusCode}`);
    }
    const rulesBefore = await platform.db.query('select * from reply_rules where account_id = $1 order by 1', [accountA]);
    const dryRuns = unsafe.filter(isDryRun);
    assert.deepEqual(dryRuns.map((r) => r.url), ['/api/accounts/:accountId/rules/test'], 'the only read-permission POST is the rule tester');
    const tested = await analyst.post(`/api/accounts/${accountA}/rules/test`, { message: { type: 'text', content: 'hi' } });
    assert.equal(tested.statusCode, 200, tested.body);
    assert.deepEqual(await platform.db.query('select * from reply_rules where account_id = $1 order by 1', [accountA]), rulesBefore);
    assert.equal((await analyst.get(`/api/accounts/${accountA}/fans`)).statusCode, 200);
    assert.equal((await analyst.get(`/api/accounts/${accountA}/rules`)).statusCode, 200);
  });

  test('an agent works the inbox but cannot edit rules, members or the connection', async () => {
    const agent = await operatorWithRole(platform, accountA, 'agent');
    const rule = { name: 'x', trigger: 'default', replies: [{ type: 'text', content: 'x' }] };
    assert.equal((await agent.post(`/api/accounts/${accountA}/rules`, rule)).statusCode, 403);
    assert.equal((await agent.get(`/api/accounts/${accountA}/rules`)).statusCode, 403, 'an agent sees the inbox only');
    assert.equal((await agent.patch(`/api/accounts/${accountA}`, { name: 'x' })).statusCode, 403);
    assert.equal((await agent.post(`/api/accounts/${accountA}/members`, { username: 'x', role: 'owner' })).statusCode, 403);
    assert.equal((await agent.get(`/api/accounts/${accountA}/conversations`)).statusCode, 200);
    const me = (await agent.get('/api/auth/me')).json();
    assert.deepEqual(me.accounts[0].permissions, ['account.view', 'inbox.view', 'inbox.reply', 'fans.view', 'fans.edit']);
  });

  test('an editor edits rules; an admin cannot make owners; the last owner cannot leave', async () => {
    const editor = await operatorWithRole(platform, accountA, 'editor');
    assert.equal((await editor.post(`/api/accounts/${accountA}/rules`, { name: 'e', trigger: 'keyword', keywords: [{ text: 'hi', match: 'exact' }], replies: [{ type: 'text', content: 'x' }] })).statusCode, 201);
    const admin = await operatorWithRole(platform, accountA, 'admin');
    assert.equal((await admin.put(`/api/accounts/${accountA}/members/${editor.session.operator.id}`, { role: 'owner' })).statusCode, 403);
    assert.equal((await admin.put(`/api/accounts/${accountA}/members/${editor.session.operator.id}`, { role: 'agent' })).statusCode, 200);
    const res = await ownerA.delete(`/api/accounts/${accountA}/members/${ownerA.session.operator.id}`);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'LAST_OWNER');
  });
});
