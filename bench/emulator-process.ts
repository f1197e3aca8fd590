// The emulator as its own process (as WeChat is to a server), and accounts on it, for the benchmarks.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../apps/server/src/testing/postgres-server.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));

export interface EmulatorProcess {
  url: string;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(repo, 'apps/server/bin/zhanggui.mjs'), 'emulator', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening on')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`emulator exited ${code}: ${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

export async function control(base: string, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** An emulated account with `count` followers; returns its credentials. */
export async function emulatedAccount(emulator: EmulatorProcess, count: number) {
  const credentials = { appId: `wx${randomBytes(8).toString('hex')}`, secret: randomBytes(16).toString('hex'), token: 'benchsync' };
  await control(emulator.url, '/_emulator/accounts', { ...credentials, mode: 'plaintext', type: 'service', verified: true });
  await control(emulator.url, '/_emulator/fans', { appId: credentials.appId, count, subscribed: true });
  return credentials;
}

