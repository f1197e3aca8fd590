// The rich editor's HTML in and out. In: the server's sanitised HTML is parsed in an inert document (nothing
// loads or runs there) and moved into the editor. Out: what contentEditable made is turned into the tags and
// inline styles WeChat's article page renders (the server sanitises again; this keeps the two close).

/** Inline styles WeChat articles need for the blocks the toolbar makes (they carry no stylesheet). */
const BLOCK_STYLES: Record<string, string> = {
  H3: 'font-size: 18px; font-weight: bold; margin: 16px 0 8px',
  BLOCKQUOTE: 'margin: 12px 0; padding: 4px 0 4px 12px; border-left: 3px solid #dbdbdb; color: #888888',
  IMG: 'max-width: 100%',
};

/** Puts article HTML into the editor. Images are asked for without a referrer (WeChat's image host refuses foreign referrers). */
export function loadArticleHtml(editor: HTMLElement, html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const image of parsed.body.querySelectorAll('img')) image.setAttribute('referrerpolicy', 'no-referrer');
  editor.replaceChildren(...Array.from(parsed.body.childNodes).map((node) => document.importNode(node, true)));
}

function rename(element: Element, tagName: string): Element {
  const renamed = element.ownerDocument.createElement(tagName);
  for (const attribute of Array.from(element.attributes)) renamed.setAttribute(attribute.name, attribute.value);
  renamed.append(...Array.from(element.childNodes));
  element.replaceWith(renamed);
  return renamed;
}

/** The editor's content as article HTML: paragraphs not divs, styles not <font>, block styles inline. */
export function articleHtmlOf(editor: HTMLElement): string {
  const copy = editor.cloneNode(true) as HTMLElement;
  for (const element of Array.from(copy.querySelectorAll('*'))) {
    let current = element;
    // Chrome makes <div> lines when the separator is not set, and <font color> without styleWithCSS.
    if (current.tagName === 'DIV') current = rename(current, 'p');
    if (current.tagName === 'FONT') {
      const color = current.getAttribute('color');
      current = rename(current, 'span');
      current.removeAttribute('color');
      if (color) (current as HTMLElement).style.color = color;
    }
    current.removeAttribute('referrerpolicy');
    current.removeAttribute('class');
    const style = BLOCK_STYLES[current.tagName];
    if (style && !current.getAttribute('style')) current.setAttribute('style', style);
  }
  // Formatting switched on and off without typing leaves empty spans behind.
  for (const inline of Array.from(copy.querySelectorAll('span, strong, b, em, i, u'))) {
    if (!inline.textContent && !inline.querySelector('img, br')) inline.remove();
  }
  const html = copy.innerHTML.trim();
  return html === '<br>' || html === '<p><br></p>' ? '' : html;
}

/** The block element (p, h3, blockquote, li) the caret is in, for the toolbar's toggles. */
export function currentBlock(editor: HTMLElement): string | null {
  const node = document.getSelection()?.anchorNode ?? null;
  let element = node instanceof Element ? node : (node?.parentElement ?? null);
  while (element && element !== editor) {
    if (/^(P|H[1-6]|BLOCKQUOTE|LI)$/.test(element.tagName)) return element.tagName.toLowerCase();
    element = element.parentElement;
  }
  return null;
}
