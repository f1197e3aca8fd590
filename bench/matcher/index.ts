// bench/matcher — keyword rule matching at 1k, 10k and 100k rules (50% exact, 25% contains, 10% prefix,
// 10% suffix, 5% RE2 regex; Chinese and ASCII keywords from a seeded PRNG): build time, then the latency of
// one match (KeywordMatcher.match + picking the winner as ReplyBrain does) over a fixed set of realistic
// inbound messages. Peer in the same run: the naive loop most PHP/Java systems use — every rule in
// precedence order, ===/includes/startsWith/endsWith/native RegExp, first hit wins — checked to pick the
// same rule (and hand the reply the same argument) for every message. Prints figures and ends with one JSON line.
import { parseArgs } from 'node:util';
import { KeywordMatcher, SPECIFICITY, type KeywordHit, type MatcherKeyword } from '../../apps/server/src/modules/replies/keyword-matcher.ts';
import { requiredLiterals } from '../../apps/server/src/modules/replies/regex-literal.ts';
import { percentile } from '../webhook/load.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    messages: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20240601' },
    /** Wall-clock budget for timing the naive peer at one size; above it, the peer is timed on fewer messages. */
    'naive-budget-ms': { type: 'string', default: '15000' },
    /** Of every 100 regex rules, how many have no required literal, like ^[A-Z]{2}\d{10}$: those run on every message. */
    'literal-free': { type: 'string', default: '4' },
  },
});
const SIZES = values.sizes.split(',').map(Number);
const MESSAGES = Number(values.messages);
const ROUNDS = Number(values.rounds);
const SEED = Number(values.seed);
const NAIVE_BUDGET_MS = Number(values['naive-budget-ms']);

// ---------------------------------------------------------------------------------------------------------
// Deterministic rules and messages

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(SEED);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
const digits = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 1 + int(9) : int(10))).join('');
const letter = () => String.fromCharCode(65 + int(26));

const CN = ['优惠券', '会员卡', '积分', '礼品卡', '订单', '退货', '换货', '发票', '快递', '门店', '牛仔裤', '连衣裙', '衬衫', '外套', '运动鞋', '手机壳', '耳机', '充电宝', '咖啡', '奶茶', '蛋糕', '面包', '早餐', '午餐', '套餐', '团购', '秒杀', '拼团', '预约', '活动', '课程', '门票', '酒店', '机票', '保险', '维修', '保养', '洗车', '天气', '气温'] as const;
const ASCII = ['VIP', 'SKU', 'iPhone', 'Pro', 'Max', 'Gold', 'Plus', 'Coupon', 'Promo', 'Code', 'Order', 'Mini', 'Air', 'Lite', 'Ultra', 'NFC', 'USB-C', 'WiFi', '5G', 'Box'] as const;
const VERBS = ['查询', '预约', '报名', '绑定', '兑换', '领取', '退订', '激活'] as const;
const ASKS = ['多少钱', '怎么用', '有货吗', '怎么走', '还有吗', '能退吗'] as const;
const BRANDS = ['苹果', '华为', '小米', 'OPPO', 'vivo'] as const;

type Keyword = MatcherKeyword['keyword'];
type MatchType = Keyword['match'];

interface Rule {
  id: number;
  priority: number;
  keyword: Keyword;
  /** For regexes: a message that matches (built with the pattern). */
  sample?: string;
}

