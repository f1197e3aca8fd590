// bench/broadcast — a broadcast to 1,000,000 emulator fans by openid batches, sent by the server as its own
// process against the emulator (another process), on PGlite and on PostgreSQL: the time to resolve the
// audience (the snapshot) and to dispatch every batch (WeChat allows 60 mass calls a minute, so 100 batches
// take at least a minute). Then the crash test: `kill -9` the server in the middle of a send, start it again,
// let it finish, and count duplicates and missing recipients as the emulator saw them.
// The peer, in the same run: a naive sender (no stored audience, no clientmsgid, newest fans first) that
// crashes at the same point and starts over while 5,000 new fans arrive — what exactly-once saves. It runs on
// 450,000 fans, so that sending a third of them twice stays within WeChat's 100 mass calls a day.
import { parseArgs } from 'node:util';
import { endpointsAt, MemoryTokenProvider, WechatClient } from '@zhanggui/wechat';
import { OpenidCodec } from '../../packages/emulator/src/fans/openid.ts';
import { startPostgresServer } from '../../apps/server/src/testing/postgres-server.ts';
import { ServerEnvironment, type ServerProcess } from '../../apps/server/src/testing/server-process.ts';
import { createScratchDatabase } from '../../apps/server/src/testing/test-database.ts';
import { control, emulatedAccount, startEmulatorProcess, type EmulatorProcess } from '../emulator-process.ts';

const { values } = parseArgs({ options: { fans: { type: 'string', default: '1000000' }, only: { type: 'string' } } });
const FANS = Number(values.fans);
// WeChat allows 100 mass/send calls a day: 1,000,000 fans take all 100, and a send resumed after a crash
// repeats the batch in flight. The crash test leaves room for that one call.
const CRASH_FANS = Math.min(FANS, 990_000);
const CRASH_AT = 0.3;
// The naive peer sends its first 30% twice: at 450,000 fans that still fits WeChat's 100 calls a day.
const PEER_FANS = Math.min(FANS, 450_000);
const only = values.only?.split(',');
const want = (name: string) => !only || only.includes(name);

interface Deliveries {
  total: number;
  recipients: number;
  duplicates: number;
}

