import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { acquireLockFile } from './lock-file.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Orm = PgDatabase<PgQueryResultHKT, Schema>;

/** Raw SQL access shared by both drivers; `query` takes $1-style parameters. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Drizzle over the same connection(s), for typed queries. */
  readonly orm: Orm;
  /** Runs `fn` in one transaction; on PGlite this also holds the single session for its duration. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Subscribes to NOTIFY on `channel` (across processes on PostgreSQL). Returns an unsubscribe function. */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** A hash of the migration files, to key cached templates on. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    if (!name.endsWith('.sql') && !name.endsWith('.json')) continue;
    hash.update(name).update(readFileSync(`${MIGRATIONS_FOLDER}/${name}`));
  }
  return hash.digest('hex').slice(0, 16);
}

export interface PgliteOptions {
  /** Directory for the data; omit for an in-memory database. A lock file beside it keeps other processes out. */
  dataDir?: string;
  /** A dump (from `dumpDataDir`) to start from instead of running initdb; used by tests. */
  loadDataDir?: Blob | File;
}

export interface PgliteDatabase extends Database {
  readonly kind: 'pglite';
  /** A tarball of the data directory, to start other instances from (`loadDataDir`). */
  dump(): Promise<Blob>;
}

/** Opens the embedded database (PostgreSQL in WASM, in process). */
export async function openPglite(options: PgliteOptions = {}): Promise<PgliteDatabase> {
  const release = options.dataDir ? acquireLockFile(`${options.dataDir}.lock`) : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, extensions: { pg_trgm } });
  } catch (error) {
    release();
    throw error;
  }
  const orm = drizzlePglite({ client, schema }) as unknown as Orm;
  const run = async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows;
  return {
    kind: 'pglite',
    orm,
    query: run,
    async transaction(fn) {
      return client.transaction(async (tx) => fn({ query: async <T>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows }));
    },
    async listen(channel, handler) {
      const unsubscribe = await client.listen(channel, handler);
      return async () => unsubscribe();
    },
    async notify(channel, payload) {
      await client.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async dump() {
      return client.dumpDataDir('none');
    },
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/** Connects to a PostgreSQL server. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {}); // an idle client dropped by the server; the pool replaces it
  const orm = drizzlePg({ client: pool, schema }) as unknown as Orm;
  let listener: pg.Client | null = null;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  return {
    kind: 'postgres',
    orm,
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({ query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[] });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, handler) {
      if (!listener) {
        listener = new pg.Client({ connectionString: url });
        listener.on('error', () => {});
        await listener.connect();
        listener.on('notification', (message) => {
          for (const h of handlers.get(message.channel) ?? []) h(message.payload ?? '');
        });
      }
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await listener.query(`listen ${pg.escapeIdentifier(channel)}`);
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
      };
    },
    async notify(channel, payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}

/** Applies pending migrations. On PostgreSQL an advisory lock keeps two starting processes from racing. */
export async function migrateDatabase(db: Database, url?: string): Promise<void> {
  if (db.kind === 'pglite') {
    await db.query('create extension if not exists pg_trgm');
    await migratePglite(db.orm as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(7243001)');
    await client.query('create extension if not exists pg_trgm');
    await migratePg(drizzlePg({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('select pg_advisory_unlock(7243001)').catch(() => {});
    await client.end();
  }
}

export async function openDatabase(config: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number }): Promise<Database> {
  const db = config.kind === 'pglite' ? await openPglite({ dataDir: config.dataDir }) : await openPostgres(config.url, config.poolSize);
  try {
    await migrateDatabase(db, config.kind === 'postgres' ? config.url : undefined);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
