/**
 * What a regex's matches must contain, for prefiltering. Literals: a regex rule runs only when the message
 * contains one of them (found by the same Aho-Corasick pass as "contains" keywords). The answer is a set
 * of alternatives — every match contains at least one — so `(?:天气|气温)\s*(\S+)` yields 天气 and 气温. And a minimum length, for the regexes with no
 * literal at all: `^[A-Z]{2}\d{10}$` needs 12 characters, so a short message skips it.
 *
 * Conservative by construction: whatever is not understood (classes, escapes like \d, inline flags,
 * optional parts) requires nothing, and null means "run the regex on every message".
 */

/** Every match contains one of these (never empty strings), or null when nothing is certain. */
type Need = string[] | null;
/** What a part of a pattern requires: a literal need, and the fewest and most UTF-16 units it can match. */
interface Shape {
  need: Need;
  min: number;
  max: number;
}

const MAX_ALTERNATIVES = 64;

class Analysis {
  private at = 0;
  constructor(private readonly pattern: string) {}

  get done(): boolean {
    return this.at >= this.pattern.length;
  }

  /** How many branches the last alternation parsed had (1 at the top: no top-level "|"). */
  branches = 0;

  /** alternation := sequence ('|' sequence)* */
  alternation(): Shape {
    const branches: Shape[] = [this.sequence()];
    while (this.pattern[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    this.branches = branches.length;
    const min = Math.min(...branches.map((b) => b.min));
    const max = Math.max(...branches.map((b) => b.max));
    if (branches.length === 1) return branches[0]!;
    if (branches.some((b) => b.need === null)) return { need: null, min, max };
    const union = [...new Set(branches.flatMap((b) => b.need!))];
    return { need: union.length <= MAX_ALTERNATIVES ? union : null, min, max };
  }

  /**
   * sequence := (atom quantifier?)*. Adjacent required single characters join into runs ("订单" from 订, 单);
   * of the needs found, the best prefilter is kept.
   */
  private sequence(): Shape {
    const needs: string[][] = [];
    let min = 0;
    let max = 0;
    let run = '';
    const endRun = () => {
      if (run) needs.push([run]);
      run = '';
    };
    while (this.at < this.pattern.length && this.pattern[this.at] !== '|' && this.pattern[this.at] !== ')') {
      const atom = this.atom();
      const { kind: quantifier, times, most } = this.quantifier();
      min += atom.min * times;
      max += most === 0 || atom.max === 0 ? 0 : atom.max * most;
      if (quantifier === 'optional' || atom.need === null) {
        endRun();
        continue;
      }
      if (atom.char !== undefined && quantifier === 'once') {
        run += atom.char;
        continue;
      }
      // A repeated atom ("a+", "(ab){2}") is required, but what follows it is not adjacent to one copy.
      endRun();
      needs.push(atom.need);
    }
    endRun();
    return { need: best(needs), min, max };
  }

  /** One atom: a literal character, a group (its shape), or something needing no literal. */
  private atom(): Shape & { char?: string } {
    const pattern = this.pattern;
    const char = pattern[this.at]!;
    if (char === '\\') {
      const escaped = pattern[this.at + 1] ?? '';
      this.at += 2;
      // \d \w \s \b \p{…} \x41 … are classes, assertions or codes; \. \+ \( \\ … are the character itself.
      if (!escaped || /[A-Za-z0-9]/.test(escaped)) {
        if (escaped === 'p' || escaped === 'P' || escaped === 'x') this.skipBraces();
        // Assertions match no text; classes and codes match one character.
        if ('bBAz'.includes(escaped)) return { need: null, min: 0, max: 0 };
        // RE2's \d \s \w are ASCII; \p{…}, \x{…} may be an astral code point (two units).
        return { need: null, min: 1, max: 'dsw'.includes(escaped) ? 1 : 2 };
      }
      return { need: [escaped], char: escaped, min: escaped.length, max: escaped.length };
    }
    if (char === '(') {
      this.at++;
      if (pattern[this.at] === '?') {
        // (?:…) and named groups (?P<n>…) / (?<n>…) keep their need; flags ((?i) …) change what matches.
        const named = /^\?(?:P?<[A-Za-z_]\w*>|:)/.exec(pattern.slice(this.at));
        if (!named) throw new Unsupported();
        this.at += named[0].length;
      }
      const inner = this.alternation();
      if (pattern[this.at] !== ')') throw new Unsupported();
      this.at++;
      return inner;
    }
    if (char === '[') {
      // A class: skip to its closing bracket (a ']' right after '[' or '[^' is a literal member).
      let i = this.at + 1;
      const negated = pattern[i] === '^';
      if (negated) i++;
      if (pattern[i] === ']') i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      const members = pattern.slice(this.at, i);
      this.at = i + 1;
      // A class of BMP characters, ranges and ASCII classes matches one unit; otherwise up to two.
      const oneUnit = !negated && !/[\ud800-\udfff]|\\[pPxDSW]|\[:\^/.test(members);
      return { need: null, min: 1, max: oneUnit ? 1 : 2 };
    }
    if ('*+?{'.includes(char)) throw new Unsupported();
    // A whole code point, so an astral character (emoji) is one atom.
    const codePoint = String.fromCodePoint(pattern.codePointAt(this.at)!);
    this.at += codePoint.length;
    // One character is one code point: up to two UTF-16 units.
    if (codePoint === '.') return { need: null, min: 1, max: 2 };
    if (codePoint === '^' || codePoint === '$') return { need: null, min: 0, max: 0 };
    return { need: [codePoint], char: codePoint, min: codePoint.length, max: codePoint.length };
  }

  /** The quantifier after an atom, with the fewest and most times the atom occurs. */
  private quantifier(): { kind: 'once' | 'optional' | 'repeated'; times: number; most: number } {
    const pattern = this.pattern;
    const char = pattern[this.at];
    let kind: 'once' | 'optional' | 'repeated' = 'once';
    let times = 1;
    let most = 1;
    if (char === '?' || char === '*') {
      kind = 'optional';
      times = 0;
      most = char === '?' ? 1 : Infinity;
      this.at++;
    } else if (char === '+') {
      kind = 'repeated';
      most = Infinity;
      this.at++;
    } else if (char === '{') {
      const counted = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(this.at));
      if (!counted) throw new Unsupported(); // RE2 would read this "{" as a literal; not worth the care.
      times = Number(counted[1]);
      most = counted[2] === undefined ? times : counted[3] ? Number(counted[3]) : Infinity;
      kind = times === 0 ? 'optional' : 'repeated';
      this.at += counted[0].length;
    }
    // Lazy suffixes do not change what is required.
    if (kind !== 'once' && pattern[this.at] === '?') this.at++;
    return { kind, times, most };
  }

  private skipBraces(): void {
    if (this.pattern[this.at] !== '{') return;
    const close = this.pattern.indexOf('}', this.at);
    this.at = close === -1 ? this.pattern.length : close + 1;
  }
}

class Unsupported extends Error {}

/** The best prefilter among several needs: the longest shortest-alternative, then the fewest alternatives. */
function best(needs: string[][]): Need {
  let chosen: string[] | null = null;
  let chosenKey = [-1, 0];
  for (const need of needs) {
    const key = [Math.min(...need.map((s) => s.length)), -need.length];
    if (key[0]! > chosenKey[0]! || (key[0] === chosenKey[0] && key[1]! > chosenKey[1]!)) {
      chosen = need;
      chosenKey = key;
    }
  }
  return chosen;
}

export interface RegexPrefilter {
  /** The regex can only match a message containing one of these (null: no such literals known). */
  literals: string[] | null;
  /** … and only a message at least this long (UTF-16 units; 0 when unknown) … */
  minLength: number;
  /** … and, anchored at both ends, at most this long (Infinity when unknown). */
  maxLength: number;
}

const UNKNOWN: RegexPrefilter = { literals: null, minLength: 0, maxLength: Infinity };

export function regexPrefilter(pattern: string): RegexPrefilter {
  try {
    const analysis = new Analysis(pattern);
    const { need, min, max } = analysis.alternation();
    if (!analysis.done) return UNKNOWN;
    // "^…$" with no top-level "|": the match is the whole message, so the message is no longer than it.
    const anchored = analysis.branches === 1 && pattern.startsWith('^') && pattern.endsWith('$') && !pattern.endsWith('\\$');
    return { literals: need && need.length > 0 && need.every((literal) => literal.length > 0) ? need : null, minLength: min, maxLength: anchored ? max : Infinity };
  } catch (error) {
    if (error instanceof Unsupported) return UNKNOWN;
    throw error;
  }
}

export const requiredLiterals = (pattern: string): string[] | null => regexPrefilter(pattern).literals;
