import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KeywordSpec } from '@zhanggui/shared';
import { KeywordMatcher, RegexError, compileRegex } from './keyword-matcher.ts';
import { regexPrefilter, requiredLiterals } from './regex-literal.ts';

const folding = { ignoreCase: true, foldWidth: true };
const matcher = (...keywords: KeywordSpec[]) => new KeywordMatcher(keywords.map((keyword, rule) => ({ rule, keyword, folding })));
const hits = (m: KeywordMatcher, text: string) => m.match(text).map((h) => `${h.keyword.match}:${h.keyword.text}→${h.argument}`).sort();

test('exact matches the whole (trimmed) message only', () => {
  const m = matcher({ text: '营业时间', match: 'exact' });
  assert.deepEqual(hits(m, '营业时间'), ['exact:营业时间→']);
  assert.deepEqual(hits(m, '  营业时间 '), ['exact:营业时间→']);
  assert.deepEqual(hits(m, '营业时间呢'), []);
  assert.deepEqual(hits(m, '营业'), []);
});

test('contains: the message contains the keyword — not the reverse', () => {
  const m = matcher({ text: '牛仔裤', match: 'contains' });
  assert.deepEqual(hits(m, '有没有便宜的牛仔裤？'), ['contains:牛仔裤→？']);
  assert.deepEqual(hits(m, '牛仔'), [], 'a message that is part of the keyword does not match');
});

test('prefix hands the rest to the reply; suffix hands what came before', () => {
  const m = matcher({ text: '天气', match: 'prefix' }, { text: '怎么走', match: 'suffix' });
  assert.deepEqual(hits(m, '天气 北京'), ['prefix:天气→北京']);
  assert.deepEqual(hits(m, '天气北京'), ['prefix:天气→北京']);
  assert.deepEqual(hits(m, '北京天气'), []);
  assert.deepEqual(hits(m, '南京东路店怎么走'), ['suffix:怎么走→南京东路店']);
  assert.deepEqual(hits(m, '怎么走到南京东路'), []);
});

test('regex: RE2 syntax, first group as the argument', () => {
  const m = matcher({ text: '^订单\\s*(\\d{6,})$', match: 'regex' }, { text: '(苹果|华为)手机', match: 'regex' });
  assert.deepEqual(hits(m, '订单 123456'), ['regex:^订单\\s*(\\d{6,})$→123456']);
  assert.deepEqual(hits(m, '订单 12'), []);
  assert.deepEqual(hits(m, '想买华为手机'), ['regex:(苹果|华为)手机→华为']);
});

test('rules sharing a pattern each get their hit (the pattern is compiled and run once)', () => {
  const m = matcher({ text: '^([A-Z]{2}\\d{10})$', match: 'regex' }, { text: '^([A-Z]{2}\\d{10})$', match: 'regex' }, { text: '^([A-Z]{2}\\d{9})$', match: 'regex' });
  assert.deepEqual(m.match('SF1234567890').map((h) => `${h.rule}→${h.argument}`).sort(), ['0→SF1234567890', '1→SF1234567890']);
});

test('case and full-width folding, per rule', () => {
  const folded = matcher({ text: 'VIP', match: 'exact' }, { text: 'abc123', match: 'contains' });
  assert.deepEqual(hits(folded, 'vip'), ['exact:VIP→']);
  assert.deepEqual(hits(folded, 'ＶＩＰ'), ['exact:VIP→']);
  assert.deepEqual(hits(folded, '编号ＡＢＣ１２３'), ['contains:abc123→']);
  const strict = new KeywordMatcher([{ rule: 0, keyword: { text: 'VIP', match: 'exact' }, folding: { ignoreCase: false, foldWidth: false } }]);
  assert.deepEqual(hits(strict, 'vip'), []);
  assert.deepEqual(hits(strict, 'ＶＩＰ'), []);
  assert.deepEqual(hits(strict, 'VIP'), ['exact:VIP→']);
});

test('the argument keeps the fan\'s own case and width', () => {
  const m = matcher({ text: 'weather', match: 'prefix' });
  assert.deepEqual(hits(m, 'WEATHER Beijing'), ['prefix:weather→Beijing']);
});

test('many keywords on one message: every hit is found, emoji and all', () => {
  const m = matcher({ text: '😀', match: 'suffix' }, { text: '优惠', match: 'contains' }, { text: '惠', match: 'contains' }, { text: '有优', match: 'prefix' });
  assert.deepEqual(hits(m, '有优惠吗😀'), ['contains:优惠→吗😀', 'contains:惠→吗😀', 'prefix:有优→惠吗😀', 'suffix:😀→有优惠吗']);
});

