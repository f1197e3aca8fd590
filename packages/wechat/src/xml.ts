import { parseXmlDocument, XmlSyntaxError, type XmlNode } from './xml-parser.ts';

export type { XmlNode, XmlValue } from './xml-parser.ts';

export class WechatXmlError extends Error {
  override readonly name = 'WechatXmlError';
  constructor(
    readonly reason: 'too_large' | 'doctype' | 'malformed' | 'not_xml_root',
    message: string,
  ) {
    super(message);
  }
}

/** Default cap on XML we accept. Real pushes are a few KB; a safe-mode body is ~1.4x its plaintext. */
export const DEFAULT_MAX_XML_BYTES = 256 * 1024;

// Elements that may repeat and must always come back as arrays (§2.3, §2.4).
const REPEATED: ReadonlySet<string> = new Set(['item', 'List']);

/**
 * Parses WeChat XML safely: bounded size, no DTD or entity declarations, strictly well-formed,
 * root element `<xml>`. Values stay text (a 64-bit MsgId never passes through a JS number).
 * Returns the children of the root.
 */
export function parseXml(xml: string, maxBytes = DEFAULT_MAX_XML_BYTES): XmlNode {
  // UTF-8 is at most 3 bytes per UTF-16 unit: skip the exact count when the string is clearly small.
  if (xml.length * 3 > maxBytes && Buffer.byteLength(xml, 'utf8') > maxBytes) throw new WechatXmlError('too_large', `XML is larger than ${maxBytes} bytes`);
  let document: { root: string; value: unknown };
  try {
    document = parseXmlDocument(xml, REPEATED);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new WechatXmlError(error.reason, `${error.reason === 'doctype' ? '' : 'malformed XML: '}${error.message}`);
    throw error;
  }
  if (document.root !== 'xml') throw new WechatXmlError('not_xml_root', 'the root element must be <xml>');
  return typeof document.value === 'string' ? {} : (document.value as XmlNode);
}

/** The text of a child element ('' when missing, the first one when repeated). */
export function text(node: XmlNode | undefined, name: string): string {
  const value = node?.[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

/** The text of a child element, or undefined when it is absent. */
export function optionalText(node: XmlNode | undefined, name: string): string | undefined {
  if (!node || !(name in node)) return undefined;
  return text(node, name);
}

/** A nested element (undefined when missing or when it is plain text). */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const value = node?.[name];
  if (Array.isArray(value)) return isNode(value[0]) ? value[0] : undefined;
  return isNode(value) ? value : undefined;
}

/** Repeated child elements as a list of nodes. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter(isNode);
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Wraps text in CDATA, splitting any `]]>` it contains so the section cannot be closed early. */
export function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** Serialises a flat or nested object as WeChat XML: strings as CDATA, numbers bare, arrays as repeated `item`. */
export function buildXml(fields: XmlBuildNode): string {
  return `<xml>${buildChildren(fields)}</xml>`;
}

export type XmlBuildValue = string | number | XmlBuildNode | XmlBuildNode[] | undefined;
export interface XmlBuildNode {
  [name: string]: XmlBuildValue;
}

function buildChildren(fields: XmlBuildNode): string {
  let out = '';
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (typeof value === 'string') out += `<${name}>${cdata(value)}</${name}>`;
    else if (typeof value === 'number') out += `<${name}>${value}</${name}>`;
    else if (Array.isArray(value)) out += `<${name}>${value.map((item) => `<item>${buildChildren(item)}</item>`).join('')}</${name}>`;
    else out += `<${name}>${buildChildren(value)}</${name}>`;
  }
  return out;
}
