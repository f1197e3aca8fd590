import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL server for tests that need several processes on one database: DATABASE_URL when set (CI),
 * otherwise a throwaway cluster started from the locally installed binaries. Null when neither exists,
 * and the caller skips with a reason — except in CI, where a missing server fails the test instead of
 * letting the multi-process checks pass unseen.
 */
export async function startPostgresServer(options: { durable?: boolean } = {}): Promise<PostgresServer | null> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const bin = findPostgresBin();
  if (!bin && process.env.CI === 'true') throw new Error('no PostgreSQL server in CI: set DATABASE_URL or apt-get install postgresql');
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'zg-pg-'));
  const port = await freePort();
  // initdb refuses to run as root; run the cluster as the `postgres` user when we are root.
  const asUser = process.getuid?.() === 0 ? 'postgres' : null;
  if (asUser) chownSync(dir, uidOf(asUser), gidOf(asUser));
  const run = (command: string) => {
    const result = asUser
      ? spawnSync('su', [asUser, '-s', '/bin/sh', '-c', command], { encoding: 'utf8' })
      : spawnSync('/bin/sh', ['-c', command], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command}\n${result.stderr}${result.stdout}`);
  };
  run(`${bin}/initdb -D ${dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > ${dir}/initdb.log 2>&1`);
  // Tests trade durability for speed; benchmarks pass durable: true to measure what production would do.
  const durability = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off';
  run(`${bin}/pg_ctl -D ${dir}/data -l ${dir}/pg.log -w -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}${durability}" start > /dev/null`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        run(`${bin}/pg_ctl -D ${dir}/data -m immediate -w stop > /dev/null`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) if (existsSync(`${root}/${version}/bin/initdb`)) return `${root}/${version}/bin`;
  return null;
}

function idOf(user: string, flag: '-u' | '-g'): number {
  const result = spawnSync('id', [flag, user], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`no user ${user}`);
  return Number(result.stdout.trim());
}
const uidOf = (user: string) => idOf(user, '-u');
const gidOf = (user: string) => idOf(user, '-g');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
