import { RE2JS } from 're2js';
import type { KeywordSpec, MatchType } from '@zhanggui/shared';
import { AhoCorasick } from './aho-corasick.ts';
import { fold, foldingKey, halfWidth, type Folding } from './text-fold.ts';
import { regexPrefilter } from './regex-literal.ts';

/** A keyword of a rule, as the matcher sees it. `rule` is the caller's index into its rule list. */
export interface MatcherKeyword {
  rule: number;
  keyword: KeywordSpec;
  folding: Folding;
}

export interface KeywordHit {
  rule: number;
  keyword: KeywordSpec;
  /** The text the keyword hands to the reply: after a prefix, before a suffix, after a contained keyword, a regex's first group. */
  argument: string;
}

interface Ref {
  id: number;
  length: number;
}

interface ModeIndex {
  folding: Folding;
  exact: Map<string, Ref[]>;
  contains: AhoCorasick;
  prefix: Trie;
  suffix: Trie;
}

/** A plain trie over UTF-16 units: every keyword that is a prefix of the text, in one walk. */
class Trie {
  private readonly nodes: Array<{ next: Map<number, number>; refs: Ref[] }> = [{ next: new Map(), refs: [] }];

  add(text: string, ref: Ref): void {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let next = this.nodes[node]!.next.get(code);
      if (next === undefined) {
        next = this.nodes.length;
        this.nodes.push({ next: new Map(), refs: [] });
        this.nodes[node]!.next.set(code, next);
      }
      node = next;
    }
    this.nodes[node]!.refs.push(ref);
  }

  /** Calls back with each keyword that `text` starts with (reading from the end when `reverse`). */
  walk(text: string, reverse: boolean, onMatch: (ref: Ref) => void): void {
    let node = 0;
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(reverse ? text.length - 1 - k : k);
      const next = this.nodes[node]!.next.get(code);
      if (next === undefined) return;
      node = next;
      for (const ref of this.nodes[node]!.refs) onMatch(ref);
    }
  }
}

export class RegexError extends Error {
  override readonly name = 'RegexError';
}

/** Compiles a regex keyword with RE2 semantics (linear time: no backtracking, no backreferences). */
export function compileRegex(pattern: string, ignoreCase: boolean): RE2JS {
  try {
    return RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    // re2js writes the case flag into the pattern it quotes; the operator never typed it.
    throw new RegexError((error as Error).message.replace('`(?i)', '`'));
  }
}

/**
 * Every keyword of every rule, compiled so one message costs about the same at 10 rules or 100,000:
 * exact keywords in a map, contains keywords (and regex prefilter literals) in one Aho-Corasick automaton,
 * prefix and suffix keywords in tries; per folding mode (case, width). Regexes run in RE2 (linear time),
 * once per distinct pattern, and only when their required literal occurs in the message and its length fits.
 */
export class KeywordMatcher {
  private readonly modes = new Map<number, ModeIndex>();
  private readonly keywords: MatcherKeyword[] = [];
  private readonly regexes: Array<{ ids: number[]; re: RE2JS; foldWidth: boolean; minLength: number; maxLength: number }> = [];
  /** Compiled regexes by folding mode and pattern. */
  private readonly regexIndex = new Map<string, number>();
  private readonly unfilteredRegexes: number[] = [];
  /** Contains keywords, folded as their mode folds messages (for cutting the argument after them). */
  private readonly containsNeedles = new Map<number, string>();

