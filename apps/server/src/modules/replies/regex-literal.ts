/**
 * The longest literal a regex's matches must contain, for prefiltering: regex rules are only run when the
 * message contains their literal (found by the same Aho-Corasick pass as "contains" keywords). Conservative:
 * a top-level alternation, or anything optional, yields no literal (the regex is then run for every message).
 */
export function requiredLiteral(pattern: string): string | null {
  const runs: string[] = [];
  let current = '';
  let depth = 0;
  let i = 0;
  const flush = () => {
    if (current) runs.push(current);
    current = '';
  };
  const optionalNext = (at: number) => {
    const next = pattern[at];
    return next === '?' || next === '*' || (next === '{' && /^\{0[,}]/.test(pattern.slice(at)));
  };
  while (i < pattern.length) {
    const char = pattern[i]!;
    if (char === '\\') {
      const escaped = pattern[i + 1] ?? '';
      // \d \w \s \b … are classes or assertions, not literals; \. \+ \( … are.
      if (/[A-Za-z0-9]/.test(escaped)) flush();
      else if (depth === 0 && !optionalNext(i + 2)) current += escaped;
      else flush();
      i += 2;
      continue;
    }
    if (char === '|' && depth === 0) return null;
    if (char === '(') {
      flush();
      depth++;
    } else if (char === ')') {
      depth = Math.max(0, depth - 1);
      flush();
    } else if (char === '[') {
      flush();
      const close = pattern.indexOf(']', i + 2);
      i = close === -1 ? pattern.length : close + 1;
      continue;
    } else if ('.^$+*?{}'.includes(char)) {
      flush();
      if (char === '{') {
        const close = pattern.indexOf('}', i);
        i = close === -1 ? pattern.length : close + 1;
        continue;
      }
    } else if (depth === 0) {
      if (optionalNext(i + 1)) flush();
      else current += char;
    }
    i++;
  }
  flush();
  const best = runs.sort((a, b) => b.length - a.length)[0];
  return best && best.length >= 1 ? best : null;
}