test('regexes are linear-time: a catastrophic-backtracking pattern cannot hang the webhook', () => {
  const evil = '^(a+)+$';
  const input = `${'a'.repeat(5000)}!`;
  const m = matcher({ text: evil, match: 'regex' });
  const started = process.hrtime.bigint();
  assert.deepEqual(hits(m, input), []);
  // A backtracking engine takes longer than the age of the universe here (2^5000 paths); RE2 does one pass.
  assert.ok(process.hrtime.bigint() - started < 5_000_000_000n);
  assert.throws(() => compileRegex('(a)\\1', false), RegexError, 'backreferences are refused at save time');
  assert.throws(() => compileRegex('([a-z]+', false), RegexError);
});

test('required literals: the regex prefilter never drops a match', () => {
  assert.deepEqual(requiredLiterals('^天气\\s*(.+)$'), ['天气']);
  assert.deepEqual(requiredLiterals('(苹果|华为)手机'), ['手机']);
  assert.deepEqual(requiredLiterals('a|b'), ['a', 'b'], 'either branch will do');
  assert.deepEqual(requiredLiterals('(?:天气|气温)\\s*(\\S+)'), ['天气', '气温']);
  assert.deepEqual(requiredLiterals('(苹果|华为)Pro12'), ['Pro12']);
  assert.deepEqual(requiredLiterals('a|b?'), null, 'a branch that needs nothing');
  assert.deepEqual(requiredLiterals('colou?r'), ['colo']);
  assert.deepEqual(requiredLiterals('\\d{11}'), null);
  assert.deepEqual(requiredLiterals('订单\\.号'), ['订单.号']);
  assert.deepEqual(requiredLiterals('(?i)vip'), null, 'inline flags change what matches: no prefilter');
  assert.deepEqual(requiredLiterals('(?P<code>优惠)券+'), ['优惠']);
  assert.deepEqual(requiredLiterals('[ab]c'), ['c']);
  assert.deepEqual(requiredLiterals('ab{2}c'), ['a']);
  assert.deepEqual(regexPrefilter('^([A-Z]{2}\\d{10})$'), { literals: null, minLength: 12, maxLength: 12 }, 'no literal, but exactly 12 characters');
  assert.deepEqual(regexPrefilter('(a|bc)+\\b😀?x{0,3}'), { literals: ['a', 'bc'], minLength: 1, maxLength: Infinity });
  assert.deepEqual(regexPrefilter('^订单(\\d{2,4})号?$'), { literals: ['订单'], minLength: 4, maxLength: 7 });
  assert.equal(regexPrefilter('^a$|^b+$').maxLength, Infinity, 'a top-level "|": not one anchored whole');
  // Differential check against running every regex on every message.
  const patterns = ['优惠(券|码)?', '^\\d+元$', '(早|晚)餐', '会员卡?', '[0-9]{3}号', '点餐|外卖', '退(款|货)', '(?:天气|气温)\\s*(\\S+)', '(a|b)+c', 'x(yz){2,}', '(?i)vip\\d', '🎁(礼|券)', '[]a]b', 'ab*?c', '(苹果|华为(手机)?)Pro', '^[A-Z]{2}\\d{3}$', '\\d{4}|[a-z]{3}', '^.{2,3}$', '^(?:ab|😀){2}$', '^[^a]$', '^[a-c]{2}\\d$', '^[^x]\\D$'];
  const texts = ['有优惠吗', '优惠码', '100元', '晚餐几点', '会员', '会员卡', '888号桌', '外卖', '我要退货', '随便说说', '天气 北京', '气温上海', 'abac', 'xyzyz', 'VIP1', 'vIp2', '🎁礼', ']b', 'ac', 'abbc', '华为手机Pro', '苹果Pro', 'SF123', 'sf12', '2024', 'abc', 'ab', '😀😀', 'ab😀', '😀', '中文字', 'abcd', 'ab1', '😀😀', '😀😀😀'];
  const m = matcher(...patterns.map((text) => ({ text, match: 'regex' as const })));
  for (const text of texts) {
    const expected = patterns.filter((p) => compileRegex(p, true).matcher(text).find()).sort();
    assert.deepEqual(m.match(text).map((h) => h.keyword.text).sort(), expected, text);
  }
});
