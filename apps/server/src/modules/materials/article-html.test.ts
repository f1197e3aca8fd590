import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleImageHosts, sanitizeArticleHtml } from './article-html.ts';

// The article sanitiser on its own, with the inputs an attacker (or a careless paste) would try.

const imageHosts = articleImageHosts({ apiBase: 'http://127.0.0.1:4100', mpBase: 'https://mp.weixin.qq.com' });
const clean = (html: string) => sanitizeArticleHtml(html, { imageHosts });
const OURS = 'http://127.0.0.1:4100/_emulator/media/wx1/abc';

/** No script can survive in any of its forms. */
function assertInert(html: string): void {
  assert.doesNotMatch(html, /<script|<iframe|<object|<embed|<form|<svg|<math|<style/i, html);
  assert.doesNotMatch(html, /\son\w+\s*=/i, `event handler left: ${html}`);
  assert.doesNotMatch(html, /javascript:|vbscript:|data:/i, `dangerous URL left: ${html}`);
  assert.doesNotMatch(html, /url\(|expression\(/i, `dangerous style left: ${html}`);
}

const NASTY: Array<[string, string]> = [
  ['<img src=x onerror=alert(1)>', ''],
  [`<img src="${OURS}" onerror="alert(1)">`, `<img src="${OURS}" />`],
  ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
  ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a>x</a>'],
  ['<a href="&#106;&#97;vascript&#58;alert(1)">x</a>', '<a>x</a>'],
  ['<a href="&#x6A;avascript:alert(1)">x</a>', '<a>x</a>'],
  ['<a href=" java\tscript:alert(1)">x</a>', '<a>x</a>'],
  ['<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
  ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', '<a>x</a>'],
  ['<a href="//evil.example.com">x</a>', '<a>x</a>'],
  ['<svg><script>alert(1)</script><p>inside</p></svg>after', 'after'],
  ['<math><mi xlink:href="javascript:alert(1)">m</mi></math>ok', 'ok'],
  ['<iframe src="https://evil.example.com"><p>fallback</p></iframe>ok', 'ok'],
  ['<object data="x.swf"><embed src="x.swf"></object><form action="/steal"><input name="pw"><p>f</p></form>ok', 'ok'],
  ['<p onclick="steal()" class="x" id="y">p</p><style>*{display:none}</style><script>alert(1)</script>', '<p>p</p>'],
  ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>ok', 'ok'],
  ['<p style="background:url(javascript:alert(1)); color: red">s</p>', '<p style="color:red">s</p>'],
  ['<p style="background-color: url(x); width: expression(alert(1)); margin: 0 auto">s</p>', '<p style="margin:0 auto">s</p>'],
  ['<p style="border: 1px solid rgb(0, 0, 0); position: fixed; top: 0">s</p>', '<p style="border:1px solid rgb(0, 0, 0)">s</p>'],
  ['<img src="https://evil.example.com/track.png">', ''],
  ['<img src="data:image/png;base64,AAAA">', ''],
  ['<IMG SRC="jav&#x09;ascript:alert(1);">', ''],
];

for (const [input, expected] of NASTY) {
  test(`sanitises ${input.slice(0, 60)}`, () => {
    const output = clean(input);
    assert.equal(output, expected);
    assertInert(output);
  });
}

test('keeps what WeChat articles use: text styles, headings, lists, tables, links and article images', () => {
  const html = [
    '<section style="text-align: center; padding: 8px 16px; line-height: 1.75">',
    '<h2 style="font-size: 20px; font-weight: bold; color: #07c160">标题</h2>',
    '<p>正文 <strong>加粗</strong> <em>斜体</em> <u>下划线</u> <s>删除</s> <span style="background-color: #fffbe6">高亮</span></p>',
    '<blockquote>引用</blockquote><ul><li>一</li></ul><ol start="3"><li>三</li></ol>',
    '<table><thead><tr><th colspan="2">表头</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>',
    `<p><img src="${OURS}" alt="图" style="max-width: 100%"><br><a href="https://mp.weixin.qq.com/s/abc" title="原文">链接</a></p>`,
    '</section>',
  ].join('');
  const output = clean(html);
  for (const kept of [
    '<section style="text-align:center;padding:8px 16px;line-height:1.75">',
    '<h2 style="font-size:20px;font-weight:bold;color:#07c160">标题</h2>',
    '<strong>加粗</strong> <em>斜体</em> <u>下划线</u> <s>删除</s> <span style="background-color:#fffbe6">高亮</span>',
    '<blockquote>引用</blockquote><ul><li>一</li></ul><ol start="3"><li>三</li></ol>',
    '<th colspan="2">表头</th>',
    `<img src="${OURS}" alt="图" style="max-width:100%" />`,
    '<a title="原文" href="https://mp.weixin.qq.com/s/abc">链接</a>',
  ]) {
    assert.ok(output.includes(kept), `kept ${kept}\n in ${output}`);
  }
});

test('images are allowed from WeChat’s mmbiz host and the configured endpoints only', () => {
  assert.deepEqual([...imageHosts].sort(), ['127.0.0.1:4100', 'mmbiz.qlogo.cn', 'mmbiz.qpic.cn', 'mp.weixin.qq.com']);
  assert.equal(clean('<img src="http://mmbiz.qpic.cn/mmbiz_jpg/abc/0">'), '<img src="http://mmbiz.qpic.cn/mmbiz_jpg/abc/0" />');
  assert.equal(clean('<img src="http://127.0.0.1:4101/_emulator/media/wx1/abc">'), '', 'another port is another host');
  assert.equal(clean('<img src="https://mmbiz.qpic.cn.evil.example.com/x.png">'), '');
});
