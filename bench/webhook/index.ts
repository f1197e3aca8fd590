// bench/webhook — the full inbound pipeline (safe mode, keyword reply, persisted) under a loopback load,
// on PGlite and on PostgreSQL, against node-webot's `wechat` middleware on express (no persistence) fed
// the same messages by the same load generator. Prints figures and ends with one JSON line.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildXml, CallbackCodec, computeMsgSignature, computeSignature, generateEncodingAesKey, MessageCrypto, parseXml, text } from '@zhanggui/wechat';
import { freePort, startPostgresServer } from '../../apps/server/src/testing/postgres-server.ts';
import { ServerEnvironment } from '../../apps/server/src/testing/server-process.ts';
import { createScratchDatabase } from '../../apps/server/src/testing/test-database.ts';
import { percentile, runLoad, type LoadRequest } from './load.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '64' },
    warmup: { type: 'string', default: '1000' },
    fans: { type: 'string', default: '2000' },
    only: { type: 'string' },
  },
});
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const WARMUP = Number(values.warmup);
const FANS = Number(values.fans);

const account = {
  appId: `wx${randomBytes(8).toString('hex')}`,
  appSecret: randomBytes(16).toString('hex'),
  token: 'benchtoken',
  encodingAesKey: generateEncodingAesKey(),
  originalId: 'gh_b3c4d5e6f7a8',
};
const repo = fileURLToPath(new URL('../..', import.meta.url));

let msgId = 6_000_000_000_000_000_000n;
const words = ['营业时间', '有没有便宜的牛仔裤？', '你好，请问在吗', '牛仔裤多少钱', '营业时间', '我想退货'];

/** Signed, encrypted pushes exactly as WeChat sends them in safe mode; unique MsgIds. */
function makeRequests(count: number, path: string): LoadRequest[] {
  const crypto = new MessageCrypto(account.appId, account.encodingAesKey);
  const now = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, i) => {
    const openid = `o${String(i % FANS).padStart(27, '0')}`;
    const xml = buildXml({ ToUserName: account.originalId, FromUserName: openid, CreateTime: now, MsgType: 'text', Content: words[i % words.length]!, MsgId: String(++msgId) });
    const encrypt = crypto.encrypt(xml);
    const nonce = String(100000000 + i);
    const timestamp = String(now);
    const query = new URLSearchParams({
      signature: computeSignature(account.token, timestamp, nonce),
      timestamp,
      nonce,
      openid,
      encrypt_type: 'aes',
      msg_signature: computeMsgSignature(account.token, timestamp, nonce, encrypt),
    });
    return { path: `${path}?${query}`, body: buildXml({ ToUserName: account.originalId, Encrypt: encrypt }) };
  });
}

