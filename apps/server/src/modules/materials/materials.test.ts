import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ArticleImageView, MaterialView, NewsDraftView, PreviewResult } from '@zhanggui/shared';
import { operatorWithRole, type ConsoleClient } from '../../testing/console-client.ts';
import { waitFor } from '../../testing/wait-for.ts';
import { startLoop, type Loop, type LoopAccount } from '../../testing/emulator-loop.ts';
import { qrPng } from '../qrcodes/qr-images.ts';

// The material library end to end, on the emulator: uploads checked before WeChat sees them, the bytes
// served back, deletes refused while something uses the material (here or on WeChat), article images,
// news drafts with sanitised bodies kept in WeChat's draft box, publishing, and previews on a fan's phone.

let loop: Loop;
let account: LoopAccount;
let other: LoopAccount;
let owner: ConsoleClient;
let base: string;
let png: Buffer;

const KB = 1024;
const MB = 1024 * KB;
const pad = (head: Buffer | string, size: number) => {
  const start = Buffer.isBuffer(head) ? head : Buffer.from(head, 'latin1');
  return Buffer.concat([start, Buffer.alloc(Math.max(0, size - start.length), 0x20)]);
};
const jpeg = (size = 2 * KB) => pad(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), size);
const mp3 = (size = 4 * KB) => pad('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000', size);
const amr = (size = 2 * KB) => pad('#!AMR\n', size);
const mp4 = (size = 8 * KB) => pad(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42\u0000\u0000\u0000\u0000mp42isom', 'latin1')]), size);

before(async () => {
  loop = await startLoop();
  account = await loop.connect({ mode: 'safe', type: 'service', verified: true });
  other = await loop.connect({ mode: 'plaintext', type: 'service', verified: true });
  owner = await operatorWithRole(loop.platform, account.id, 'owner');
  base = `/api/accounts/${account.id}`;
  png = await qrPng('zhanggui', 120);
  loop.emulator.createFans(account.appId, 3);
});
after(() => loop.close());

/** A multipart form as the console's upload sends it: the file, then any other fields. */
const upload = (url: string, file: { filename: string; data: Buffer; contentType?: string } | null, fields: Record<string, string> = {}, client = owner) =>
  client.upload(url, 'file', file, 'POST', fields);

async function material(kind: string, filename: string, data: Buffer, fields: Record<string, string> = {}): Promise<MaterialView> {
  const res = await upload(`${base}/materials`, { filename, data }, { kind, ...fields });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

const wechat = () => loop.platform.tokens.clientFor(account.id);
const counts = () => wechat().materials.count();

async function articleImage(): Promise<string> {
  const res = await upload(`${base}/materials/article-images`, { filename: '插图.png', data: png, contentType: 'image/png' });
  assert.equal(res.statusCode, 201, res.body);
  return (res.json() as ArticleImageView).url;
}

test('uploads each kind as permanent material on WeChat and keeps the bytes', async () => {
  const before = await counts();
  const image = await material('image', '门店照片.png', png);
  const voice = await material('voice', 'greeting.mp3', mp3(), { title: '欢迎语' });
  const amrVoice = await material('voice', 'short.AMR', amr());
  const video = await material('video', 'intro.mp4', mp4(), { title: '门店介绍', description: '一分钟看懂' });
  const thumb = await material('thumb', 'cover.jpg', jpeg());

  assert.equal(image.kind, 'image');
  assert.equal(image.name, '门店照片.png');
  assert.equal(image.contentType, 'image/png');
  assert.equal(image.bytes, png.length);
  assert.ok(image.wechatMediaId && image.wechatUrl?.startsWith(loop.emulator.url), 'an image has a media_id and a URL');
  assert.deepEqual(image.usage, { rules: 0, flows: 0, channels: 0, menus: 0, news: 0, broadcasts: 0 });
  assert.equal(voice.contentType, 'audio/mpeg');
  assert.equal(voice.title, '欢迎语');
  assert.equal(amrVoice.contentType, 'audio/amr');
  assert.equal(video.title, '门店介绍');
  assert.equal(video.description, '一分钟看懂');
  assert.equal(video.wechatUrl, null);
  assert.equal(thumb.contentType, 'image/jpeg');

  // WeChat has them: counts, and the video with the title and introduction it was given.
  const after = await counts();
  assert.equal(after.image_count, before.image_count + 1);
  assert.equal(after.voice_count, before.voice_count + 2);
  assert.equal(after.video_count, before.video_count + 1);
  assert.deepEqual(await wechat().materials.get(video.wechatMediaId).then((v) => [(v as Record<string, unknown>).title, (v as Record<string, unknown>).description]), ['门店介绍', '一分钟看懂']);

  const voices = (await owner.get(`${base}/materials?kind=voice`)).json() as MaterialView[];
  assert.deepEqual(voices.map((m) => m.id), [amrVoice.id, voice.id], 'by kind, newest first');
  assert.equal(((await owner.get(`${base}/materials`)).json() as MaterialView[]).length >= 5, true);
  assert.equal((await owner.get(`${base}/materials?kind=news`)).statusCode, 400);

  // The file comes back as stored, typed by its content and never sniffed.
  const file = await owner.get(`${base}/materials/${image.id}/file`);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'image/png');
  assert.equal(file.headers['x-content-type-options'], 'nosniff');
  assert.ok(file.rawPayload.equals(png));
  assert.match(String(file.headers['content-disposition']), /filename\*=UTF-8''%E9%97%A8/);
  assert.equal((await owner.get(`${base}/materials/${voice.id}/file`)).headers['content-type'], 'audio/mpeg');
});

test('refuses wrong formats, oversized files and videos without a title before WeChat sees them', async () => {
  const before = await counts();
  const refusal = async (kind: string, filename: string, data: Buffer | null, code: string, fields: Record<string, string> = {}) => {
    const res = await upload(`${base}/materials`, data ? { filename, data } : null, { kind, ...fields });
    assert.equal(res.json().error?.code, code, `${kind} ${filename}: ${res.body.slice(0, 200)}`);
    assert.equal(res.statusCode, 400);
    return res.json();
  };
  await refusal('image', 'notes.txt', Buffer.from('hello'), 'MATERIAL_TYPE_INVALID');
  await refusal('image', 'photo.webp', pad('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 100), 'MATERIAL_TYPE_INVALID');
  const renamed = await refusal('voice', 'song.mp3', png, 'MATERIAL_TYPE_INVALID');
  assert.deepEqual(renamed.error.details, { kind: 'voice', formats: ['mp3', 'wma', 'wav', 'amr'], maxBytes: 2 * MB });
  assert.match(renamed.error.message, /语音 mp3\/wma\/wav\/amr/);
  await refusal('image', 'photo.jpg', png, 'MATERIAL_TYPE_INVALID'); // the extension must match the content
  await refusal('thumb', 'cover.png', png, 'MATERIAL_TYPE_INVALID'); // thumbs are JPG only
  await refusal('video', 'clip.mov', mp4(), 'MATERIAL_TYPE_INVALID', { title: 't', description: 'd' });
  const tooLong = await refusal('voice', 'long.mp3', mp3(2 * MB + 1), 'MATERIAL_TOO_LARGE');
  assert.match(tooLong.error.message, /语音最大 2 MB/);
  await refusal('thumb', 'big.jpg', jpeg(64 * KB + 1), 'MATERIAL_TOO_LARGE');
  await refusal('image', 'huge.png', pad(png, 10 * MB + 1), 'MATERIAL_TOO_LARGE');
  const untitled = await refusal('video', 'intro.mp4', mp4(), 'VALIDATION_FAILED', { description: '没有标题' });
  assert.deepEqual(untitled.error.details, [{ path: 'title', message: '视频素材需要标题' }]);
  await refusal('video', 'intro.mp4', mp4(), 'VALIDATION_FAILED', { title: '没有简介' });
  await refusal('sticker', 'x.png', png, 'VALIDATION_FAILED');
  await refusal('image', '', null, 'MATERIAL_FILE_MISSING');
  assert.equal((await owner.post(`${base}/materials`, { kind: 'image' })).json().error.code, 'MATERIAL_FILE_MISSING');

  assert.deepEqual(await counts(), before, 'nothing reached WeChat');
});

test('deletes unused material here and on WeChat; refuses while rules, menus or news use it', async () => {
  const spare = await material('image', 'spare.png', png);
  let before = await counts();
  assert.equal((await owner.delete(`${base}/materials/${spare.id}`)).statusCode, 204);
  assert.equal((await counts()).image_count, before.image_count - 1);
  assert.equal((await owner.get(`${base}/materials/${spare.id}`)).statusCode, 404);
  await assert.rejects(wechat().materials.get(spare.wechatMediaId), /40007/);

  // A reply rule sends it: refused here, with the uses named.
  const used = await material('image', 'used.png', png);
  const rule = await owner.post(`${base}/rules`, { name: '图片回复', trigger: 'keyword', keywords: [{ text: '图片', match: 'exact' }], replies: [{ type: 'image', mediaId: used.wechatMediaId }] });
  assert.equal(rule.statusCode, 201, rule.body);
  let res = await owner.delete(`${base}/materials/${used.id}`);
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'MATERIAL_IN_USE');
  assert.equal(res.json().error.details.usage.rules, 1);
  assert.equal(((await owner.get(`${base}/materials/${used.id}`)).json() as MaterialView).usage.rules, 1);

  // A menu set on WeChat (not through us) uses it: WeChat's 48005 comes back as the same clear error.
  const onMenu = await material('image', 'menu.png', png);
  await wechat().menus.create({ button: [{ type: 'media_id', name: '图片', media_id: onMenu.wechatMediaId }] });
  before = await counts();
  res = await owner.delete(`${base}/materials/${onMenu.id}`);
  assert.equal(res.statusCode, 409, res.body);
  assert.equal(res.json().error.code, 'MATERIAL_IN_USE');
  assert.deepEqual(res.json().error.details.wechat, { errcode: 48005 });
  assert.deepEqual(await counts(), before);
  assert.equal((await owner.get(`${base}/materials/${onMenu.id}`)).statusCode, 200, 'still in the library');
  await wechat().menus.delete();

  // Our own menu draft uses it.
  const menu = await owner.put(`${base}/menus`, { buttons: [{ name: '看图', type: 'media_id', mediaId: onMenu.wechatMediaId }], conditional: [] });
  assert.equal(menu.statusCode, 200, menu.body);
  res = await owner.delete(`${base}/materials/${onMenu.id}`);
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.details.usage.menus, 1);
  await owner.put(`${base}/menus`, { buttons: [{ name: '你好', type: 'click', key: 'hi' }], conditional: [] });
  assert.equal((await owner.delete(`${base}/materials/${onMenu.id}`)).statusCode, 204);

  // A news cover.
  const cover = await material('thumb', 'cover.jpg', jpeg());
  const news = await owner.post(`${base}/news`, { articles: [{ title: '封面在用', coverMaterialId: cover.id, content: '<p>正文</p>' }] });
  assert.equal(news.statusCode, 201, news.body);
  res = await owner.delete(`${base}/materials/${cover.id}`);
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.details.usage.news, 1);

  // A broadcast still to be sent names the material (or the news) by our id; a sent one no longer holds it.
  const voice = await material('voice', 'broadcast.mp3', mp3());
  const newsId = (news.json() as NewsDraftView).id;
  const broadcast = async (status: string, message: unknown) =>
    loop.platform.db.query(`insert into broadcasts (account_id, title, status, message, target, mode) values ($1, 'b', $2, $3, '{"kind":"all"}', 'all')`, [account.id, status, JSON.stringify(message)]);
  await broadcast('sent', { type: 'voice', materialId: voice.id });
  assert.equal(((await owner.get(`${base}/materials/${voice.id}`)).json() as MaterialView).usage.broadcasts, 0);
  await broadcast('scheduled', { type: 'voice', materialId: voice.id });
  await broadcast('pending_approval', { type: 'news', newsId });
  res = await owner.delete(`${base}/materials/${voice.id}`);
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.details.usage.broadcasts, 1);
  res = await owner.delete(`${base}/news/${newsId}`);
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'NEWS_IN_USE');
});

