import { Worker } from 'node:worker_threads';
import { drizzle as drizzleProxy } from 'drizzle-orm/pg-proxy';
import type { Database, Orm, Sql } from './database.ts';
import * as schema from './schema.ts';

/** Messages to the worker (pglite-worker.mjs) carry an id; the answer carries the same id. */
type Request =
  | { op: 'query'; text: string; params?: unknown[]; rowMode?: 'object' | 'array'; tx?: number }
  | { op: 'exec'; text: string }
  | { op: 'begin' }
  | { op: 'commit' | 'rollback'; tx: number }
  | { op: 'listen'; channel: string }
  | { op: 'dump' }
  | { op: 'close' };

/** A PostgreSQL error re-created on this side of the thread, with its SQLSTATE `code`. */
export class PgliteError extends Error {
  override readonly name = 'PgliteError';
  code?: string;
  detail?: string;
  constraint?: string;
}

/**
 * PGlite in a worker thread, behind the same Database interface as a PostgreSQL server. Statements run
 * one at a time (PGlite is a single session), off the event loop.
 */
export class PgliteThread {
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private nextId = 1;
  private exited: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: { id?: number; result?: unknown; error?: Record<string, string>; notify?: string; payload?: string }) => {
      if (message.notify !== undefined) {
        for (const handler of this.handlers.get(message.notify) ?? []) handler(message.payload ?? '');
        return;
      }
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id!);
      if (message.error) waiter.reject(Object.assign(new PgliteError(message.error.message), message.error));
      else waiter.resolve(message.result);
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the database thread exited (${code})`)));
  }

  static async start(options: { dataDir?: string; loadDataDir?: ArrayBuffer }): Promise<PgliteThread> {
    const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
      workerData: { dataDir: options.dataDir, loadDataDir: options.loadDataDir },
      transferList: options.loadDataDir ? [options.loadDataDir] : [],
    });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: { ready?: boolean }) => {
        if (message.ready) {
          worker.off('message', onMessage);
          worker.off('error', reject);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return new PgliteThread(worker);
  }

  request<T>(message: Request): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  /** The Database interface over this thread. `onClose` runs after the worker has stopped. */
  database(onClose: () => void): Database & { dump(): Promise<Blob> } {
    const query = <T>(text: string, params?: unknown[], tx?: number) => this.request<T[]>({ op: 'query', text, params, tx });
    const orm = drizzleProxy(
      async (text, params, method) => ({ rows: await this.request<unknown[]>({ op: 'query', text, params, rowMode: method === 'all' ? 'array' : 'object' }) }),
      { schema },
    ) as unknown as Orm;
    return {
      kind: 'pglite',
      orm,
      query: (text, params) => query(text, params),
      transaction: async <T>(fn: (tx: Sql) => Promise<T>) => {
        const tx = await this.request<number>({ op: 'begin' });
        try {
          const result = await fn({ query: (text, params) => query(text, params, tx) });
          await this.request({ op: 'commit', tx });
          return result;
        } catch (error) {
          await this.request({ op: 'rollback', tx }).catch(() => {});
          throw error;
        }
      },
      listen: async (channel, handler) => {
        let set = this.handlers.get(channel);
        if (!set) {
          set = new Set();
          this.handlers.set(channel, set);
          await this.request({ op: 'listen', channel });
        }
        set.add(handler);
        return async () => {
          set.delete(handler);
        };
      },
      notify: async (channel, payload) => {
        await query('select pg_notify($1, $2)', [channel, payload]);
      },
      dump: async () => new Blob([await this.request<ArrayBuffer>({ op: 'dump' })]),
      close: async () => {
        try {
          if (!this.exited) await this.request({ op: 'close' });
        } finally {
          await this.worker.terminate();
          onClose();
        }
      },
    };
  }

  private fail(error: Error): void {
    this.exited ??= error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
