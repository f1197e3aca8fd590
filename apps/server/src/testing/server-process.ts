import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Env } from '../config.ts';
import { createPlatform, type Platform } from '../app.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { freePort } from './postgres-server.ts';

const BIN = fileURLToPath(new URL('../../bin/zhanggui.mjs', import.meta.url));

/** A data directory, master key and database choice shared by a seeding step and server processes. */
export class ServerEnvironment {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'zg-proc-'));
  readonly env: Record<string, string>;

  constructor(options: { databaseUrl?: string; extra?: Record<string, string> } = {}) {
    this.env = {
      MASTER_KEY: randomBytes(32).toString('hex'),
      DATA_DIR: this.dataDir,
      LOG_LEVEL: 'warn',
      // Explicit either way: an inherited DATABASE_URL (CI) must not turn an embedded-database test into a server one.
      DATABASE_URL: options.databaseUrl ?? '',
      ...options.extra,
    };
  }

  /** Runs `fn` against an in-process platform on this environment's database, then closes it. */
  async seed<T>(fn: (platform: Platform) => Promise<T>): Promise<T> {
    const platform = await createPlatform(loadConfig({}, { ...this.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' } as Partial<Env>));
    try {
      return await fn(platform);
    } finally {
      await platform.close();
    }
  }

  /** Opens the database directly (after the server processes stopped, for PGlite). */
  open(): Promise<Database> {
    const config = loadConfig({}, { ...this.env, NODE_ENV: 'test' } as Partial<Env>);
    return openDatabase(config.database);
  }

  /** Starts `zhanggui <command>` as a separate process and waits until it listens. */
  async spawn(options: { args?: string[]; env?: Record<string, string>; execArgv?: string[] } = {}): Promise<ServerProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [...(options.execArgv ?? []), BIN, ...(options.args ?? ['start']), '--port', String(port)], {
      env: { ...process.env, ...this.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`);
    await server.waitFor(/listening on/);
    return server;
  }

  cleanup(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export class ServerProcess {
  output = '';
  private readonly exited: Promise<number | null>;

  constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  waitFor(pattern: RegExp, timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${this.output}`)), timeoutMs);
      const check = () => {
        if (pattern.test(this.output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      this.child.stdout?.on('data', check);
      this.child.stderr?.on('data', check);
      this.exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`exited (${code}) before ${pattern}:\n${this.output}`));
      });
      check();
    });
  }

  /** SIGKILL: no shutdown hooks, no flush — the crash case. */
  async kill9(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM and wait for a clean exit. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }
}
