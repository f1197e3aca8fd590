// bench/fan-sync — sync 1,000,000 fans from the emulator (a separate process, over HTTP) into PGlite and
// PostgreSQL, then time fan-list pages at that size through the HTTP API. Peers in the same run: a naive
// sync (sequential batchget, one ORM insert per 100 fans) on 100,000 fans, and OFFSET paging for deep pages.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { endpointsAt, MemoryTokenProvider, WechatClient } from '@zhanggui/wechat';
import { createPlatform, type Platform } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import { fans as fansTable } from '../../apps/server/src/modules/fans/fans.table.ts';
import { encodeCursor } from '../../apps/server/src/modules/inbox/cursor.ts';
import { signIn } from '../../apps/server/src/testing/console-client.ts';
import { startPostgresServer } from '../../apps/server/src/testing/postgres-server.ts';
import { ServerEnvironment } from '../../apps/server/src/testing/server-process.ts';
import { createScratchDatabase } from '../../apps/server/src/testing/test-database.ts';
import { percentile } from '../webhook/load.ts';
import { emulatedAccount, startEmulatorProcess, type EmulatorProcess } from '../emulator-process.ts';

const { values } = parseArgs({ options: { fans: { type: 'string', default: '1000000' }, 'peer-fans': { type: 'string', default: '100000' }, only: { type: 'string' } } });
const FANS = Number(values.fans);
const PEER_FANS = Number(values['peer-fans']);
const only = values.only?.split(',');
const want = (name: string) => !only || only.includes(name);

