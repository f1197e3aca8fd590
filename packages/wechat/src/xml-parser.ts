/**
 * A strict, single-pass parser for the XML WeChat speaks: elements, text, CDATA, comments, the five
 * predefined entities and character references. It refuses what WeChat never sends and attackers love:
 * DOCTYPE and any other declaration (so no entity expansion, no external entities), unknown entities,
 * mismatched or unclosed tags, stray `<` or `&`, text outside the root, excessive nesting.
 * Attributes are checked for well-formedness and ignored (WeChat uses none).
 */

export type XmlValue = string | XmlNode | XmlValue[];
export interface XmlNode {
  [name: string]: XmlValue;
}

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
  constructor(
    readonly reason: 'doctype' | 'malformed',
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at ${offset})`);
  }
}

const MAX_DEPTH = 32;

interface Frame {
  name: string;
  node: XmlNode;
  text: string;
  hasChildren: boolean;
}

/** Parses a document; returns its root element's name and children. `alwaysArray` names always become lists. */
export function parseXmlDocument(xml: string, alwaysArray: ReadonlySet<string>): { root: string; value: XmlValue } {
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = xml.length;
  const stack: Frame[] = [];
  let root: { name: string; value: XmlValue } | null = null;
  const fail = (message: string, at = i): never => {
    throw new XmlSyntaxError('malformed', message, at);
  };

  while (i < n) {
    const lt = xml.indexOf('<', i);
    // Text up to the next markup.
    const end = lt === -1 ? n : lt;
    if (end > i) {
      const top = stack[stack.length - 1];
      if (top) top.text += decodeText(xml, i, end);
      else if (!isWhitespace(xml, i, end)) fail('text outside the root element');
      i = end;
      if (lt === -1) break;
    }
    const next = xml.charCodeAt(i + 1);
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', i)) {
        const close = xml.indexOf('-->', i + 4);
        if (close === -1) fail('unterminated comment');
        i = close + 3;
      } else if (xml.startsWith('<![CDATA[', i)) {
        const top = stack[stack.length - 1];
        if (!top) fail('CDATA outside the root element');
        const close = xml.indexOf(']]>', i + 9);
        if (close === -1) fail('unterminated CDATA section');
        top!.text += xml.slice(i + 9, close);
        i = close + 3;
      } else {
        throw new XmlSyntaxError('doctype', 'DOCTYPE and other declarations are refused', i);
      }
    } else if (next === 63 /* ? */) {
      const close = xml.indexOf('?>', i + 2);
      if (close === -1) fail('unterminated processing instruction');
      i = close + 2;
    } else if (next === 47 /* / */) {
      const close = xml.indexOf('>', i + 2);
      if (close === -1) fail('unterminated end tag');
      const name = xml.slice(i + 2, close).trimEnd();
      const frame = stack.pop();
      if (!frame) fail(`end tag </${name}> without a start tag`);
      if (frame!.name !== name) fail(`expected </${frame!.name}>, found </${name}>`);
      i = close + 1;
      const value: XmlValue = frame!.hasChildren ? frame!.node : frame!.text;
      const parent = stack[stack.length - 1];
      if (parent) attach(parent, frame!.name, value, alwaysArray);
      else root = { name: frame!.name, value };
    } else {
      // Start tag.
      const nameEnd = scanName(xml, i + 1);
      if (nameEnd === i + 1) fail('expected an element name after <');
      const name = xml.slice(i + 1, nameEnd);
      let j = skipAttributes(xml, nameEnd, fail);
      const selfClosing = xml.charCodeAt(j) === 47;
      if (selfClosing) j++;
      if (xml.charCodeAt(j) !== 62 /* > */) fail(`malformed start tag <${name}>`, j);
      i = j + 1;
      if (stack.length === 0 && root) fail('a second root element');
      if (stack.length >= MAX_DEPTH) fail('elements nested too deeply');
      const parent = stack[stack.length - 1];
      if (!selfClosing) stack.push({ name, node: {}, text: '', hasChildren: false });
      else if (parent) attach(parent, name, '', alwaysArray);
      else root = { name, value: '' };
    }
  }
  if (stack.length > 0) fail(`unclosed element <${stack[stack.length - 1]!.name}>`, n);
  if (!root) fail('no root element', n);
  return { root: root!.name, value: root!.value };
}

function attach(parent: Frame, name: string, value: XmlValue, alwaysArray: ReadonlySet<string>): void {
  parent.hasChildren = true;
  const node = parent.node;
  const existing = node[name];
  // An element's own value is text or a node, never a list: a list here means "repeated element".
  if (existing === undefined) node[name] = alwaysArray.has(name) ? [value] : value;
  else if (Array.isArray(existing)) existing.push(value);
  else node[name] = [existing, value];
}

function scanName(xml: string, start: number): number {
  let k = start;
  for (; k < xml.length; k++) {
    const c = xml.charCodeAt(k);
    const ok =
      (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || (k > start && ((c >= 48 && c <= 57) || c === 45 || c === 46)) || c > 127;
    if (!ok) break;
  }
  return k;
}

/** Skips `name="value"` pairs; returns the index of `/` or `>`. */
function skipAttributes(xml: string, start: number, fail: (message: string, at?: number) => never): number {
  let k = start;
  for (;;) {
    const before = k;
    while (isSpace(xml.charCodeAt(k))) k++;
    const c = xml.charCodeAt(k);
    if (c === 62 || c === 47 || Number.isNaN(c)) return k;
    if (k === before) fail('expected whitespace before an attribute', k);
    const nameEnd = scanName(xml, k);
    if (nameEnd === k) fail('malformed attribute', k);
    k = nameEnd;
    while (isSpace(xml.charCodeAt(k))) k++;
    if (xml.charCodeAt(k) !== 61 /* = */) fail('attribute without a value', k);
    k++;
    while (isSpace(xml.charCodeAt(k))) k++;
    const quote = xml.charCodeAt(k);
    if (quote !== 34 && quote !== 39) fail('attribute value must be quoted', k);
    const close = xml.indexOf(String.fromCharCode(quote), k + 1);
    if (close === -1) fail('unterminated attribute value', k);
    const value = xml.slice(k + 1, close);
    if (value.includes('<')) fail('"<" inside an attribute value', k);
    decodeText(value, 0, value.length);
    k = close + 1;
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text between markup, with entities and character references decoded; a bare `&` is an error. */
function decodeText(xml: string, start: number, end: number): string {
  let amp = xml.indexOf('&', start);
  if (amp === -1 || amp >= end) return xml.slice(start, end);
  let out = '';
  let from = start;
  while (amp !== -1 && amp < end) {
    const semi = xml.indexOf(';', amp);
    if (semi === -1 || semi >= end || semi - amp > 10) throw new XmlSyntaxError('malformed', 'a bare "&" in text', amp);
    const entity = xml.slice(amp + 1, semi);
    let decoded: string | undefined;
    if (entity.charCodeAt(0) === 35 /* # */) {
      const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      const digits = entity[1] === 'x' || entity[1] === 'X' ? /^[0-9a-fA-F]+$/.test(entity.slice(2)) : /^[0-9]+$/.test(entity.slice(1));
      if (digits && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) decoded = String.fromCodePoint(code);
    } else {
      decoded = ENTITIES[entity];
    }
    if (decoded === undefined) throw new XmlSyntaxError('malformed', `unknown entity &${entity};`, amp);
    out += xml.slice(from, amp) + decoded;
    from = semi + 1;
    amp = xml.indexOf('&', from);
  }
  return out + xml.slice(from, end);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isWhitespace(xml: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isSpace(xml.charCodeAt(k))) return false;
  return true;
}