const codec = new CallbackCodec({ appId: account.appId, token: account.token, encodingAesKey: account.encodingAesKey });
/** Every answer must be a valid encrypted reply with the keyword's content. */
function countGoodAnswers(bodies: string[]): number {
  let good = 0;
  for (const body of bodies) {
    try {
      const inner = parseXml(codec.crypto!.decrypt(text(parseXml(body), 'Encrypt')).message);
      if (text(inner, 'MsgType') === 'text' || text(inner, 'MsgType') === 'news') good++;
    } catch {
      // counted as bad
    }
  }
  return good;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before ready:\n${output}`)));
  });
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  good: number;
  stored?: number;
}

async function measure(origin: string, path: string): Promise<Figures> {
  await runLoad(origin, makeRequests(WARMUP, path), CONCURRENCY);
  const requests = makeRequests(REQUESTS, path);
  const result = await runLoad(origin, requests, CONCURRENCY);
  const sorted = Float64Array.from(result.latencies).sort();
  return {
    rps: Math.round((REQUESTS / result.elapsedMs) * 1000),
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    good: countGoodAnswers(result.bodies),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

async function runOurs(databaseUrl?: string): Promise<Figures> {
  const environment = new ServerEnvironment({ databaseUrl });
  const accountId = await environment.seed(async (platform) => {
    const created = await platform.accounts.create({ name: 'bench', ...account, messageMode: 'safe' });
    await platform.replies.create(created.id, { name: '默认', trigger: 'default', replies: [{ type: 'text', content: '收到，稍后回复您' }] });
    await platform.replies.create(created.id, { name: '营业时间', trigger: 'keyword', keywords: [{ text: '营业时间', match: 'exact' }], replies: [{ type: 'text', content: '每天 9:00–21:00' }] });
    await platform.replies.create(created.id, { name: '牛仔裤', trigger: 'keyword', keywords: [{ text: '牛仔裤', match: 'contains' }], replies: [{ type: 'news', articles: [{ title: '新款牛仔裤', url: 'https://shop.example.com/jeans' }] }] });
    return created.id;
  });
  // ZG_BENCH_PROFILE=<dir> writes a CPU profile of the server process there.
  const profile = process.env.ZG_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.ZG_BENCH_PROFILE}`] : [];
  const server = await environment.spawn({ execArgv: profile });
  try {
    const figures = await measure(server.url, `/wx/${accountId}`);
    await server.stop();
    // Everything answered is stored: count the rows.
    const db = await environment.open();
    const [row] = await db.query<{ n: number }>('select count(*)::int as n from messages');
    await db.close();
    return { ...figures, stored: row!.n };
  } finally {
    await server.stop();
    environment.cleanup();
  }
}

async function runPeer(): Promise<Figures> {
  const port = await freePort();
  const server = spawn(process.execPath, [join(repo, 'bench/webhook/peer-server.cjs')], {
    env: { ...process.env, PORT: String(port), WX_TOKEN: account.token, WX_APPID: account.appId, WX_AES_KEY: account.encodingAesKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await waitForLine(server, /peer listening/);
    return await measure(`http://127.0.0.1:${port}`, '/wx');
  } finally {
    await stop(server);
  }
}

const only = values.only?.split(',');
const want = (name: string) => !only || only.includes(name);
console.log(`bench/webhook: ${REQUESTS} safe-mode text pushes (+${WARMUP} warm-up), ${CONCURRENCY} concurrent, ${FANS} fans, loopback, ${process.platform} ${process.version}`);

const results: Record<string, Figures> = {};
if (want('peer')) results.peer = await runPeer();
if (want('pglite')) results.pglite = await runOurs();
if (want('postgres')) {
  const server = await startPostgresServer({ durable: true });
  if (server) {
    const scratch = await createScratchDatabase(server.url, 'zg_bench_webhook');
    try {
      results.postgres = await runOurs(scratch.url);
    } finally {
      await scratch.drop();
      await server.stop();
    }
  } else {
    console.log('PostgreSQL: not installed and DATABASE_URL unset; skipped');
  }
}

const table = Object.entries(results).map(([name, f]) => ({
  target: name === 'peer' ? 'peer: wechat@2.1.0 + express (no persistence)' : `zhanggui on ${name} (persisted)`,
  'msgs/s': f.rps,
  'p50 ms': f.p50,
  'p99 ms': f.p99,
  'valid replies': `${f.good}/${REQUESTS}`,
  'rows stored': f.stored === undefined ? '-' : `${f.stored}/${REQUESTS + WARMUP}`,
}));
console.table(table);
const summary: Record<string, unknown> = { bench: 'webhook', requests: REQUESTS, concurrency: CONCURRENCY };
for (const [name, f] of Object.entries(results)) {
  summary[`${name}_rps`] = f.rps;
  summary[`${name}_p50_ms`] = f.p50;
  summary[`${name}_p99_ms`] = f.p99;
  if (f.stored !== undefined) summary[`${name}_stored`] = f.stored;
}
if (results.peer) {
  if (results.pglite) summary.ratio_pglite = round(results.pglite.rps / results.peer.rps);
  if (results.postgres) summary.ratio_postgres = round(results.postgres.rps / results.peer.rps);
}
console.log(JSON.stringify(summary));
