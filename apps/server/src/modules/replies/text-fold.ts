/**
 * Folding for keyword matching, never changing the length so offsets in the folded text are offsets in
 * the original (arguments are cut from the original, keeping the fan's own case and width).
 * Width: full-width ASCII (U+FF01–U+FF5E) → ASCII, ideographic space → space. Case: lower case.
 */
export interface Folding {
  ignoreCase: boolean;
  foldWidth: boolean;
}

export function foldingKey(folding: Folding): number {
  return (folding.ignoreCase ? 1 : 0) | (folding.foldWidth ? 2 : 0);
}

const WIDE = /[\uff01-\uff5e\u3000]/g;
const narrow = (char: string) => (char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0));

export function fold(text: string, folding: Folding): string {
  let out = folding.foldWidth ? text.replace(WIDE, narrow) : text;
  if (folding.ignoreCase) {
    // The whole string at once is ~10× faster; it equals lower-casing each code point unless a character
    // grows ('İ' → 'i̇', the only one) or Σ takes its word-final form — then go one code point at a time.
    const lower = out.toLowerCase();
    out = lower.length === out.length && !out.includes('Σ') ? lower : lowerEach(out);
  }
  return out;
}

/** Lower-cases each code point on its own, keeping any whose lower case would change the length. */
function lowerEach(text: string): string {
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    out += lower.length === char.length ? lower : char;
  }
  return out;
}

/** Width folding only: full-width ASCII to ASCII ("０２" → "02", "ＶＩＰ" → "VIP"), case kept. */
export function halfWidth(text: string): string {
  return fold(text, { ignoreCase: false, foldWidth: true });
}
