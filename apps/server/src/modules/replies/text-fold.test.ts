import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fold } from './text-fold.ts';

const both = { ignoreCase: true, foldWidth: true };

test('case and width fold without changing the length', () => {
  assert.equal(fold('ＶＩＰ　会员Abc', both), 'vip 会员abc');
  assert.equal(fold('ＶＩＰ', { ignoreCase: false, foldWidth: true }), 'VIP');
  assert.equal(fold('ＶＩＰ Abc', { ignoreCase: true, foldWidth: false }), 'ｖｉｐ abc');
  assert.equal(fold('İstanbul', both), 'İstanbul', "'İ' would grow: kept as it is, the rest still folds");
  assert.equal(fold('ΟΔΟΣ', both), 'οδοσ', 'Σ folds the same wherever it stands');
});

test('the fast path equals folding each code point on its own', () => {
  const alphabet = ['A', 'z', 'Ｑ', 'ｑ', '　', 'İ', 'Σ', 'Ω', '𐐀', '😀', '中', 'É', ' ', 'ǅ', 'ẞ'];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < 2000; n++) {
    const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    let expected = '';
    for (const char of text) {
      let c = char;
      const code = c.charCodeAt(0);
      if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0);
      else if (code === 0x3000) c = ' ';
      const lower = c.toLowerCase();
      expected += lower.length === c.length ? lower : c;
    }
    assert.equal(fold(text, both), expected, JSON.stringify(text));
    assert.equal(fold(text, both).length, text.length);
  }
});