  constructor(keywords: MatcherKeyword[]) {
    for (const entry of keywords) {
      const text = entry.keyword.text;
      if (!text) continue;
      const id = this.keywords.length;
      this.keywords.push(entry);
      const mode = this.mode(entry.folding);
      const folded = fold(entry.keyword.match === 'regex' ? '' : text, entry.folding);
      const ref = { id, length: text.length };
      switch (entry.keyword.match) {
        case 'exact':
          mode.exact.set(folded, [...(mode.exact.get(folded) ?? []), ref]);
          break;
        case 'contains':
          mode.contains.add(folded, id);
          this.containsNeedles.set(id, folded);
          break;
        case 'prefix':
          mode.prefix.add(folded, ref);
          break;
        case 'suffix':
          mode.suffix.add(folded.split('').reverse().join(''), ref);
          break;
        case 'regex': {
          // Rules often share a pattern: each distinct one is compiled and run once for all of them.
          const key = `${foldingKey(entry.folding)}:${text}`;
          const known = this.regexIndex.get(key);
          if (known !== undefined) {
            this.regexes[known]!.ids.push(id);
            break;
          }
          const regexIndex = this.regexes.length;
          this.regexIndex.set(key, regexIndex);
          const re = compileRegex(text, entry.folding.ignoreCase);
          const { literals, minLength, maxLength } = regexPrefilter(text);
          this.regexes.push({ ids: [id], re, foldWidth: entry.folding.foldWidth, minLength, maxLength });
          if (literals) {
            // Literal ids are negative, beside keyword ids in the same automaton: any one of them runs the regex.
            const literalId = -1 - regexIndex;
            for (const literal of literals) mode.contains.add(fold(literal, entry.folding), literalId);
          } else {
            this.unfilteredRegexes.push(regexIndex);
          }
          break;
        }
      }
    }
    for (const mode of this.modes.values()) mode.contains.build();
  }

  get size(): number {
    return this.keywords.length;
  }

  /** Every keyword that matches `message` (trimmed), with its argument. Unordered. */
  match(message: string): KeywordHit[] {
    const text = message.trim();
    const hits: KeywordHit[] = [];
    const candidateRegexes = new Set<number>(this.unfilteredRegexes);
    for (const mode of this.modes.values()) {
      const folded = fold(text, mode.folding);
      for (const ref of mode.exact.get(folded) ?? []) hits.push(this.hit(ref.id, ''));
      mode.prefix.walk(folded, false, (ref) => hits.push(this.hit(ref.id, text.slice(ref.length).trim())));
      mode.suffix.walk(folded, true, (ref) => hits.push(this.hit(ref.id, text.slice(0, text.length - ref.length).trim())));
      const seen = new Set<number>();
      mode.contains.search(folded, (id) => {
        if (id < 0) {
          candidateRegexes.add(-1 - id);
          return;
        }
        if (seen.has(id)) return;
        seen.add(id);
        const needle = this.containsNeedles.get(id)!;
        const at = folded.indexOf(needle);
        hits.push(this.hit(id, text.slice(at + needle.length).trim()));
      });
    }
    const widthFolded = candidateRegexes.size > 0 ? halfWidth(text) : text;
    for (const index of candidateRegexes) {
      const { ids, re, foldWidth, minLength, maxLength } = this.regexes[index]!;
      if (text.length < minLength || text.length > maxLength) continue;
      // Case is the regex's own flag; width folding keeps lengths, so the argument stays the fan's text.
      const matcher = re.matcher(foldWidth ? widthFolded : text);
      if (!matcher.find()) continue;
      const argument = (matcher.groupCount() > 0 ? matcher.group(1) : matcher.group()) ?? '';
      for (const id of ids) hits.push(this.hit(id, argument));
    }
    return hits;
  }

  private hit(id: number, argument: string): KeywordHit {
    const entry = this.keywords[id]!;
    return { rule: entry.rule, keyword: entry.keyword, argument };
  }

  private mode(folding: Folding): ModeIndex {
    const key = foldingKey(folding);
    let mode = this.modes.get(key);
    if (!mode) {
      mode = { folding, exact: new Map(), contains: new AhoCorasick(), prefix: new Trie(), suffix: new Trie() };
      this.modes.set(key, mode);
    }
    return mode;
  }
}

/** How specific a match type is, for ordering rules of equal priority. */
export const SPECIFICITY: Record<MatchType, number> = { exact: 5, prefix: 4, suffix: 4, regex: 3, contains: 2 };