test('article images: JPG/PNG under 1 MB go to WeChat (uploadimg) and come back as a URL it serves', async () => {
  const url = await articleImage();
  assert.ok(url.startsWith(`${loop.emulator.url}/_emulator/media/`), url);
  const served = await fetch(url);
  assert.equal(served.status, 200);
  assert.ok(Buffer.from(await served.arrayBuffer()).equals(png));
  for (const [filename, data] of [
    ['anim.gif', pad('GIF89a', 100)],
    ['photo.png', jpeg()],
    ['big.jpg', jpeg(MB)],
  ] as const) {
    const res = await upload(`${base}/materials/article-images`, { filename, data });
    assert.equal(res.statusCode, 400, filename);
    assert.equal(res.json().error.code, 'ARTICLE_IMAGE_INVALID');
  }
});

const NASTY_BODY = (imageUrl: string) =>
  [
    '<h2 style="color: #07c160; position: fixed">春季上新</h2>',
    '<p onclick="steal()">正文<script>alert(1)</script></p>',
    '<img src=x onerror=alert(1)>',
    `<img src="${imageUrl}" onload="alert(2)" style="max-width: 100%">`,
    '<img src="https://evil.example.com/track.gif">',
    '<a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(1)">b</a><a href="&#106;avascript:alert(1)">c</a>',
    '<a href="https://shop.example.com/spring">去看看</a>',
    '<svg><script>alert(1)</script></svg><iframe src="https://evil.example.com"></iframe>',
    '<p style="background:url(javascript:alert(1)); text-align: center">居中</p>',
  ].join('');

