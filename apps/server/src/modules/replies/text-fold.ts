/**
 * Folding for keyword matching, one UTF-16 unit at a time so offsets in the folded text are offsets in
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

export function fold(text: string, folding: Folding): string {
  if (!folding.ignoreCase && !folding.foldWidth) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (folding.foldWidth) {
      if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
      else if (code === 0x3000) code = 0x20;
    }
    let char = String.fromCharCode(code);
    // Lower-casing must not change the length (e.g. 'İ' becomes two units): keep such characters as they are.
    if (folding.ignoreCase) {
      const lower = char.toLowerCase();
      if (lower.length === 1) char = lower;
    }
    out += char;
  }
  return out;
}

/** Full-width digits count as digits too: "０２" → "02". */
export function foldDigits(text: string): string {
  return fold(text, { ignoreCase: false, foldWidth: true });
}
