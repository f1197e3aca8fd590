// bench/loyalty — the two races loyalty must win, over real HTTP against a listening platform, on PGlite and
// on PostgreSQL:
//   1. redemptions: 1,000 concurrent POST /redeem over 500 codes (each code twice, from two till logins):
//      exactly 500 redeemed and 500 refused, and the throughput;
//   2. card issuance: 200 fans claim their card at once on the fan pages, plus 200 duplicate claims: exactly
//      200 cards, 200 distinct member numbers.
// The peer, in the same run and on the same database: a naive till (read the coupon, then write it) behind the
// same kind of HTTP endpoint — what a check-then-act redemption does under the same rush.
import { createServer, type Server } from 'node:http';
import { parseArgs } from 'node:util';
import type { Platform } from '../../apps/server/src/app.ts';
import { signIn } from '../../apps/server/src/testing/console-client.ts';
import { freePort, startPostgresServer } from '../../apps/server/src/testing/postgres-server.ts';
import { createTestPlatform, fakeAccountCredentials } from '../../apps/server/src/testing/test-platform.ts';

const { values } = parseArgs({ options: { codes: { type: 'string', default: '500' }, fans: { type: 'string', default: '200' }, only: { type: 'string' } } });
const CODES = Number(values.codes);
const FANS = Number(values.fans);
const only = values.only?.split(',');
const want = (name: string) => !only || only.includes(name);

interface Figures {
  redeemed: number;
  refused: number;
  other: number;
  redeemedInDb: number;
  redemptionsPerSecond: number;
  redeemSeconds: number;
  cards: number;
  distinctNumbers: number;
  issueSeconds: number;
  peerRedeemed?: number;
  peerRedeemedInDb?: number;
  peerSeconds?: number;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function setup(platform: Platform) {
  const account = await platform.accounts.create({ ...fakeAccountCredentials('plaintext'), accountType: 'service', verified: true });
  await platform.members.saveProgram(account.id, {
    enabled: true,
    cardName: '压测会员卡',
    color: '#1F6F5C',
    memberNoPrefix: 'B',
    memberNoDigits: 8,
    notice: '',
    levels: [{ name: '普通会员', threshold: 0, payPercent: null, benefits: '' }],
    points: { checkin: 5, streak: [], perYuan: 1, welcome: 0 },
    cardKeyword: '',
    checkinKeyword: '',
  });
  const template = await platform.coupons.saveTemplate(account.id, null, { name: '压测券', kind: 'amount', amountOffFen: 1000, validity: { type: 'relative', days: 7 }, stock: CODES * 3, perFanLimit: 1 });
  const peerTemplate = await platform.coupons.saveTemplate(account.id, null, { name: '对照券', kind: 'amount', amountOffFen: 1000, validity: { type: 'relative', days: 7 }, stock: CODES * 3, perFanLimit: 1 });
  const issue = async (templateId: number, prefix: string) => {
    const codes: string[] = [];
    for (let i = 0; i < CODES; i++) codes.push((await platform.coupons.issue(account.id, templateId, `${prefix}${i}`, 'manual')).code);
    return codes;
  };
  const started = performance.now();
  const codes = await issue(template.id, 'o-bench-');
  const peerCodes = await issue(peerTemplate.id, 'o-peer-');
  console.log(`  issued ${CODES * 2} coupons one by one in ${round((performance.now() - started) / 1000, 1)} s`);
  for (const name of ['till-a', 'till-b']) {
    await platform.operators.create({ username: name, displayName: name, password: 'bench till password', isAdmin: false });
    const op = await platform.operators.findByUsername(name);
    await platform.operators.setRole(account.id, op!.id, 'staff');
  }
  return { accountId: account.id, codes, peerCodes };
}

/** The naive till: read the coupon, and if it is unused, mark it used — two statements, no guard. */
function naiveTill(platform: Platform): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      try {
        const { code } = JSON.parse(body) as { code: string };
        const [row] = await platform.db.query<{ id: string; status: string }>('select id, status from coupons where code = $1', [code]);
        if (!row || row.status !== 'issued') {
          res.writeHead(409).end('{"error":"used"}');
          return;
        }
        await platform.db.query(`update coupons set status = 'redeemed', redeemed_at = now() where id = $1`, [row.id]);
        res.writeHead(200).end('{"ok":true}');
      } catch {
        res.writeHead(500).end();
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

async function run(label: string): Promise<Figures> {
  const platform = await createTestPlatform({ PORT: await freePort() });
  try {
    const url = await platform.listen();
    const { accountId, codes, peerCodes } = await setup(platform);
    const tills = await Promise.all(['till-a', 'till-b'].map((name) => signIn(platform.http, name, 'bench till password')));

    // 1. Every code twice, from two tills, all at once.
    const attempts = codes.flatMap((code, i) => [
      { code, till: tills[i % 2]! },
      { code, till: tills[(i + 1) % 2]! },
    ]);
    attempts.sort(() => Math.random() - 0.5);
    const started = performance.now();
    const statuses = await Promise.all(
      attempts.map(({ code, till }) =>
        fetch(`${url}/api/accounts/${accountId}/loyalty/redeem`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: till.cookie, 'x-csrf-token': till.session.csrfToken },
          body: JSON.stringify({ code }),
        }).then(async (res) => {
          await res.arrayBuffer();
          return res.status;
        }),
      ),
    );
    const redeemSeconds = (performance.now() - started) / 1000;
    const [db] = await platform.db.query<{ n: number; events: number }>(
      `select count(*)::int as n, (select count(*)::int from coupon_events e where e.account_id = $1 and e.action = 'redeemed') as events from coupons where account_id = $1 and code = any($2) and status = 'redeemed'`,
      [accountId, codes],
    );

    // 2. Card claims on the fan pages: each fan twice, at once.
    const openids = Array.from({ length: FANS }, (_, i) => `o-card-${i}`);
    const claims = [...openids, ...openids].sort(() => Math.random() - 0.5);
    const issueStarted = performance.now();
    await Promise.all(
      claims.map((openid) =>
        fetch(`${url}/h5/api/${accountId}/card`, { method: 'POST', headers: { cookie: `zg_fan_${accountId}=${platform.fanSessions.session(accountId, openid)}`, 'x-zg-fan': '1' } }).then((res) => res.arrayBuffer()),
      ),
    );
    const issueSeconds = (performance.now() - issueStarted) / 1000;
    const [cards] = await platform.db.query<{ n: number; numbers: number }>('select count(*)::int as n, count(distinct member_no)::int as numbers from members where account_id = $1 and openid = any($2)', [accountId, openids]);

    // The peer: the naive till, the same rush, the same database.
    const peer = await naiveTill(platform);
    const peerStarted = performance.now();
    const peerStatuses = await Promise.all(
      peerCodes.flatMap((code) => [code, code]).sort(() => Math.random() - 0.5).map((code) =>
        fetch(`${peer.url}/redeem`, { method: 'POST', body: JSON.stringify({ code }) }).then(async (res) => {
          await res.arrayBuffer();
          return res.status;
        }),
      ),
    );
    const peerSeconds = (performance.now() - peerStarted) / 1000;
    peer.server.close();
    const [peerDb] = await platform.db.query<{ n: number }>(`select count(*)::int as n from coupons where code = any($1) and status = 'redeemed'`, [peerCodes]);

    const figures: Figures = {
      redeemed: statuses.filter((s) => s === 200).length,
      refused: statuses.filter((s) => s === 409).length,
      other: statuses.filter((s) => s !== 200 && s !== 409).length,
      redeemedInDb: db!.n,
      redemptionsPerSecond: round(attempts.length / redeemSeconds, 0),
      redeemSeconds: round(redeemSeconds),
      cards: cards!.n,
      distinctNumbers: cards!.numbers,
      issueSeconds: round(issueSeconds),
      peerRedeemed: peerStatuses.filter((s) => s === 200).length,
      peerRedeemedInDb: peerDb!.n,
      peerSeconds: round(peerSeconds),
    };
    console.log(
      `  ${label}: redeemed ${figures.redeemed} (rows ${figures.redeemedInDb}, events ${db!.events}), refused ${figures.refused}, other ${figures.other}; ${figures.redemptionsPerSecond} attempts/s (${figures.redeemSeconds} s)\n` +
        `  ${label}: ${claims.length} card claims → ${figures.cards} cards, ${figures.distinctNumbers} distinct numbers in ${figures.issueSeconds} s\n` +
        `  ${label} peer (read-then-write till): ${figures.peerRedeemed} answered "redeemed" for ${CODES} codes (${round(peerSeconds)} s)`,
    );
    return figures;
  } finally {
    await platform.close();
  }
}