/** Regex templates: each returns the pattern and a message it matches. Template 2 has no required literal. */
const REGEX_TEMPLATES: Array<() => { text: string; sample: string }> = [
  () => {
    const word = pick(CN);
    const code = letter();
    return { text: `^${word}${code}(\\d{4})$`, sample: `${word}${code}${digits(4)}` }; // ^退货K(\d{4})$
  },
  () => {
    const word = `${pick(CN)}${letter()}${int(10)}`;
    return { text: `${word}\\s*(\\d{6,})`, sample: `查一下${word} ${digits(8)}` }; // 订单A1\s*(\d{6,})
  },
  () => {
    const a = pick(CN);
    const b = pick(CN.filter((w) => w !== a));
    const code = `${letter()}${int(10)}`;
    // As specific as the other templates (a word and a code), not a bare common word every message has.
    return { text: `(?:${a}|${b})${code}\\s*(\\S+)`, sample: `${b}${code} ${pick(['北京', '上海', '明天', 'A12'])}` }; // (?:天气|气温)K1\s*(\S+)
  },
  () => {
    const model = `${pick(ASCII)}${digits(2)}`;
    const brands = [pick(BRANDS), pick(BRANDS)];
    return { text: `(${brands[0]}|${brands[1]})${model}`, sample: `想买${pick(brands)}${model.toLowerCase()}` }; // (苹果|华为)Pro12
  },
  () => {
    const code = `${pick(ASCII)}${letter()}`;
    return { text: `${code}-?(\\d{3,})号`, sample: `${code}-${digits(3)}号` }; // GoldK-?(\d{3,})号
  },
  () => {
    // No literal at all: a tracking number shape, which RE2 must try on every message.
    const [k, n] = [1 + int(4), 6 + int(10)];
    return { text: `^([A-Z]{${k}}\\d{${n}})$`, sample: `${Array.from({ length: k }, letter).join('')}${digits(n)}` }; // ^([A-Z]{2}\d{10})$
  },
];
/** Of 100 regex rules, how many use the literal-free template (those run on every message). */
const NO_LITERAL_PER_100 = Number(values['literal-free']);

/** The k-th keyword of a type (k counts rules of that type), deterministic for a given seed. */
function makeKeyword(match: MatchType, k: number): { keyword: Keyword; sample?: string } {
  switch (match) {
    case 'exact': {
      const form = int(4);
      const text =
        form === 0 ? `${pick(CN)}${letter()}${digits(3)}` // 优惠券A123
        : form === 1 ? `${pick(CN)} ${digits(5)}` // 订单 12345
        : form === 2 ? `${pick(ASCII)}${digits(4)}` // VIP2048
        : `${pick(ASCII)} ${pick(ASCII)} ${digits(2)}`; // Gold Plus 12
      return { keyword: { text, match } };
    }
    case 'contains': {
      // The first few are bare words ("退货", "快递"), as every account has; the rest are product names and codes.
      if (k < CN.length) return { keyword: { text: CN[k]!, match } };
      const form = int(3);
      const text = form === 0 ? `${pick(CN)}${letter()}${digits(3)}` : form === 1 ? `${pick(ASCII)}-${digits(4)}` : `${pick(CN)}${pick(CN)}${digits(2)}`;
      return { keyword: { text, match } };
    }
    case 'prefix':
      return { keyword: { text: `${pick(VERBS)}${letter()}${digits(3)}`, match } }; // 兑换K123
    case 'suffix':
      return { keyword: { text: `${pick(CN)}${letter()}${digits(2)}${pick(ASKS)}`, match } }; // 耳机B12多少钱
    case 'regex': {
      const literalFree = k % 100 < NO_LITERAL_PER_100;
      const others = [0, 1, 2, 3, 4];
      const { text, sample } = literalFree ? REGEX_TEMPLATES[5]!() : REGEX_TEMPLATES[others[int(others.length)]!]!();
      return { keyword: { text, match }, sample };
    }
  }
}

/** Type by position: every block of 20 rules is 10 exact, 5 contains, 2 prefix, 2 suffix, 1 regex. */
const TYPE_CYCLE: MatchType[] = [...Array<MatchType>(10).fill('exact'), ...Array<MatchType>(5).fill('contains'), 'prefix', 'prefix', 'suffix', 'suffix', 'regex'];

/** The largest set; smaller sizes are its first N rules, so every message built from the first 1000 rules can hit at every size. */
function makeRules(count: number): Rule[] {
  const perType = new Map<MatchType, number>();
  return Array.from({ length: count }, (_, i) => {
    const match = TYPE_CYCLE[i % TYPE_CYCLE.length]!;
    const k = perType.get(match) ?? 0;
    perType.set(match, k + 1);
    const roll = rand();
    const priority = roll < 0.05 ? 100 : roll < 0.15 ? 10 : 0;
    return { id: i + 1, priority, ...makeKeyword(match, k) };
  });
}

