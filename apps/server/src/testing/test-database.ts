import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateDatabase, migrationsHash, openPglite, openPostgres, type Database } from '../platform/db/database.ts';

export interface TestDatabase extends Database {
  /** The connection URL when running against a PostgreSQL server (CI), for spawning other processes. */
  readonly url?: string;
}

/**
 * A fresh, migrated database for one test: PGlite in memory (started from a cached, already-migrated
 * dump, ~1 s instead of ~4 s) or, when DATABASE_URL is set, a new database on that server cloned from
 * a migrated template. Closing it drops it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? createOnServer(serverUrl) : createPglite();
}

async function createPglite(): Promise<TestDatabase> {
  const path = join(tmpdir(), `zhanggui-pglite-template-${migrationsHash()}.tar`);
  if (!existsSync(path)) {
    const template = await openPglite();
    await migrateDatabase(template);
    const dump = await template.dump();
    await template.close();
    // Write then rename, so parallel test processes never read a half-written file.
    const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  }
  return openPglite({ loadDataDir: new Blob([readFileSync(path)]) });
}

async function createOnServer(serverUrl: string): Promise<TestDatabase> {
  const template = `zg_tpl_${migrationsHash()}`;
  const name = `zg_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(7243002)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`create database ${template}`);
      const url = withDatabase(serverUrl, template);
      const db = await openPostgres(url, 1);
      await migrateDatabase(db);
      await db.close();
    }
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.query('select pg_advisory_unlock(7243002)').catch(() => {});
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const db = await openPostgres(url, 10);
  return {
    ...db,
    url,
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await cleanup.end();
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A new, empty database on a PostgreSQL server (for tests that spawn server processes); `drop` removes it. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabase(serverUrl, name),
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await cleanup.end();
    },
  };
}