function platformFor(environment: ServerEnvironment, emulator: EmulatorProcess): Promise<Platform> {
  return createPlatform(loadConfig({}, { ...environment.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', WECHAT_API_BASE: emulator.url, SERVICES: 'worker' } as never));
}

async function timeSync(platform: Platform, accountId: number, count: number): Promise<number> {
  const started = performance.now();
  const job = await platform.jobs.enqueue({ accountId, kind: 'fan_sync', payload: { mode: 'full' } });
  let lastPrint = 0;
  for (;;) {
    const current = await platform.jobs.get(accountId, job.id);
    if (current.state === 'succeeded') break;
    if (current.state === 'failed') throw new Error(`sync failed: ${JSON.stringify(current.error)}`);
    if (Date.now() - lastPrint > 10_000) {
      lastPrint = Date.now();
      process.stdout.write(`  … ${current.progress.done}/${count} after ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return (performance.now() - started) / 1000;
}

async function p50(fn: () => Promise<unknown>, runs = 30): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const times = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times[i] = performance.now() - t0;
  }
  return Math.round(percentile(times.sort(), 50) * 100) / 100;
}

interface Figures {
  syncSeconds: number;
  rowsPerSecond: number;
  firstPage: number;
  filteredPage: number;
  deepPage: number;
  deepOffsetPeer: number;
}

async function runOurs(emulator: EmulatorProcess, databaseUrl?: string): Promise<Figures> {
  const environment = new ServerEnvironment({ databaseUrl });
  const platform = await platformFor(environment, emulator);
  try {
    const credentials = await emulatedAccount(emulator, FANS);
    const account = await platform.accounts.create({ name: 'bench', appId: credentials.appId, appSecret: credentials.secret, token: credentials.token, messageMode: 'plaintext', accountType: 'service', verified: true });
    const syncSeconds = await timeSync(platform, account.id, FANS);
    const [stored] = await platform.db.query<{ n: number }>('select count(*)::int as n from fans where account_id = $1', [account.id]);
    if (stored!.n !== FANS) throw new Error(`stored ${stored!.n} fans, expected ${FANS}`);
    await platform.db.query('analyze fans');

    await platform.operators.create({ username: 'bench', displayName: 'bench', password: 'bench password 1', isAdmin: true });
    await platform.operators.setRole(account.id, (await platform.operators.findByUsername('bench'))!.id, 'owner');
    const operator = await signIn(platform.http, 'bench', 'bench password 1');
    const base = `/api/accounts/${account.id}/fans`;
    const sixMonthsAgo = new Date(Date.now() - 182 * 86_400_000).toISOString();
    const [middle] = await platform.db.query<{ last_interaction_at: Date; id: number }>(
      'select last_interaction_at, id from fans where account_id = $1 order by last_interaction_at desc, id desc offset $2 limit 1',
      [account.id, Math.floor(FANS / 2)],
    );
    const deepCursor = encodeCursor(middle!.last_interaction_at, middle!.id);
    const ok = async (url: string) => {
      const res = await operator.get(url);
      if (res.statusCode !== 200 || res.json().items.length === 0) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    };
    const figures: Figures = {
      syncSeconds: Math.round(syncSeconds * 10) / 10,
      rowsPerSecond: Math.round(FANS / syncSeconds),
      firstPage: await p50(() => ok(`${base}?limit=50`)),
      filteredPage: await p50(() => ok(`${base}?limit=50&subscribed=true&source=ADD_SCENE_SEARCH&interactedAfter=${encodeURIComponent(sixMonthsAgo)}`)),
      deepPage: await p50(() => ok(`${base}?limit=50&cursor=${deepCursor}`)),
      // The peer: the same page by OFFSET, as most admin panels page.
      deepOffsetPeer: await p50(
        () => platform.db.query('select * from fans where account_id = $1 order by last_interaction_at desc, id desc offset $2 limit 50', [account.id, Math.floor(FANS / 2)]),
        10,
      ),
    };
    return figures;
  } finally {
    await platform.close();
    environment.cleanup();
  }
}

/** The naive peer: one batchget at a time, one ORM upsert per 100 fans. */
async function runNaivePeer(emulator: EmulatorProcess): Promise<{ syncSeconds: number; rowsPerSecond: number }> {
  const environment = new ServerEnvironment();
  const platform = await platformFor(environment, emulator);
  try {
    const credentials = await emulatedAccount(emulator, PEER_FANS);
    const account = await platform.accounts.create({ name: 'peer', appId: credentials.appId, appSecret: credentials.secret, token: credentials.token, messageMode: 'plaintext' });
    const endpoints = endpointsAt(emulator.url);
    const client = new WechatClient({ endpoints }, new MemoryTokenProvider({ appId: credentials.appId, secret: credentials.secret, endpoints }));
    const started = performance.now();
    let next = '';
    for (;;) {
      const page = await client.users.list(next);
      const openids = page.data?.openid ?? [];
      if (openids.length === 0) break;
      for (let i = 0; i < openids.length; i += 100) {
        const infos = (await client.users.batchInfo(openids.slice(i, i + 100))).user_info_list;
        await platform.db.orm
          .insert(fansTable)
          .values(infos.map((u) => ({ accountId: account.id, openid: u.openid, subscribed: u.subscribe === 1, subscribedAt: new Date((u.subscribe_time ?? 0) * 1000), subscribeScene: u.subscribe_scene ?? null, remark: u.remark || null, lastInteractionAt: new Date((u.subscribe_time ?? 0) * 1000) })))
          .onConflictDoUpdate({ target: [fansTable.accountId, fansTable.openid], set: { subscribed: sql`excluded.subscribed`, remark: sql`excluded.remark` } });
      }
      if (!page.next_openid) break;
      next = page.next_openid;
    }
    const syncSeconds = (performance.now() - started) / 1000;
    return { syncSeconds: Math.round(syncSeconds * 10) / 10, rowsPerSecond: Math.round(PEER_FANS / syncSeconds) };
  } finally {
    await platform.close();
    environment.cleanup();
  }
}

console.log(`bench/fan-sync: ${FANS} fans from the emulator (separate process); naive peer on ${PEER_FANS}; ${process.platform} ${process.version}`);
const emulator = await startEmulatorProcess();
const summary: Record<string, unknown> = { bench: 'fan-sync', fans: FANS };
const rows: Array<Record<string, unknown>> = [];
try {
  if (want('peer')) {
    console.log(`naive peer (PGlite, ${PEER_FANS} fans)…`);
    const peer = await runNaivePeer(emulator);
    rows.push({ target: `naive sequential sync, PGlite (${PEER_FANS})`, 'sync s': peer.syncSeconds, 'rows/s': peer.rowsPerSecond });
    summary.peer_rows_per_s = peer.rowsPerSecond;
  }
  for (const kind of ['pglite', 'postgres'] as const) {
    if (!want(kind)) continue;
    console.log(`zhanggui on ${kind}…`);
    let figures: Figures;
    if (kind === 'pglite') figures = await runOurs(emulator);
    else {
      const server = await startPostgresServer({ durable: true });
      if (!server) {
        console.log('PostgreSQL: not available; skipped');
        continue;
      }
      const scratch = await createScratchDatabase(server.url, 'zg_bench_sync');
      try {
        figures = await runOurs(emulator, scratch.url);
      } finally {
        await scratch.drop();
        await server.stop();
      }
    }
    rows.push({
      target: `zhanggui, ${kind} (${FANS})`,
      'sync s': figures.syncSeconds,
      'rows/s': figures.rowsPerSecond,
      'first page p50 ms': figures.firstPage,
      'filtered p50 ms': figures.filteredPage,
      'deep page p50 ms': figures.deepPage,
      'peer OFFSET deep p50 ms': figures.deepOffsetPeer,
    });
    summary[`${kind}_sync_s`] = figures.syncSeconds;
    summary[`${kind}_rows_per_s`] = figures.rowsPerSecond;
    summary[`${kind}_first_page_p50_ms`] = figures.firstPage;
    summary[`${kind}_filtered_page_p50_ms`] = figures.filteredPage;
    summary[`${kind}_deep_page_p50_ms`] = figures.deepPage;
    summary[`${kind}_offset_deep_page_p50_ms`] = figures.deepOffsetPeer;
    if (summary.peer_rows_per_s) summary[`ratio_${kind}_sync`] = Math.round((figures.rowsPerSecond / (summary.peer_rows_per_s as number)) * 100) / 100;
  }
} finally {
  await emulator.stop();
}
console.table(rows);
console.log(JSON.stringify(summary));
