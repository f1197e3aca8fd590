// WeChat text replies may carry links as <a href="…">label</a>, and our templates carry placeholders such
// as {{arg}}. Both are parsed into segments that React renders as elements: nothing is ever set as HTML.

export type TextSegment =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string | null }
  | { kind: 'placeholder'; name: string };

const LINK = /<a\s[^>]*?href\s*=\s*(["'])(.*?)\1[^>]*>([\s\S]*?)<\/a>/gi;
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Only web and WeChat links are followed; anything else (javascript:, data:) is shown as plain text. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  return /^(https?:|weixin:)/i.test(trimmed) ? trimmed : null;
}

function withPlaceholders(text: string, out: TextSegment[]): void {
  let from = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const at = match.index ?? 0;
    if (at > from) out.push({ kind: 'text', text: text.slice(from, at) });
    out.push({ kind: 'placeholder', name: match[1] ?? '' });
    from = at + match[0].length;
  }
  if (from < text.length) out.push({ kind: 'text', text: text.slice(from) });
}

/** Splits a text reply into plain text, links and {{placeholders}}. */
export function parseReplyText(content: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let from = 0;
  for (const match of content.matchAll(LINK)) {
    const at = match.index ?? 0;
    if (at > from) withPlaceholders(content.slice(from, at), segments);
    const label = (match[3] ?? '').replace(/<[^>]*>/g, '');
    segments.push({ kind: 'link', text: label || (match[2] ?? ''), href: safeHref(match[2] ?? '') });
    from = at + match[0].length;
  }
  if (from < content.length) withPlaceholders(content.slice(from), segments);
  return segments;
}

