/** Text with every occurrence of `query` marked (case-insensitive); plain React text, no HTML. */
export function Highlight({ text, query }: { text: string; query: string }) {
  const needle = query.trim().toLowerCase();
  if (!needle) return text;
  const parts: Array<{ text: string; hit: boolean }> = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
    if (at > from) parts.push({ text: text.slice(from, at), hit: false });
    parts.push({ text: text.slice(at, at + needle.length), hit: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), hit: false });
  return parts.map((part, index) => (part.hit ? <mark key={index} className="zg-hit">{part.text}</mark> : <span key={index}>{part.text}</span>));
}

/** The part of a long text around the first match, so the hit is visible in a one-line preview. */
export function excerpt(text: string, query: string, lead = 10): string {
  const at = text.toLowerCase().indexOf(query.trim().toLowerCase());
  return at > lead ? `…${text.slice(at - lead)}` : text;
}