console.log(`bench/loyalty: ${CODES * 2} concurrent redemptions over ${CODES} codes (two tills), ${FANS * 2} concurrent card claims from ${FANS} fans, loopback, ${process.platform} ${process.version}`);
const results: Record<string, Figures> = {};
if (want('pglite')) {
  delete process.env.DATABASE_URL;
  results.pglite = await run('PGlite');
}
if (want('postgres')) {
  const server = await startPostgresServer();
  if (server) {
    process.env.DATABASE_URL = server.url;
    try {
      results.postgres = await run('PostgreSQL');
    } finally {
      delete process.env.DATABASE_URL;
      await server.stop();
    }
  } else {
    console.log('PostgreSQL: not installed and DATABASE_URL unset; skipped');
  }
}

const summary: Record<string, unknown> = { bench: 'loyalty', codes: CODES, attempts: CODES * 2, fans: FANS, claims: FANS * 2 };
for (const [name, f] of Object.entries(results)) {
  summary[`${name}_redeemed`] = f.redeemed;
  summary[`${name}_refused`] = f.refused;
  summary[`${name}_redemptions_per_s`] = f.redemptionsPerSecond;
  summary[`${name}_cards`] = f.cards;
  summary[`${name}_card_claims_s`] = f.issueSeconds;
  summary[`${name}_peer_redeemed`] = f.peerRedeemed;
  summary[`${name}_exact`] = f.redeemed === CODES && f.refused === CODES && f.redeemedInDb === CODES && f.cards === FANS && f.distinctNumbers === FANS;
}
console.log(JSON.stringify(summary));
