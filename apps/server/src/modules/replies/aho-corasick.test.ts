import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AhoCorasick } from './aho-corasick.ts';

function matches(patterns: string[], text: string): string[] {
  const ac = new AhoCorasick();
  patterns.forEach((p, i) => ac.add(p, i));
  const found = new Set<number>();
  ac.build().search(text, (id) => found.add(id));
  return [...found].sort((a, b) => a - b).map((i) => patterns[i]!);
}

test('finds every contained pattern, including overlaps and patterns inside others', () => {
  assert.deepEqual(matches(['he', 'she', 'his', 'hers'], 'ushers'), ['he', 'she', 'hers']);
  assert.deepEqual(matches(['牛仔', '牛仔裤', '裤'], '我想买牛仔裤'), ['牛仔', '牛仔裤', '裤']);
  assert.deepEqual(matches(['三亚', '海南'], '三亚攻略'), ['三亚']);
  assert.deepEqual(matches(['abc'], 'ab'), []);
});

test('agrees with a naive scan on random inputs', () => {
  const alphabet = 'ab你好';
  const rand = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
  for (let round = 0; round < 200; round++) {
    const patterns = Array.from({ length: 8 }, () => rand(1 + Math.floor(Math.random() * 3)));
    const text = rand(12);
    const naive = [...new Set(patterns.filter((p) => text.includes(p)))].sort();
    assert.deepEqual([...new Set(matches(patterns, text))].sort(), naive, `${patterns} in ${text}`);
  }
});
