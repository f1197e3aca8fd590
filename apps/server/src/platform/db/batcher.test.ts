import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Batcher } from './batcher.ts';

test('items submitted during a flush are written together by the next one', async () => {
  const batches: number[][] = [];
  let release: () => void = () => {};
  const committer = new Batcher<number, string>(async (items) => {
    batches.push(items);
    if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
    return items.map((n) => `ok ${n}`);
  });
  const first = committer.submit(1);
  const rest = [2, 3, 4].map((n) => committer.submit(n));
  assert.equal(committer.pending, 3);
  release();
  assert.deepEqual(await Promise.all([first, ...rest]), ['ok 1', 'ok 2', 'ok 3', 'ok 4']);
  assert.deepEqual(batches, [[1], [2, 3, 4]]);
});

test('a failed flush rejects every item in it and the next batch still runs', async () => {
  let calls = 0;
  const committer = new Batcher<number, number>(async (items) => {
    calls++;
    if (calls === 1) throw new Error('disk full');
    return items;
  });
  await assert.rejects(committer.submit(1), /disk full/);
  assert.equal(await committer.submit(2), 2);
});

test('batches are capped at maxBatch and close() waits for everything submitted', async () => {
  const sizes: number[] = [];
  const committer = new Batcher<number, number>(
    async (items) => {
      sizes.push(items.length);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return items;
    },
    { maxBatch: 3, concurrency: 1 },
  );
  const all = Array.from({ length: 10 }, (_, i) => committer.submit(i));
  await committer.close();
  assert.deepEqual(await Promise.all(all), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.ok(sizes.every((size) => size <= 3));
  await assert.rejects(committer.submit(99), /closed/);
});
