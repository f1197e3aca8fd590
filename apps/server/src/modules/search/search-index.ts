import { fold } from '../replies/text-fold.ts';

export interface SearchDoc {
  kind: 'knowledge' | 'product';
  id: number;
  title: string;
  body: string;
  keywords: string[];
  category: string | null;
  imageUrl: string | null;
  link: string | null;
  priceFen: number | null;
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
}

const FOLD = { ignoreCase: true, foldWidth: true };
// Words that carry no meaning in a shopper's question ("有没有便宜的牛仔裤？").
const STOPWORDS = new Set(['的', '了', '吗', '呢', '啊', '吧', '有', '没有', '有没有', '我', '我想', '我要', '想', '要', '想要', '请问', '一下', '怎么', '怎么样', '如何', '什么', '哪里', '哪个', '多少', '是', '在', '和', '与', '买', '找', '看看', '推荐', '可以', '好看', '便宜']);
const MIN_SCORE = 10;

/** Lower-cased, half-width, without punctuation and spaces (Chinese has none between words anyway). */
export function normalize(text: string): string {
  return fold(text, FOLD).replace(/[\s\p{P}\p{S}]+/gu, '');
}

function bigrams(text: string): Set<string> {
  const chars = [...text];
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** Meaningful words of a query: Intl.Segmenter's words without stopwords and punctuation. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const part of segmenter.segment(fold(query, FOLD))) {
    const word = normalize(part.segment);
    if (part.isWordLike && word && !STOPWORDS.has(word)) terms.push(word);
  }
  return terms;
}

interface Indexed {
  doc: SearchDoc;
  /** Title, keywords, category and body in one string, for "is this word anywhere in it". */
  text: string;
  title: string;
  keywords: string[];
  category: string;
  body: string;
  titleGrams: Set<string>;
}

/**
 * Search replies over the knowledge base and the catalogue, in memory per account. Candidates come from a
 * bigram index (no spaces needed), then each is scored: an exact keyword, the title containing the query
 * (or the query the title), the query's words found in title, keywords, category and body, and bigram
 * overlap for near misses.
 */
export class SearchIndex {
  private readonly docs: Indexed[];
  private readonly postings = new Map<string, number[]>();

  constructor(docs: SearchDoc[]) {
    this.docs = docs.map((doc) => {
      const title = normalize(doc.title);
      const keywords = doc.keywords.map(normalize).filter(Boolean);
      const category = normalize(doc.category ?? '');
      const body = normalize(doc.body);
      return { doc, text: [title, ...keywords, category, body].join('|'), title, keywords, category, body, titleGrams: bigrams(title) };
    });
    this.docs.forEach((entry, index) => {
      const grams = new Set([...entry.titleGrams, ...entry.keywords.flatMap((k) => [...bigrams(k)]), ...bigrams(entry.category)]);
      for (const gram of grams) this.postings.set(gram, [...(this.postings.get(gram) ?? []), index]);
    });
  }

  get size(): number {
    return this.docs.length;
  }

  search(query: string, scope: 'all' | 'knowledge' | 'products', limit = 4): SearchHit[] {
    const q = normalize(query);
    if (!q) return [];
    const terms = queryTerms(query);
    const candidates = new Set<number>();
    for (const gram of new Set([...bigrams(q), ...terms.flatMap((t) => [...bigrams(t)])])) for (const index of this.postings.get(gram) ?? []) candidates.add(index);
    const queryGrams = bigrams(q);
    const hits: SearchHit[] = [];
    for (const index of candidates) {
      const entry = this.docs[index]!;
      if (scope === 'knowledge' && entry.doc.kind !== 'knowledge') continue;
      if (scope === 'products' && entry.doc.kind !== 'product') continue;
      const score = this.score(entry, q, terms, queryGrams);
      if (score >= MIN_SCORE) hits.push({ doc: entry.doc, score });
    }
    return hits.sort((a, b) => b.score - a.score || a.doc.id - b.doc.id).slice(0, limit);
  }

  private score(entry: Indexed, q: string, terms: string[], queryGrams: Set<string>): number {
    const whole = entry.keywords.includes(q) || entry.title.includes(q) || (entry.title.length >= 2 && q.includes(entry.title));
    if (!whole && !covers(entry.text, terms)) return 0;
    let score = 0;
    if (entry.keywords.includes(q)) score += 100;
    else if (entry.keywords.some((k) => k.length >= 2 && q.includes(k))) score += 60;
    if (entry.title === q) score += 80;
    else if (entry.title.includes(q)) score += 50;
    else if (entry.title.length >= 2 && q.includes(entry.title)) score += 45;
    for (const term of terms) {
      const weight = [...term].length;
      if (entry.title.includes(term)) score += 10 * weight;
      else if (entry.keywords.some((k) => k.includes(term))) score += 8 * weight;
      else if (entry.category.includes(term)) score += 6 * weight;
      else if (entry.body.includes(term)) score += 2 * weight;
    }
    let shared = 0;
    for (const gram of queryGrams) if (entry.titleGrams.has(gram)) shared++;
    score += (20 * 2 * shared) / (queryGrams.size + entry.titleGrams.size || 1);
    // A shorter title that matches is the more specific answer.
    return score - entry.title.length * 0.01;
  }
}

/**
 * Whether a document answers most of the query, not one word of it: "火星旅游" must not find the Sanya
 * travel guide through "旅游". Words found count by length; a single character the segmenter split off
 * and the document lacks is usually a verb or a particle ("去", "玩"), so it counts half.
 */
function covers(text: string, terms: string[]): boolean {
  let found = 0;
  let missing = 0;
  for (const term of terms) {
    const length = [...term].length;
    if (text.includes(term)) found += length;
    else if (length >= 3 && [...bigrams(term)].some((gram) => text.includes(gram))) {
      found += length / 2;
      missing += length / 2;
    } else missing += length === 1 ? 0.5 : length;
  }
  return found > missing;
}
