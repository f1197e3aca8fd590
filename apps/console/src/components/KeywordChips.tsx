/** Words shown as small chips (keywords of knowledge entries, products and stores). */
export function KeywordChips({ words, max = 5 }: { words: string[]; max?: number }) {
  if (words.length === 0) return <span className="zg-muted">—</span>;
  return (
    <span className="zg-rule-keywords">
      {words.slice(0, max).map((word) => (
        <span key={word} className="zg-kw">
          <span>{word}</span>
        </span>
      ))}
      {words.length > max && <span className="zg-kw zg-kw--more">+{words.length - max}</span>}
    </span>
  );
}
