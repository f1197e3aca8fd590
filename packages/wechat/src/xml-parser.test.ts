import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseXmlDocument, XmlSyntaxError, type XmlNode } from './xml-parser.ts';
import { buildXml, cdata, parseXml, type XmlBuildNode } from './xml.ts';

const parse = (xml: string) => parseXmlDocument(xml, new Set(['item']));
const malformed = (xml: string, reason: 'malformed' | 'doctype' = 'malformed') =>
  assert.throws(() => parse(xml), (e: unknown) => e instanceof XmlSyntaxError && e.reason === reason, xml);

test('elements, text, CDATA, empty and self-closing elements', () => {
  assert.deepEqual(parse('<xml><A>1</A><B><![CDATA[two]]></B><C></C><D/><E><F>x</F></E></xml>'), {
    root: 'xml',
    value: { A: '1', B: 'two', C: '', D: '', E: { F: 'x' } },
  });
});

test('text keeps its whitespace; whitespace between child elements is dropped', () => {
  assert.deepEqual(parse('<xml>\n  <Content>  hi  </Content>\n</xml>').value, { Content: '  hi  ' });
  assert.deepEqual(parse('<xml><Content><![CDATA[ a ]]> <![CDATA[b]]></Content></xml>').value, { Content: ' a  b' });
});

test('the five entities and character references are decoded; CDATA is taken literally', () => {
  assert.deepEqual(parse('<xml><A>&lt;&gt;&amp;&quot;&apos;&#20320;&#x597D;&#x1F389;</A><B><![CDATA[&lt;]]></B></xml>').value, {
    A: '<>&"\'你好🎉',
    B: '&lt;',
  });
});

test('repeated elements become lists; "item" is always a list', () => {
  assert.deepEqual(parse('<xml><A>1</A><A>2</A><A>3</A><L><item><x>1</x></item></L></xml>').value, { A: ['1', '2', '3'], L: { item: [{ x: '1' }] } });
});

test('declaration, BOM, comments and processing instructions are skipped; attributes are ignored', () => {
  assert.deepEqual(parse('\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- c --><xml a="1" b=\'2\'><!-- in --><A x="&amp;">v</A></xml>\n').value, { A: 'v' });
});

test('DOCTYPE, ENTITY and other declarations are refused wherever they appear', () => {
  malformed('<!DOCTYPE xml [<!ENTITY e "x">]><xml><A>&e;</A></xml>', 'doctype');
  malformed('<xml><!ENTITY e "x"><A/></xml>', 'doctype');
  malformed('<?xml version="1.0"?><!doctype xml><xml/>', 'doctype');
});

test('malformed documents are refused', () => {
  for (const xml of [
    '',
    'plain text',
    '<xml>',
    '<xml><A>1</B></xml>',
    '<xml><A>1</A>',
    '<xml></xml><xml></xml>',
    '<xml/>trailing',
    'leading<xml/>',
    '<xml><A>a < b</A></xml>',
    '<xml><A>a & b</A></xml>',
    '<xml><A>&unknown;</A></xml>',
    '<xml><A>&#xD800;</A></xml>',
    '<xml><A>&#0;</A></xml>',
    '<xml><A><![CDATA[open</A></xml>',
    '<xml><!-- open </xml>',
    '<xml><A b=c>1</A></xml>',
    '<xml><A b="1"c="2">1</A></xml>',
    '<xml><A b>1</A></xml>',
    '< xml/>',
    '</xml>',
    `${'<a>'.repeat(40)}${'</a>'.repeat(40)}`,
  ]) {
    malformed(xml);
  }
});

test('round trip: whatever buildXml writes, parseXml reads back exactly', () => {
  const alphabet = ['a', 'Z', '0', ' ', '\n', '<', '>', '&', '"', "'", ']]>', ']]', ']', '你', '好', '🎉', '\t', 'CDATA[', '&amp;'];
  const randomText = () => Array.from({ length: Math.floor(Math.random() * 12) }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
  for (let round = 0; round < 500; round++) {
    const fields: XmlBuildNode = {
      ToUserName: 'gh_1',
      Content: randomText(),
      Nested: { Inner: randomText(), Deep: { Leaf: randomText() } },
      Articles: Array.from({ length: 1 + (round % 3) }, () => ({ Title: randomText() })),
      Number: round,
    };
    const node = parseXml(buildXml(fields));
    const expected: XmlNode = {
      ToUserName: 'gh_1',
      Content: fields.Content as string,
      Nested: fields.Nested as XmlNode,
      Articles: { item: (fields.Articles as XmlNode[]).map((a) => ({ Title: a.Title! })) },
      Number: String(round),
    };
    assert.deepEqual(node, expected, buildXml(fields));
  }
  assert.equal(cdata('a]]>b'), '<![CDATA[a]]]]><![CDATA[>b]]>');
});
