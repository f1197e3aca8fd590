import sanitizeHtml from 'sanitize-html';

/**
 * Article bodies (图文正文) are operator HTML that ends up on WeChat's article page and in our console. They
 * are cleaned here, on the server, before they are stored or sent: only tags WeChat's article page renders,
 * inline styles from a short list with plain values, links to http(s) pages, and images from WeChat's
 * article-image host (wechat-protocol.md §4.11: "images must be uploadimg URLs"; WeChat strips the rest).
 */

const TAGS = [
  'p', 'br', 'span', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'hr', 'blockquote',
  'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'img', 'a', 'section',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
];

/**
 * Elements dropped with everything inside them (not only the tag): scripts, styles, embedded documents,
 * forms and foreign content (an `<svg>` or `<math>` can carry its own `<script>`).
 */
const DROPPED_WITH_CONTENT = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select',
  'option', 'textarea', 'noscript', 'noembed', 'noframes', 'template', 'svg', 'math', 'title', 'xmp', 'plaintext', 'head',
];

const NUMBER = String.raw`-?(?:\d+(?:\.\d+)?|\.\d+)`;
const LENGTH = new RegExp(String.raw`^(?:${NUMBER}(?:px|em|rem|%|pt|vw|vh)?|auto)$`, 'i');
const COLOR = /^(?:#[0-9a-f]{3,8}|rgba?\(\s*[\d.]+%?\s*,\s*[\d.]+%?\s*,\s*[\d.]+%?\s*(?:,\s*[\d.]+%?\s*)?\)|[a-z]{3,20})$/i;
/**
 * Any other allowed property: words, numbers, units, `#hex` and `rgb(…)` only. No other parenthesis can
 * appear, so there is no url(), expression(), var() or image-set(); no quotes, backslashes or colons either.
 */
const PLAIN = /^(?:[-#%.\w\s]|rgba?\([\d\s.,%]+\))+$/i;

const BOX = ['', '-top', '-right', '-bottom', '-left'];
const STYLES: Record<string, RegExp[]> = {
  color: [COLOR],
  'background-color': [COLOR],
  'font-size': [LENGTH, /^(?:xx-small|x-small|small|medium|large|x-large|xx-large|smaller|larger)$/i],
  'font-weight': [/^(?:normal|bold|bolder|lighter|[1-9]00)$/i],
  'font-style': [/^(?:normal|italic|oblique)$/i],
  'text-align': [/^(?:left|right|center|justify|start|end)$/i],
  'text-decoration': [/^[a-z\s-]+$/i],
  'text-indent': [LENGTH],
  'letter-spacing': [LENGTH, /^normal$/i],
  'line-height': [LENGTH, /^normal$/i],
  'vertical-align': [/^(?:baseline|top|middle|bottom|sub|super|text-top|text-bottom)$/i],
  width: [LENGTH],
  'max-width': [LENGTH, /^none$/i],
  'border-collapse': [/^(?:collapse|separate)$/i],
  'border-radius': [PLAIN],
  ...Object.fromEntries(BOX.flatMap((side) => [`margin${side}`, `padding${side}`, `border${side}`, `border${side}-color`, `border${side}-style`, `border${side}-width`].map((p) => [p, [PLAIN]]))),
};

const TABLE_CELL = ['colspan', 'rowspan', 'align', 'valign', 'width'];

/** An absolute http(s) URL, or null (relative links mean nothing on WeChat's article page). */
function webUrl(value: string | undefined): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export interface ArticleHtmlOptions {
  /** Hosts (`host[:port]`) article images may come from: WeChat's uploadimg host(s). */
  imageHosts: ReadonlySet<string>;
}

/** The article body, safe to store, show and send to WeChat. */
export function sanitizeArticleHtml(html: string, { imageHosts }: ArticleHtmlOptions): string {
  return sanitizeHtml(html, {
    allowedTags: TAGS,
    allowedAttributes: {
      '*': ['style'],
      a: ['href', 'title'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      td: TABLE_CELL,
      th: TABLE_CELL,
      table: ['width', 'border', 'cellpadding', 'cellspacing'],
      col: ['span', 'width'],
      colgroup: ['span', 'width'],
      ol: ['start'],
    },
    allowedStyles: { '*': STYLES },
    nonTextTags: DROPPED_WITH_CONTENT,
    disallowedTagsMode: 'discard',
    allowedSchemes: ['http', 'https'],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    allowVulnerableTags: false,
    transformTags: {
      // A link keeps its text; only an absolute http(s) target survives.
      a: (tagName, attribs) => {
        const url = webUrl(attribs.href);
        const { href: _href, ...rest } = attribs;
        return { tagName, attribs: url ? { ...rest, href: url.href } : rest };
      },
    },
    // An image from anywhere but WeChat's article-image host is removed (WeChat would strip it anyway).
    exclusiveFilter: (frame) => {
      if (frame.tag !== 'img') return false;
      const url = webUrl(frame.attribs.src);
      return !url || !imageHosts.has(url.host);
    },
  }).trim();
}

/** The article-image hosts: WeChat's (mmbiz), and those of the configured endpoints (the emulator in tests). */
export function articleImageHosts(endpoints: { apiBase: string; mpBase: string }): Set<string> {
  const hosts = new Set(['mmbiz.qpic.cn', 'mmbiz.qlogo.cn']);
  for (const base of [endpoints.apiBase, endpoints.mpBase]) {
    const url = webUrl(base);
    if (url) hosts.add(url.host);
  }
  return hosts;
}

/** The same hosts as origins, for the console's Content-Security-Policy (the editor shows these images). */
export function articleImageOrigins(endpoints: { apiBase: string; mpBase: string }): string[] {
  const origins = new Set<string>();
  for (const host of articleImageHosts(endpoints)) {
    if (host.startsWith('mmbiz.')) for (const scheme of ['http', 'https']) origins.add(`${scheme}://${host}`);
  }
  for (const base of [endpoints.apiBase, endpoints.mpBase]) {
    const url = webUrl(base);
    if (url) origins.add(url.origin);
  }
  return [...origins];
}
