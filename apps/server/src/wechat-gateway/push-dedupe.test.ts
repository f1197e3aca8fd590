import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PushDedupe } from './push-dedupe.ts';

test('a retry during processing waits for the first and gets the same answer', async () => {
  const dedupe = new PushDedupe<string>();
  let calls = 0;
  let finish: (v: string) => void = () => {};
  const first = dedupe.run('m:1', () => {
    calls++;
    return new Promise<string>((resolve) => (finish = resolve));
  });
  const retry = dedupe.run('m:1', async () => {
    calls++;
    return 'second';
  });
  assert.equal(first.duplicate, false);
  assert.equal(retry.duplicate, true);
  finish('reply');
  assert.deepEqual(await Promise.all([first.result, retry.result]), ['reply', 'reply']);
  assert.equal(calls, 1);
});

test('a retry after completion gets the remembered answer until it expires', async () => {
  let clock = 0;
  const dedupe = new PushDedupe<number>({ ttlMs: 1000, maxEntries: 10 }, () => clock);
  let calls = 0;
  await dedupe.run('k', async () => ++calls).result;
  assert.equal(await dedupe.run('k', async () => ++calls).result, 1);
  clock = 2000;
  assert.equal(await dedupe.run('k', async () => ++calls).result, 2);
});

test('a failure is not remembered, so the retry runs again', async () => {
  const dedupe = new PushDedupe<string>();
  await assert.rejects(dedupe.run('k', async () => Promise.reject(new Error('db down'))).result, /db down/);
  assert.equal(await dedupe.run('k', async () => 'ok').result, 'ok');
});

test('the memory is bounded', async () => {
  const dedupe = new PushDedupe<number>({ ttlMs: 60_000, maxEntries: 100 });
  for (let i = 0; i < 1000; i++) await dedupe.run(`k${i}`, async () => i).result;
  let reruns = 0;
  await dedupe.run('k0', async () => ++reruns).result;
  assert.equal(reruns, 1, 'the oldest entries were dropped');
});
