import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { acquireLockFile } from './lock-file.ts';
import { PgliteThread } from './pglite-thread.ts';
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

/** Opens the embedded database (PostgreSQL in WASM) in its own thread. */
export async function openPglite(options: PgliteOptions = {}): Promise<PgliteDatabase> {
  const release = options.dataDir ? acquireLockFile(`${options.dataDir}.lock`) : () => {};
  try {
    const thread = await PgliteThread.start({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined,
    });
    return { ...thread.database(release), kind: 'pglite' };
  } catch (error) {
    release();
    throw error;
  }
}

const INT8_OID = 20;
/** int8 as a number when it fits exactly, else as text — the same rule the embedded database uses. */
const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  oid === INT8_OID
    ? (value: string) => (Number.isSafeInteger(Number(value)) ? Number(value) : value)
    : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;

/** Connects to a PostgreSQL server. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: { getTypeParser } });
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

/**
 * Applies pending migrations (drizzle-kit's SQL files, drizzle's bookkeeping table) in one transaction.
 * On PostgreSQL an advisory lock inside it keeps two starting processes from racing.
 */
export async function migrateDatabase(db: Database): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  await db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(7243001)');
    await tx.query('create extension if not exists pg_trgm');
    await tx.query('create schema if not exists drizzle');
    await tx.query('create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)');
    const [last] = await tx.query<{ created_at: string }>('select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1');
    for (const migration of migrations) {
      if (last && Number(last.created_at) >= migration.folderMillis) continue;
      for (const statement of migration.sql) if (statement.trim()) await tx.query(statement);
      await tx.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [migration.hash, migration.folderMillis]);
    }
  });
}

export async function openDatabase(config: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number }): Promise<Database> {
  const db = config.kind === 'pglite' ? await openPglite({ dataDir: config.dataDir }) : await openPostgres(config.url, config.poolSize);
  try {
    await migrateDatabase(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