const FULL_WIDTH = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const SWAP_CASE = (s: string) => s.replace(/[A-Za-z]/g, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
/** As fans type it: other case, full-width, stray spaces (all folded or trimmed by both matchers). */
function asTyped(s: string): string {
  const r = rand();
  if (r < 0.25) s = SWAP_CASE(s);
  else if (r < 0.35) s = FULL_WIDTH(s);
  if (rand() < 0.2) s = ` ${s}  `;
  return s;
}

const CHAT = ['你好', '在吗', '谢谢', '人工客服', '怎么联系你们', '好的', '收到', '哈哈哈', '请问今天营业吗', '你们几点关门', '我要投诉', '发错了', 'hello', 'hi, is anyone there?', 'ok thx', '？', '👍', '能便宜点吗', '明天能到吗', '地址在哪里'];
const FILLER = [
  '我上周在你们店里买了一件衣服',
  '回家以后发现尺码不太合适',
  '想问一下能不能换一个大一号的',
  '另外包装盒也有点破损了',
  '客服一直没有回复我的消息',
  '希望你们尽快处理一下',
  '我是你们的老顾客了',
  '之前买的东西质量都还不错',
  '这次的物流实在是太慢了',
  '麻烦帮我看看现在到哪里了',
  'thanks a lot and have a nice day',
  '如果可以的话请给我打个电话',
];
function longMessage(embed?: string): string {
  let text = '';
  while (text.length < 200) text += `${pick(FILLER)}${pick(['，', '。', '！', ' '])}`;
  text = text.slice(0, 200);
  if (embed) {
    const at = 40 + int(120);
    text = `${text.slice(0, at)}${embed}${text.slice(at)}`;
  }
  return text;
}

type Category = 'exact hit' | 'contains hit' | 'prefix hit' | 'suffix hit' | 'regex hit' | 'no keyword' | 'long, keyword' | 'long, none';
const CATEGORY_SHARE: Array<[Category, number]> = [
  ['exact hit', 0.25],
  ['contains hit', 0.2],
  ['prefix hit', 0.08],
  ['suffix hit', 0.05],
  ['regex hit', 0.07],
  ['no keyword', 0.25],
  ['long, keyword', 0.05],
  ['long, none', 0.05],
];

interface Message {
  text: string;
  category: Category;
}

/** The fixed message set, built from `rules` (the first 1000, present at every size). */
function makeMessages(rules: Rule[], count: number): Message[] {
  const of = (match: MatchType) => rules.filter((r) => r.keyword.match === match);
  const byType = { exact: of('exact'), contains: of('contains'), prefix: of('prefix'), suffix: of('suffix'), regex: of('regex') };
  const messages: Message[] = [];
  for (const [category, share] of CATEGORY_SHARE) {
    for (let n = Math.round(share * count); n > 0; n--) {
      let text: string;
      switch (category) {
        case 'exact hit':
          text = asTyped(pick(byType.exact).keyword.text);
          break;
        case 'contains hit': {
          const kw = asTyped(pick(byType.contains).keyword.text).trim();
          text = pick([`请问${kw}还有吗？`, `${kw}怎么用`, `我想买${kw}，多少钱`, `你们的${kw}到底什么时候发货啊`, kw]);
          break;
        }
        case 'prefix hit':
          text = `${asTyped(pick(byType.prefix).keyword.text).trim()}${pick([' 张三 13800138000', '明天下午', ' 2', ''])}`;
          break;
        case 'suffix hit':
          text = `${pick(['南京东路店的', '请问', '这个', ''])}${asTyped(pick(byType.suffix).keyword.text).trim()}`;
          break;
        case 'regex hit':
          text = pick(byType.regex).sample!;
          break;
        case 'no keyword':
          text = pick(CHAT);
          break;
        case 'long, keyword':
          text = longMessage(pick(byType.contains).keyword.text);
          break;
        case 'long, none':
          text = longMessage();
          break;
      }
      messages.push({ text, category });
    }
  }
  // A fixed, shuffled order (Fisher–Yates), so consecutive messages are not all of one kind.
  for (let i = messages.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [messages[i], messages[j]] = [messages[j]!, messages[i]!];
  }
  return messages;
}

// ---------------------------------------------------------------------------------------------------------
// The two matchers. Both answer: which rule wins, and what argument it gets.

interface Winner {
  rule: number;
  keyword: Keyword;
  argument: string;
}

const FOLDING = { ignoreCase: true, foldWidth: true }; // the defaults of a rule

/** Zhanggui: KeywordMatcher over rules ordered as ReplyBrain orders them, and ReplyBrain's bestKeyword (minus time windows). */
class Ours {
  readonly matcher: KeywordMatcher;
  private readonly rules: Rule[];

  constructor(rules: Rule[]) {
    this.rules = [...rules].sort((a, b) => b.priority - a.priority || a.id - b.id);
    this.matcher = new KeywordMatcher(this.rules.map((rule, index) => ({ rule: index, keyword: rule.keyword, folding: FOLDING })));
  }

  match(message: string): Winner | null {
    const hits = this.matcher.match(message);
    if (hits.length === 0) return null;
    // Exactly ReplyBrain.bestKeyword's order: priority, then match specificity, then keyword length, then lower rule id.
    const best: KeywordHit = hits.sort(
      (a, b) =>
        this.rules[a.rule]!.priority - this.rules[b.rule]!.priority ||
        SPECIFICITY[a.keyword.match] - SPECIFICITY[b.keyword.match] ||
        a.keyword.text.length - b.keyword.text.length ||
        this.rules[b.rule]!.id - this.rules[a.rule]!.id,
    ).reverse()[0]!;
    return { rule: this.rules[best.rule]!.id, keyword: best.keyword, argument: best.argument };
  }
}

/** Width folding (full-width ASCII → ASCII, ideographic space → space), once per message. */
const foldWidth = (s: string) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

interface NaiveEntry {
  id: number;
  keyword: Keyword;
  /** Folded keyword text (exact, contains, prefix, suffix). */
  folded: string;
  regex: RegExp | null;
  capturing: boolean;
}

/**
 * The peer: rules in one list, in precedence order (priority, specificity, keyword length, id — static,
 * so it sorts once), normalise the message once (width, then toLowerCase), test each rule in turn; the
 * first that matches wins. Regexes are native RegExps compiled once ('iu': case-insensitive, code points).
 */
class Naive {
  private readonly entries: NaiveEntry[];

  constructor(rules: Rule[]) {
    this.entries = [...rules]
      .sort(
        (a, b) =>
          b.priority - a.priority ||
          SPECIFICITY[b.keyword.match] - SPECIFICITY[a.keyword.match] ||
          b.keyword.text.length - a.keyword.text.length ||
          a.id - b.id,
      )
      .map((rule) => {
        const regex = rule.keyword.match === 'regex' ? new RegExp(rule.keyword.text, 'iu') : null;
        return {
          id: rule.id,
          keyword: rule.keyword,
          folded: regex ? '' : foldWidth(rule.keyword.text).toLowerCase(),
          regex,
          capturing: regex ? new RegExp(`${rule.keyword.text}|`, 'u').exec('')!.length > 1 : false,
        };
      });
  }

  match(message: string): Winner | null {
    const text = message.trim();
    const wide = foldWidth(text);
    const folded = wide.toLowerCase();
    for (const e of this.entries) {
      switch (e.keyword.match) {
        case 'exact':
          if (folded === e.folded) return { rule: e.id, keyword: e.keyword, argument: '' };
          break;
        case 'contains': {
          const at = folded.indexOf(e.folded);
          if (at >= 0) return { rule: e.id, keyword: e.keyword, argument: text.slice(at + e.folded.length).trim() };
          break;
        }
        case 'prefix':
          if (folded.startsWith(e.folded)) return { rule: e.id, keyword: e.keyword, argument: text.slice(e.folded.length).trim() };
          break;
        case 'suffix':
          if (folded.endsWith(e.folded)) return { rule: e.id, keyword: e.keyword, argument: text.slice(0, text.length - e.folded.length).trim() };
          break;
        case 'regex': {
          const m = e.regex!.exec(wide);
          if (m) return { rule: e.id, keyword: e.keyword, argument: (e.capturing ? m[1] : m[0]) ?? '' };
          break;
        }
      }
    }
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Measuring

let sink = 0;
const consume = (w: Winner | null) => {
  sink += w ? w.rule : 1;
};

interface Timing {
  /** Every call's latency in µs, sorted. */
  all: Float64Array;
  byCategory: Map<Category, Float64Array>;
}

/** Times each call on its own (process.hrtime.bigint): `rounds` passes over `messages` after `warmup` untimed passes. */
function time(match: (text: string) => Winner | null, messages: Message[], rounds: number, warmup: number): Timing {
  for (let r = 0; r < warmup; r++) for (const m of messages) consume(match(m.text));
  const all = new Float64Array(rounds * messages.length);
  const perCategory = new Map<Category, number[]>();
  let k = 0;
  for (let r = 0; r < rounds; r++) {
    for (const m of messages) {
      const t0 = process.hrtime.bigint();
      const w = match(m.text);
      const t1 = process.hrtime.bigint();
      consume(w);
      const us = Number(t1 - t0) / 1000;
      all[k++] = us;
      let list = perCategory.get(m.category);
      if (!list) perCategory.set(m.category, (list = []));
      list.push(us);
    }
  }
  return { all: all.sort(), byCategory: new Map([...perCategory].map(([c, list]) => [c, Float64Array.from(list).sort()])) };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const median = (sorted: Float64Array) => round2(percentile(sorted, 50));
const p99 = (sorted: Float64Array) => round2(percentile(sorted, 99));
const same = (a: Winner | null, b: Winner | null) =>
  a === b || (a !== null && b !== null && a.rule === b.rule && a.keyword.text === b.keyword.text && a.keyword.match === b.keyword.match && a.argument === b.argument);
const show = (w: Winner | null) => (w ? `#${w.rule} ${w.keyword.match}:${JSON.stringify(w.keyword.text)} → ${JSON.stringify(w.argument)}` : 'no match');
const literalFree = (rule: Rule) => rule.keyword.match === 'regex' && !requiredLiterals(rule.keyword.text);

interface Agreement {
  disagreements: number;
  matched: number;
  hits: number;
  /** Wall-clock ms of the naive peer's (cold) pass over every message. */
  naiveMs: number;
  hitRate: Map<Category, [number, number]>;
}

const disagreementExamples: string[] = [];
/** Both pick the same rule, keyword and argument for every message? */
function agreement(label: string, ours: Ours, naive: Naive, messages: Message[]): Agreement {
  const result: Agreement = { disagreements: 0, matched: 0, hits: 0, naiveMs: 0, hitRate: new Map() };
  for (const m of messages) {
    const a = ours.match(m.text);
    const t0 = performance.now();
    const b = naive.match(m.text);
    result.naiveMs += performance.now() - t0;
    result.hits += ours.matcher.match(m.text).length;
    if (a) result.matched++;
    const rate = result.hitRate.get(m.category) ?? [0, 0];
    result.hitRate.set(m.category, [rate[0] + (a ? 1 : 0), rate[1] + 1]);
    if (!same(a, b)) {
      result.disagreements++;
      if (disagreementExamples.length < 10) disagreementExamples.push(`  ${label}, ${JSON.stringify(m.text)}: ours ${show(a)}; naive ${show(b)}`);
    }
  }
  return result;
}

const started = performance.now();
const maxSize = Math.max(...SIZES);
const allRules = makeRules(maxSize);
const messages = makeMessages(allRules.slice(0, Math.min(1000, maxSize)), MESSAGES);
const longCount = messages.filter((m) => m.text.length >= 150).length;
console.log(
  `bench/matcher: ${SIZES.join(' / ')} rules (50% exact, 25% contains, 10% prefix, 10% suffix, 5% regex, ${NO_LITERAL_PER_100}% of the regexes without a required literal; ` +
    `case- and width-folded), ${messages.length} messages (${longCount} of ~200 chars), each call timed on its own, ${ROUNDS} rounds after 2 warm-up rounds, seed ${SEED}; ${process.platform} ${process.version}`,
);
console.log('timed: ours = KeywordMatcher.match(text) + ReplyBrain’s winner pick; naive = one pass over the rules in precedence order, first hit wins');

// Warm the build path (JIT) on a small set, untimed.
new Ours(allRules.slice(0, 1000));
new Naive(allRules.slice(0, 1000));

interface Figures {
  size: number;
  buildMs: number;
  naiveBuildMs: number;
  ours: Timing;
  naive: Timing;
  naiveMessages: number;
  naiveRounds: number;
  check: Agreement;
  literalFree: number;
  /** The same rules minus the regexes without a required literal. */
  filtered: { ours: Timing; check: Agreement };
}

const results: Figures[] = [];
for (const size of SIZES) {
  const rules = allRules.slice(0, size);
  let t0 = performance.now();
  const ours = new Ours(rules);
  const buildMs = performance.now() - t0;
  t0 = performance.now();
  const naive = new Naive(rules);
  const naiveBuildMs = performance.now() - t0;

  // Agreement on every message; also the naive peer's first (cold) pass, which sizes its timed run.
  const check = agreement(`${size} rules`, ours, naive, messages);
  const oursTiming = time((text) => ours.match(text), messages, ROUNDS, 2);

  // The naive peer: the same rounds if they fit the budget, else one round over every k-th message (keeping the mix).
  const naiveMsPerMessage = check.naiveMs / messages.length;
  let naiveRounds = ROUNDS;
  let naiveSet = messages;
  if (naiveMsPerMessage * messages.length * (naiveRounds + 1) > NAIVE_BUDGET_MS) {
    naiveRounds = 1;
    const fit = Math.floor(NAIVE_BUDGET_MS / naiveMsPerMessage);
    if (fit < messages.length) {
      const stride = Math.ceil(messages.length / Math.max(1, fit));
      naiveSet = messages.filter((_, i) => i % stride === 0);
    }
  }
  const naiveTiming = time((text) => naive.match(text), naiveSet, naiveRounds, naiveRounds === ROUNDS ? 1 : 0);

  // The same rules without the literal-free regexes: what those cost. Checked against the naive peer too.
  const withLiterals = rules.filter((rule) => !literalFree(rule));
  const oursFiltered = new Ours(withLiterals);
  const filteredCheck = agreement(`${size} rules minus literal-free regexes`, oursFiltered, new Naive(withLiterals), messages);
  const filteredTiming = time((text) => oursFiltered.match(text), messages, ROUNDS, 2);

  results.push({
    size,
    buildMs: round2(buildMs),
    naiveBuildMs: round2(naiveBuildMs),
    ours: oursTiming,
    naive: naiveTiming,
    naiveMessages: naiveSet.length,
    naiveRounds,
    check,
    literalFree: rules.length - withLiterals.length,
    filtered: { ours: filteredTiming, check: filteredCheck },
  });
  console.log(`  ${size} rules done (${((performance.now() - started) / 1000).toFixed(1)} s so far)`);
}

console.table(
  results.map((f) => ({
    rules: f.size,
    'build ms': f.buildMs,
    'median µs': median(f.ours.all),
    'p99 µs': p99(f.ours.all),
    'naive median µs': median(f.naive.all),
    'naive p99 µs': p99(f.naive.all),
    'naive/ours median': round2(median(f.naive.all) / median(f.ours.all)),
    'naive timed on': `${f.naiveMessages} × ${f.naiveRounds}${f.naiveMessages < messages.length ? ' (capped)' : ''}`,
    'naive build ms': f.naiveBuildMs,
    'hits/msg': round2(f.check.hits / messages.length),
    matched: `${f.check.matched}/${messages.length}`,
    disagreements: f.check.disagreements,
  })),
);

console.log('ours by kind of message, median / p99 µs, with and without the literal-free regexes:');
const categories = CATEGORY_SHARE.map(([c]) => c);
const cell = (sorted: Float64Array | undefined) => (sorted ? `${median(sorted)} / ${p99(sorted)}` : '-');
console.table(
  categories.map((c) => ({
    message: c,
    matched: `${results.map((f) => f.check.hitRate.get(c)?.[0] ?? 0).join('/')} of ${results[0]?.check.hitRate.get(c)?.[1] ?? 0}`,
    ...Object.fromEntries(
      results.flatMap((f) => [
        [`${f.size} rules`, cell(f.ours.byCategory.get(c))],
        [`${f.size} w/o`, cell(f.filtered.ours.byCategory.get(c))],
      ]),
    ),
  })),
);

console.log('regexes without a required literal (no prefilter: RE2 runs them on every message):');
console.table(
  results.map((f) => {
    const extra = median(f.ours.all) - median(f.filtered.ours.all);
    return {
      rules: f.size,
      'literal-free regexes': f.literalFree,
      'median µs with them': median(f.ours.all),
      'median µs without them': median(f.filtered.ours.all),
      'p99 µs without them': p99(f.filtered.ours.all),
      'µs per literal-free regex': f.literalFree ? round2(extra / f.literalFree) : '-',
      'disagreements without them': f.filtered.check.disagreements,
    };
  }),
);

for (const f of results) {
  if (f.naiveMessages < messages.length || f.naiveRounds < ROUNDS) {
    const on = f.naiveMessages < messages.length ? `${f.naiveMessages} of the ${messages.length} messages (every ${Math.round(messages.length / f.naiveMessages)}th)` : `all ${messages.length} messages`;
    console.log(
      `note: to keep the run short (budget ${NAIVE_BUDGET_MS / 1000} s), the naive peer at ${f.size} rules was timed on ${on} × ${f.naiveRounds} round instead of ${ROUNDS}; ` +
        `agreement was still checked on all ${messages.length}`,
    );
  }
}
const totalDisagreements = results.reduce((n, f) => n + f.check.disagreements + f.filtered.check.disagreements, 0);
console.log(`agreement: ours and the naive peer pick the same rule, keyword and argument for ${totalDisagreements === 0 ? 'every message at every size' : `all but ${totalDisagreements} (message, rule set) pairs`}`);
for (const line of disagreementExamples) console.log(line);
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s${sink === 0 ? ' ' : ''}`);

const by = (figure: (f: Figures) => number) => Object.fromEntries(results.map((f) => [String(f.size), figure(f)]));
const largest = results[results.length - 1]!;
const summary: Record<string, unknown> = {
  bench: 'matcher',
  sizes: SIZES,
  messages: messages.length,
  median_us: by((f) => median(f.ours.all)),
  p99_us: by((f) => p99(f.ours.all)),
  naive_median_us: by((f) => median(f.naive.all)),
  naive_p99_us: by((f) => p99(f.naive.all)),
  build_ms: by((f) => f.buildMs),
  naive_messages: by((f) => f.naiveMessages),
  disagreements: by((f) => f.check.disagreements + f.filtered.check.disagreements),
  literal_free_regexes: by((f) => f.literalFree),
  median_us_without_literal_free: by((f) => median(f.filtered.ours.all)),
  p99_us_without_literal_free: by((f) => p99(f.filtered.ours.all)),
  [`ratio_naive_${largest.size}`]: round2(median(largest.naive.all) / median(largest.ours.all)),
};
console.log(JSON.stringify(summary));
if (totalDisagreements > 0) process.exitCode = 1;