const deliveries = async (emulator: EmulatorProcess, appId: string): Promise<Deliveries> =>
  (await (await fetch(`${emulator.url}/_emulator/accounts/${appId}/mass-deliveries`)).json()) as Deliveries;

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Our account with `count` fans as a fan sync would have stored them, and a broadcast to all of them by filter. */
async function seed(environment: ServerEnvironment, emulator: EmulatorProcess, count: number) {
  const credentials = await emulatedAccount(emulator, count);
  const codec = new OpenidCodec(credentials.appId);
  const started = performance.now();
  const ids = await environment.seed(async (platform) => {
    const account = await platform.accounts.create({ name: 'bench', appId: credentials.appId, appSecret: credentials.secret, token: credentials.token, messageMode: 'plaintext', accountType: 'service', verified: true });
    for (let i = 0; i < count; i += 50_000) {
      const openids = codec.encodeMany(Array.from({ length: Math.min(50_000, count - i) }, (_, k) => i + k));
      await platform.db.query(`insert into fans (account_id, openid, subscribed, last_interaction_at) select $1, o, true, now() from jsonb_array_elements_text($2::jsonb) o`, [account.id, JSON.stringify(openids)]);
    }
    await platform.db.query('analyze fans');
    const operator = await platform.operators.create({ username: `bench${account.id}`, displayName: 'bench', password: 'bench password 1', isAdmin: true });
    const broadcast = await platform.broadcasts.create(account.id, { id: operator.id, canApprove: true }, { title: '百万群发', message: { type: 'text', content: '百万粉丝群发测试' }, target: { kind: 'filter', filter: {} } });
    return { accountId: account.id, broadcastId: broadcast.id };
  });
  console.log(`  seeded ${count} fans in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { ...ids, appId: credentials.appId };
}

/** The broadcast's timeline, read from the database after the server stopped. */
async function timeline(environment: ServerEnvironment, broadcastId: number) {
  const db = await environment.open();
  try {
    const [row] = await db.query<{ status: string; audience: number; batches: number; snapshot_s: number; dispatch_s: number }>(
      `select b.status, b.audience, (select count(*)::int from broadcast_batches where broadcast_id = b.id and status = 'sent') as batches,
              extract(epoch from ((select min(sent_at) from broadcast_batches where broadcast_id = b.id) - b.started_at))::float8 as snapshot_s,
              extract(epoch from (b.finished_at - b.started_at))::float8 as dispatch_s
         from broadcasts b where b.id = $1`,
      [broadcastId],
    );
    return row!;
  } finally {
    await db.close();
  }
}

const WORKER = { SERVICES: 'web,worker' };

async function runOurs(emulator: EmulatorProcess, databaseUrl?: string) {
  const environment = new ServerEnvironment({ databaseUrl, extra: { SERVICES: 'web', WECHAT_API_BASE: emulator.url } });
  let server: ServerProcess | null = null;
  try {
    // Clean run.
    const clean = await seed(environment, emulator, FANS);
    server = await environment.spawn({ env: WORKER });
    await until('every fan delivered', async () => (await deliveries(emulator, clean.appId)).total >= FANS);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await server.stop();
    server = null;
    const sent = await timeline(environment, clean.broadcastId);
    const delivered = await deliveries(emulator, clean.appId);
    console.log(`  clean: ${sent.status}, ${sent.audience} fans in ${sent.batches} batches; snapshot ${sent.snapshot_s.toFixed(1)} s, dispatch ${sent.dispatch_s.toFixed(1)} s; delivered ${delivered.recipients}, duplicates ${delivered.duplicates}`);

    // Crash test.
    const crash = await seed(environment, emulator, CRASH_FANS);
    server = await environment.spawn({ env: WORKER });
    await until('the crash point', async () => (await deliveries(emulator, crash.appId)).total >= CRASH_FANS * CRASH_AT);
    await server.kill9();
    const atCrash = await deliveries(emulator, crash.appId);
    console.log(`  kill -9 after ${atCrash.total} deliveries; starting again (the job's lease must lapse first)`);
    server = await environment.spawn({ env: WORKER });
    await until('the resumed send', async () => (await deliveries(emulator, crash.appId)).recipients >= CRASH_FANS);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await server.stop();
    server = null;
    const after = await deliveries(emulator, crash.appId);
    const resumed = await timeline(environment, crash.broadcastId);
    const missing = CRASH_FANS - after.recipients;
    console.log(`  crash: ${resumed.status}; delivered ${after.recipients}/${CRASH_FANS}, duplicates ${after.duplicates}, missing ${missing}`);
    return { snapshot: round(sent.snapshot_s), dispatch: round(sent.dispatch_s), fansPerSecond: Math.round(FANS / sent.dispatch_s), duplicates: after.duplicates, missing, cleanDuplicates: delivered.duplicates };
  } finally {
    await server?.kill9();
    environment.cleanup();
  }
}

/** The naive sender: pages the newest fans first with OFFSET, sends each page, keeps no record of what went out. */
async function runPeer(emulator: EmulatorProcess) {
  const credentials = await emulatedAccount(emulator, PEER_FANS + 5_000);
  const codec = new OpenidCodec(credentials.appId);
  const endpoints = endpointsAt(emulator.url);
  const client = new WechatClient({ endpoints }, new MemoryTokenProvider({ appId: credentials.appId, secret: credentials.secret, endpoints }));
  // Newest first: the 5,000 fans past CRASH_FANS follow while the first attempt is under way.
  let known = PEER_FANS;
  const newestFirst = (offset: number, size: number) => Array.from({ length: Math.min(size, known - offset) }, (_, k) => known - 1 - (offset + k));
  const send = async (stopAt: number | null) => {
    for (let offset = 0; offset < known; offset += 10_000) {
      if (stopAt !== null && offset >= stopAt) return;
      await client.mass.send({ msgtype: 'text', text: { content: '百万粉丝群发测试' }, touser: codec.encodeMany(newestFirst(offset, 10_000)) });
    }
  };
  const started = performance.now();
  await send(PEER_FANS * CRASH_AT);
  known = PEER_FANS + 5_000;
  await send(null);
  await until('the peer’s deliveries', async () => (await deliveries(emulator, credentials.appId)).recipients >= known);
  const seconds = (performance.now() - started) / 1000;
  const after = await deliveries(emulator, credentials.appId);
  console.log(`  peer: delivered ${after.recipients}/${known}, duplicates ${after.duplicates}, ${seconds.toFixed(1)} s`);
  return { duplicates: after.duplicates, missing: known - after.recipients, fans: known };
}

const round = (n: number) => Math.round(n * 10) / 10;

const emulator = await startEmulatorProcess();
const summary: Record<string, number | string> = { bench: 'broadcast', fans: FANS, crash_fans: CRASH_FANS };
try {
  console.log(`bench/broadcast: ${FANS} fans by openid batches of 10,000 (the crash test: ${CRASH_FANS}, kill -9 at ${CRASH_AT * 100}%)`);
  if (want('peer')) {
    console.log('peer: naive sender…');
    const peer = await runPeer(emulator);
    summary.peer_fans = peer.fans;
    summary.peer_duplicates = peer.duplicates;
    summary.peer_missing = peer.missing;
  }
  for (const kind of ['pglite', 'postgres'] as const) {
    if (!want(kind)) continue;
    console.log(`zhanggui on ${kind}…`);
    let figures: Awaited<ReturnType<typeof runOurs>>;
    if (kind === 'pglite') figures = await runOurs(emulator);
    else {
      const server = await startPostgresServer({ durable: true });
      if (!server) {
        console.log('PostgreSQL: not available; skipped');
        continue;
      }
      const scratch = await createScratchDatabase(server.url, 'zg_bench_broadcast');
      try {
        figures = await runOurs(emulator, scratch.url);
      } finally {
        await scratch.drop();
        await server.stop();
      }
    }
    summary[`${kind}_snapshot_s`] = figures.snapshot;
    summary[`${kind}_dispatch_s`] = figures.dispatch;
    summary[`${kind}_fans_per_s`] = figures.fansPerSecond;
    summary[`${kind}_clean_duplicates`] = figures.cleanDuplicates;
    summary[`${kind}_crash_duplicates`] = figures.duplicates;
    summary[`${kind}_crash_missing`] = figures.missing;
  }
} finally {
  await emulator.stop();
}
console.log(JSON.stringify(summary));