function assertClean(html: string, imageUrl: string): void {
  assert.doesNotMatch(html, /<script|<svg|<iframe|onerror|onload|onclick|javascript:|url\(|evil\.example|position/i, html);
  assert.ok(html.includes(`<img src="${imageUrl}" style="max-width:100%" />`), `the article image stays: ${html}`);
  assert.ok(html.includes('<a href="https://shop.example.com/spring">去看看</a>'));
  assert.ok(html.includes('<p style="text-align:center">居中</p>'));
  assert.ok(html.includes('<h2 style="color:#07c160">春季上新</h2>'));
}

test('news drafts: bodies sanitised before they are stored or sent; saved to the draft box on every change', async () => {
  const imageUrl = await articleImage();
  const cover = await material('image', 'cover.png', png);
  const res = await owner.post(`${base}/news`, {
    articles: [{ title: '春季上新', author: '小王', digest: '新品到店', coverMaterialId: cover.id, content: NASTY_BODY(imageUrl), sourceUrl: 'https://shop.example.com', showCover: true }],
  });
  assert.equal(res.statusCode, 201, res.body);
  const draft = res.json() as NewsDraftView;
  const [article] = draft.articles;
  assertClean(article!.content, imageUrl);
  assert.equal(article!.coverUrl, `${base}/materials/${cover.id}/file`);
  assert.ok(draft.wechatMediaId);
  const [stored] = await loop.platform.db.query<{ articles: Array<{ content: string }> }>('select articles from news_drafts where id = $1', [draft.id]);
  assertClean(stored!.articles[0]!.content, imageUrl);
  let onWechat = await wechat().drafts.get(draft.wechatMediaId!);
  assert.equal(onWechat.news_item[0]!.content, article!.content, 'WeChat has exactly the clean body');
  assert.equal(onWechat.news_item[0]!.thumb_media_id, cover.wechatMediaId);
  assert.equal(onWechat.news_item[0]!.content_source_url, 'https://shop.example.com');

  // Same number of articles: draft/update in place, the media_id stays.
  const edited = {
    articles: [{ ...draft.articles[0]!, title: '春季上新（更新）', content: `<p>改过</p><a href="java\tscript:alert(1)">x</a><object data="x"></object>` }],
  };
  let updated = (await owner.put(`${base}/news/${draft.id}`, edited)).json() as NewsDraftView;
  assert.equal(updated.wechatMediaId, draft.wechatMediaId);
  assert.equal(updated.articles[0]!.content, '<p>改过</p><a>x</a>');
  onWechat = await wechat().drafts.get(draft.wechatMediaId!);
  assert.equal(onWechat.news_item[0]!.title, '春季上新（更新）');
  assert.equal(onWechat.news_item[0]!.content, '<p>改过</p><a>x</a>');

  // Another article: a new draft replaces the old one.
  const thumb = await material('thumb', 'second.jpg', jpeg());
  const twoArticles = { articles: [edited.articles[0], { title: '第二篇', coverMaterialId: thumb.id, content: `<p>第二篇</p><img src="${imageUrl}">` }] };
  const twoRes = await owner.put(`${base}/news/${draft.id}`, twoArticles);
  assert.equal(twoRes.statusCode, 200, twoRes.body);
  updated = twoRes.json();
  assert.notEqual(updated.wechatMediaId, draft.wechatMediaId);
  assert.equal((await wechat().drafts.get(updated.wechatMediaId!)).news_item.length, 2);
  await assert.rejects(wechat().drafts.get(draft.wechatMediaId!), /40007/, 'the old draft is gone');
  assert.deepEqual(((await owner.get(`${base}/news`)).json() as NewsDraftView[]).find((n) => n.id === draft.id)?.articles.map((a) => a.title), ['春季上新（更新）', '第二篇']);
});

test('news drafts are validated: 1–8 articles, WeChat’s field limits, a cover of this account, a body left after cleaning', async () => {
  const cover = await material('image', 'c.png', png);
  const voice = await material('voice', 'v.mp3', mp3());
  const elsewhere = await operatorWithRole(loop.platform, other.id, 'owner');
  const foreign = await upload(`/api/accounts/${other.id}/materials`, { filename: 'x.png', data: png }, { kind: 'image' }, elsewhere);
  assert.equal(foreign.statusCode, 201, foreign.body);
  const article = { title: '标题', coverMaterialId: cover.id, content: '<p>正文</p>' };
  const problems = async (body: unknown) => {
    const res = await owner.post(`${base}/news`, body);
    assert.equal(res.statusCode, 400, res.body);
    return (res.json().error.details as Array<{ path: string; message: string }>).map((d) => `${d.path}: ${d.message}`);
  };
  assert.deepEqual(await problems({ articles: [] }), ['articles: 至少 1 项']);
  assert.deepEqual(await problems({ articles: Array.from({ length: 9 }, () => article) }), ['articles: 最多 8 项']);
  assert.deepEqual(await problems({ articles: [{ ...article, title: '字'.repeat(33) }] }), ['articles.0.title: 不能超过 32 个字符']);
  assert.deepEqual(await problems({ articles: [{ ...article, author: '作'.repeat(17) }] }), ['articles.0.author: 不能超过 16 个字符']);
  assert.deepEqual(await problems({ articles: [{ ...article, sourceUrl: 'javascript:alert(1)' }] }), ['articles.0.sourceUrl: 请输入有效的网址（http:// 或 https://）']);
  assert.deepEqual(await problems({ articles: [{ ...article, coverMaterialId: voice.id }] }), ['articles.0.coverMaterialId: 封面须为本公众号的图片或缩略图素材']);
  assert.deepEqual(await problems({ articles: [{ ...article, coverMaterialId: foreign.json().id }] }), ['articles.0.coverMaterialId: 封面须为本公众号的图片或缩略图素材']);
  assert.deepEqual(await problems({ articles: [{ ...article, content: '<script>alert(1)</script><iframe></iframe>' }] }), ['articles.0.content: 正文为空（不支持的标签和外部图片已被移除）']);
  assert.deepEqual(await problems({ articles: [{ ...article, content: `<p>${'长'.repeat(20_000)}</p>` }] }), ['articles.0.content: 正文须少于 20,000 个字符且小于 1 MB']);
});

test('publishing: freepublish/submit, then the status until WeChat has published it', async () => {
  const cover = await material('image', 'p.png', png);
  const imageUrl = await articleImage();
  const created = (await owner.post(`${base}/news`, { articles: [{ title: '发布测试', coverMaterialId: cover.id, content: NASTY_BODY(imageUrl) }] })).json() as NewsDraftView;
  const res = await owner.post(`${base}/news/${created.id}/publish`);
  assert.equal(res.statusCode, 200, res.body);
  const publishing = res.json() as NewsDraftView;
  assert.equal(publishing.publishStatus, 'publishing');
  assert.ok(publishing.publishId);
  assert.equal(publishing.wechatMediaId, null, 'WeChat takes a published draft out of the draft box');
  await assert.rejects(wechat().drafts.get(created.wechatMediaId!), /40007/);
  assert.equal((await owner.put(`${base}/news/${created.id}`, { articles: [{ title: 'x', coverMaterialId: cover.id, content: '<p>x</p>' }] })).json().error.code, 'NEWS_PUBLISHING');

  const published = await waitFor(async () => {
    const view = (await owner.get(`${base}/news/${created.id}`)).json() as NewsDraftView;
    return view.publishStatus === 'published' && view;
  }, 'the publish to finish');
  assert.ok(published.articleId);
  const page = await wechat().publishing.getArticle(published.articleId!);
  assertClean(page.news_item[0]!.content, imageUrl);
  const html = await (await fetch(page.news_item[0]!.url)).text();
  assert.ok(html.includes('春季上新') && !/<script|onerror|javascript:/i.test(html), 'the article page a reader opens is clean');

  // A preview after publishing puts the news back into the draft box (mpnews needs a draft).
  const preview = await owner.post(`${base}/materials/preview`, { openid: loop.emulator.fanOpenid(account.appId, 2), message: { type: 'news', newsId: created.id } });
  assert.equal(preview.statusCode, 200, preview.body);
  const again = (await owner.get(`${base}/news/${created.id}`)).json() as NewsDraftView;
  assert.ok(again.wechatMediaId);
  assert.equal((await wechat().drafts.get(again.wechatMediaId!)).news_item[0]!.title, '发布测试');

  // Editing afterwards saves the new version in that draft; the published article stays.
  const edited = (await owner.put(`${base}/news/${created.id}`, { articles: [{ title: '发布后修改', coverMaterialId: cover.id, content: '<p>新版</p>' }] })).json() as NewsDraftView;
  assert.equal(edited.wechatMediaId, again.wechatMediaId);
  assert.equal(edited.articleId, published.articleId);
  assert.equal(edited.publishStatus, 'published', 'the last publish');
  assert.equal((await owner.delete(`${base}/news/${created.id}`)).statusCode, 204);
  await assert.rejects(wechat().drafts.get(edited.wechatMediaId!), /40007/, 'deleted from the draft box too');
});

test('previews reach one fan’s phone: text, image, voice, video (mpvideo) and news (mpnews)', async () => {
  const openid = loop.emulator.fanOpenid(account.appId, 0);
  const [fan] = await loop.platform.db.query<{ id: number }>('insert into fans (account_id, openid, last_interaction_at) values ($1, $2, now()) returning id', [account.id, openid]);
  const image = await material('image', 'preview.png', png);
  const voice = await material('voice', 'preview.amr', amr());
  const video = await material('video', 'preview.mp4', mp4(), { title: '预览视频', description: '简介' });
  const cover = await material('thumb', 'preview.jpg', jpeg());
  const news = (await owner.post(`${base}/news`, { articles: [{ title: '预览图文', digest: '摘要', coverMaterialId: cover.id, content: '<p>正文</p>' }] })).json() as NewsDraftView;

  const send = async (body: Record<string, unknown>) => {
    const res = await owner.post(`${base}/materials/preview`, body);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as PreviewResult;
  };
  const text = await send({ openid, message: { type: 'text', content: '预览一下' } });
  assert.equal(text.openid, openid);
  assert.ok(text.msgId);
  await send({ fanId: fan!.id, message: { type: 'image', materialId: image.id } });
  await send({ fanId: fan!.id, message: { type: 'voice', materialId: voice.id } });
  await send({ fanId: fan!.id, message: { type: 'video', materialId: video.id } });
  await send({ fanId: fan!.id, message: { type: 'news', newsId: news.id } });

  const previews = loop.emulator.phone(account.appId, openid).filter((entry) => entry.source === 'preview');
  assert.deepEqual(
    previews.map((e) => [e.msgType, e.text ?? e.articles?.[0]?.title]),
    [
      ['text', '预览一下'],
      ['image', '[图片]'],
      ['voice', '[语音]'],
      ['mpvideo', '[视频] 预览视频'],
      ['mpnews', '预览图文'],
    ],
  );
  assert.equal(previews[1]!.mediaId, image.wechatMediaId);
  assert.notEqual(previews[3]!.mediaId, video.wechatMediaId, 'a video goes out wrapped by media/uploadvideo');

  // Wrong references, and who may preview.
  const wrongKind = await owner.post(`${base}/materials/preview`, { openid, message: { type: 'voice', materialId: image.id } });
  assert.deepEqual(wrongKind.json().error.details, [{ path: 'message.materialId', message: '本公众号没有该语音素材' }]);
  assert.equal((await owner.post(`${base}/materials/preview`, { message: { type: 'text', content: 'x' } })).statusCode, 400);
  assert.equal((await owner.post(`${base}/materials/preview`, { fanId: 999_999, message: { type: 'text', content: 'x' } })).json().error.code, 'FAN_NOT_FOUND');
  const analyst = await operatorWithRole(loop.platform, account.id, 'analyst');
  assert.equal((await analyst.post(`${base}/materials/preview`, { openid, message: { type: 'text', content: 'x' } })).statusCode, 403);
  assert.equal((await analyst.get(`${base}/materials`)).statusCode, 200, 'reading needs rules.view');
  assert.equal((await upload(`${base}/materials`, { filename: 'a.png', data: png }, { kind: 'image' }, analyst)).statusCode, 403);
});

test("another account's material and news are not found here", async () => {
  const elsewhere = await operatorWithRole(loop.platform, other.id, 'owner');
  const theirs = (await upload(`/api/accounts/${other.id}/materials`, { filename: 'theirs.png', data: png }, { kind: 'image' }, elsewhere)).json() as MaterialView;
  const theirNews = await elsewhere.post(`/api/accounts/${other.id}/news`, { articles: [{ title: '他们的', coverMaterialId: theirs.id, content: '<p>x</p>' }] });
  assert.equal(theirNews.statusCode, 201, theirNews.body);
  const newsId = (theirNews.json() as NewsDraftView).id;
  for (const [method, url] of [
    ['GET', `${base}/materials/${theirs.id}`],
    ['GET', `${base}/materials/${theirs.id}/file`],
    ['DELETE', `${base}/materials/${theirs.id}`],
    ['GET', `${base}/news/${newsId}`],
    ['DELETE', `${base}/news/${newsId}`],
    ['POST', `${base}/news/${newsId}/publish`],
  ] as const) {
    const res = await owner.request(method, url, method === 'POST' ? {} : undefined);
    assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
  }
  const preview = await owner.post(`${base}/materials/preview`, { openid: loop.emulator.fanOpenid(account.appId, 1), message: { type: 'image', materialId: theirs.id } });
  assert.equal(preview.statusCode, 400);
  assert.equal((await owner.get(`/api/accounts/${other.id}/materials`)).statusCode, 403);
  assert.equal((await elsewhere.get(`/api/accounts/${other.id}/materials/${theirs.id}`)).statusCode, 200, 'still theirs');
});
