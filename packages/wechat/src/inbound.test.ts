import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dedupeKey, parseInboundXml, type InboundMessage } from './inbound.ts';
import { WechatXmlError } from './xml.ts';

const head = (type: string) =>
  `<ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[o6_bmjrPTlm6_2sgVt7hMZOPfL2M]]></FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[${type}]]></MsgType>`;
const event = (name: string, rest = '') => parseInboundXml(`<xml>${head('event')}<Event><![CDATA[${name}]]></Event>${rest}</xml>`);

function expectType<K extends InboundMessage['msgType']>(message: InboundMessage, type: K): Extract<InboundMessage, { msgType: K }> {
  assert.equal(message.msgType, type);
  return message as Extract<InboundMessage, { msgType: K }>;
}

test('text message keeps a 64-bit MsgId exactly, as text', () => {
  const m = expectType(parseInboundXml(`<xml>${head('text')}<Content><![CDATA[牛仔裤 & <b>]]></Content><MsgId>4561255354251345929</MsgId></xml>`), 'text');
  assert.equal(m.msgId, '4561255354251345929');
  assert.equal(m.content, '牛仔裤 & <b>');
  assert.equal(m.toUserName, 'gh_97417a04a28d');
  assert.equal(m.fromUserName, 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M');
  assert.equal(m.createTime, 1348831860);
});

test('fields may come as CDATA or bare text, and entities in bare text are decoded', () => {
  const m = expectType(
    parseInboundXml('<xml><ToUserName>gh_1</ToUserName><FromUserName>oABC</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>a &amp; b &lt;c&gt;</Content><MsgId>1</MsgId></xml>'),
    'text',
  );
  assert.equal(m.content, 'a & b <c>');
});

test('text from a msgmenu tap carries bizmsgmenuid; text from an article carries MsgDataId and Idx', () => {
  const m = expectType(
    parseInboundXml(`<xml>${head('text')}<Content><![CDATA[满意]]></Content><MsgId>1</MsgId><bizmsgmenuid>101</bizmsgmenuid><MsgDataId>2247</MsgDataId><Idx>1</Idx></xml>`),
    'text',
  );
  assert.equal(m.bizMsgMenuId, '101');
  assert.equal(m.msgDataId, '2247');
  assert.equal(m.idx, '1');
});

test('image, voice (with recognition), video, shortvideo, location, link and miniprogrampage messages', () => {
  const image = expectType(parseInboundXml(`<xml>${head('image')}<PicUrl><![CDATA[http://p/1.jpg]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>2</MsgId></xml>`), 'image');
  assert.deepEqual([image.picUrl, image.mediaId], ['http://p/1.jpg', 'm1']);

  const voice = expectType(
    parseInboundXml(`<xml>${head('voice')}<MediaId><![CDATA[v1]]></MediaId><Format><![CDATA[amr]]></Format><MediaId16K><![CDATA[v16]]></MediaId16K><Recognition><![CDATA[腾讯微信团队]]></Recognition><MsgId>3</MsgId></xml>`),
    'voice',
  );
  assert.deepEqual([voice.format, voice.mediaId16K, voice.recognition], ['amr', 'v16', '腾讯微信团队']);

  for (const type of ['video', 'shortvideo'] as const) {
    const video = parseInboundXml(`<xml>${head(type)}<MediaId><![CDATA[vid]]></MediaId><ThumbMediaId><![CDATA[th]]></ThumbMediaId><MsgId>4</MsgId></xml>`);
    assert.equal(video.msgType, type);
    assert.equal((video as { thumbMediaId: string }).thumbMediaId, 'th');
  }

  const location = expectType(
    parseInboundXml(`<xml>${head('location')}<Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label><![CDATA[广州市海珠区]]></Label><MsgId>5</MsgId></xml>`),
    'location',
  );
  assert.deepEqual([location.latitude, location.longitude, location.scale, location.label], [23.134521, 113.358803, 20, '广州市海珠区']);

  const link = expectType(
    parseInboundXml(`<xml>${head('link')}<Title><![CDATA[标题]]></Title><Description><![CDATA[描述]]></Description><Url><![CDATA[https://example.com]]></Url><MsgId>6</MsgId></xml>`),
    'link',
  );
  assert.deepEqual([link.title, link.description, link.url], ['标题', '描述', 'https://example.com']);

  const page = expectType(
    parseInboundXml(`<xml>${head('miniprogrampage')}<Title><![CDATA[t]]></Title><AppId><![CDATA[wxapp]]></AppId><PagePath><![CDATA[pages/i]]></PagePath><ThumbUrl><![CDATA[u]]></ThumbUrl><ThumbMediaId><![CDATA[tm]]></ThumbMediaId><MsgId>7</MsgId></xml>`),
    'miniprogrampage',
  );
  assert.equal(page.pagePath, 'pages/i');
});

test('an unmodelled message type is kept as unknown with its original type', () => {
  const m = expectType(parseInboundXml(`<xml>${head('device_text')}<MsgId>8</MsgId></xml>`), 'unknown');
  assert.equal(m.originalType, 'device_text');
  assert.equal(m.msgId, '8');
});

test('subscribe, through a parametric QR code and plain; unsubscribe', () => {
  const viaQr = event('subscribe', '<EventKey><![CDATA[qrscene_123123]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket>');
  assert.ok(viaQr.msgType === 'event' && viaQr.event === 'subscribe');
  assert.equal(viaQr.sceneValue, '123123');
  assert.equal(viaQr.eventKey, 'qrscene_123123');
  assert.equal(viaQr.ticket, 'TICKET');

  const plain = event('subscribe', '<EventKey><![CDATA[]]></EventKey>');
  assert.ok(plain.msgType === 'event' && plain.event === 'subscribe');
  assert.equal(plain.sceneValue, undefined);
  assert.equal(plain.eventKey, undefined);

  assert.equal((event('unsubscribe') as { event: string }).event, 'unsubscribe');
});

test('SCAN, LOCATION, CLICK, VIEW and view_miniprogram events', () => {
  const scan = event('SCAN', '<EventKey><![CDATA[SCENE_VALUE]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket>');
  assert.ok(scan.msgType === 'event' && scan.event === 'SCAN');
  assert.deepEqual([scan.eventKey, scan.ticket], ['SCENE_VALUE', 'TICKET']);

  const location = event('LOCATION', '<Latitude>23.137466</Latitude><Longitude>113.352425</Longitude><Precision>119.385040</Precision>');
  assert.ok(location.msgType === 'event' && location.event === 'LOCATION');
  assert.deepEqual([location.latitude, location.longitude, location.precision], [23.137466, 113.352425, 119.38504]);

  const click = event('CLICK', '<EventKey><![CDATA[EVENTKEY]]></EventKey>');
  assert.ok(click.msgType === 'event' && click.event === 'CLICK' && click.eventKey === 'EVENTKEY');

  const view = event('VIEW', '<EventKey><![CDATA[www.qq.com]]></EventKey><MenuId>208</MenuId>');
  assert.ok(view.msgType === 'event' && view.event === 'VIEW');
  assert.deepEqual([view.eventKey, view.menuId], ['www.qq.com', '208']);

  const mini = event('view_miniprogram', '<EventKey><![CDATA[pages/index]]></EventKey><MenuId>1</MenuId>');
  assert.ok(mini.msgType === 'event' && mini.event === 'view_miniprogram' && mini.eventKey === 'pages/index');
});

test('scancode, pic and location_select menu events', () => {
  for (const [name, result] of [['scancode_push', '1'], ['scancode_waitmsg', '2']] as const) {
    const e = event(name, `<EventKey><![CDATA[k]]></EventKey><ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType><ScanResult><![CDATA[${result}]]></ScanResult></ScanCodeInfo>`);
    assert.ok(e.msgType === 'event' && (e.event === 'scancode_push' || e.event === 'scancode_waitmsg'));
    assert.deepEqual([e.scanType, e.scanResult], ['qrcode', result]);
  }
  const pics = event(
    'pic_sysphoto',
    '<EventKey><![CDATA[6]]></EventKey><SendPicsInfo><Count>2</Count><PicList><item><PicMd5Sum><![CDATA[1b5f7c23b5bf75682a53e7b6d163e185]]></PicMd5Sum></item><item><PicMd5Sum><![CDATA[abc]]></PicMd5Sum></item></PicList></SendPicsInfo>',
  );
  assert.ok(pics.msgType === 'event' && pics.event === 'pic_sysphoto');
  assert.deepEqual(pics.picMd5Sums, ['1b5f7c23b5bf75682a53e7b6d163e185', 'abc']);
  assert.equal(pics.count, 2);

  const one = event('pic_weixin', '<EventKey>k</EventKey><SendPicsInfo><Count>1</Count><PicList><item><PicMd5Sum>x</PicMd5Sum></item></PicList></SendPicsInfo>');
  assert.ok(one.msgType === 'event' && one.event === 'pic_weixin');
  assert.deepEqual(one.picMd5Sums, ['x']);

  const sel = event(
    'location_select',
    '<EventKey><![CDATA[6]]></EventKey><SendLocationInfo><Location_X><![CDATA[23]]></Location_X><Location_Y><![CDATA[113]]></Location_Y><Scale><![CDATA[15]]></Scale><Label><![CDATA[ 广州市海珠区客村艺苑路 106号]]></Label><Poiname><![CDATA[]]></Poiname></SendLocationInfo>',
  );
  assert.ok(sel.msgType === 'event' && sel.event === 'location_select');
  assert.deepEqual([sel.latitude, sel.longitude, sel.scale, sel.label, sel.poiname], [23, 113, 15, ' 广州市海珠区客村艺苑路 106号', '']);
});

test('MASSSENDJOBFINISH with MsgID (capital D), copyright results and article URLs', () => {
  const e = event(
    'MASSSENDJOBFINISH',
    `<MsgID>1000001625</MsgID><Status><![CDATA[err(30003)]]></Status><TotalCount>0</TotalCount><FilterCount>0</FilterCount><SentCount>0</SentCount><ErrorCount>0</ErrorCount>
<CopyrightCheckResult><Count>2</Count><ResultList>
<item><ArticleIdx>1</ArticleIdx><UserDeclareState>0</UserDeclareState><AuditState>2</AuditState><OriginalArticleUrl><![CDATA[Url_1]]></OriginalArticleUrl><OriginalArticleType>1</OriginalArticleType><CanReprint>1</CanReprint><NeedReplaceContent>1</NeedReplaceContent><NeedShowReprintSource>1</NeedShowReprintSource></item>
<item><ArticleIdx>2</ArticleIdx><UserDeclareState>0</UserDeclareState><AuditState>2</AuditState><OriginalArticleUrl><![CDATA[Url_2]]></OriginalArticleUrl><OriginalArticleType>1</OriginalArticleType><CanReprint>1</CanReprint><NeedReplaceContent>1</NeedReplaceContent><NeedShowReprintSource>1</NeedShowReprintSource></item>
</ResultList><CheckState>2</CheckState></CopyrightCheckResult>
<ArticleUrlResult><Count>1</Count><ResultList><item><ArticleIdx>1</ArticleIdx><ArticleUrl><![CDATA[https://mp/1]]></ArticleUrl></item></ResultList></ArticleUrlResult>`,
  );
  assert.ok(e.msgType === 'event' && e.event === 'MASSSENDJOBFINISH');
  assert.equal(e.msgId, '1000001625');
  assert.equal(e.status, 'err(30003)');
  assert.equal(e.copyrightCheckResult?.checkState, 2);
  assert.equal(e.copyrightCheckResult?.results.length, 2);
  assert.equal(e.copyrightCheckResult?.results[1]?.originalArticleUrl, 'Url_2');
  assert.deepEqual(e.articleUrls, [{ articleIdx: 1, articleUrl: 'https://mp/1' }]);

  const ok = event('MASSSENDJOBFINISH', '<MsgID>9</MsgID><Status><![CDATA[send success]]></Status><TotalCount>100</TotalCount><FilterCount>80</FilterCount><SentCount>75</SentCount><ErrorCount>5</ErrorCount>');
  assert.ok(ok.msgType === 'event' && ok.event === 'MASSSENDJOBFINISH');
  assert.deepEqual([ok.totalCount, ok.filterCount, ok.sentCount, ok.errorCount], [100, 80, 75, 5]);
});

test('TEMPLATESENDJOBFINISH, PUBLISHJOBFINISH and customer-service session events', () => {
  const t = event('TEMPLATESENDJOBFINISH', '<MsgID>200163836</MsgID><Status><![CDATA[failed: system failed]]></Status>');
  assert.ok(t.msgType === 'event' && t.event === 'TEMPLATESENDJOBFINISH');
  assert.deepEqual([t.msgId, t.status], ['200163836', 'failed: system failed']);

  const p = event(
    'PUBLISHJOBFINISH',
    '<PublishEventInfo><publish_id>2247503051</publish_id><publish_status>0</publish_status><article_id><![CDATA[b5O2OUs25HBxRceL7hfReg]]></article_id><article_detail><count>1</count><item><idx>1</idx><article_url><![CDATA[ARTICLE_URL]]></article_url></item></article_detail></PublishEventInfo>',
  );
  assert.ok(p.msgType === 'event' && p.event === 'PUBLISHJOBFINISH');
  assert.deepEqual([p.publishId, p.publishStatus, p.articleId], ['2247503051', 0, 'b5O2OUs25HBxRceL7hfReg']);
  assert.deepEqual(p.articles, [{ idx: 1, articleUrl: 'ARTICLE_URL' }]);

  const failed = event('PUBLISHJOBFINISH', '<PublishEventInfo><publish_id>1</publish_id><publish_status>2</publish_status><fail_idx>1</fail_idx><fail_idx>2</fail_idx></PublishEventInfo>');
  assert.ok(failed.msgType === 'event' && failed.event === 'PUBLISHJOBFINISH');
  assert.deepEqual(failed.failIdx, [1, 2]);

  const create = event('kf_create_session', '<KfAccount><![CDATA[test1@test]]></KfAccount>');
  assert.ok(create.msgType === 'event' && create.event === 'kf_create_session' && create.kfAccount === 'test1@test');
  const close = event('kf_close_session', '<KfAccount><![CDATA[test1@test]]></KfAccount>');
  assert.ok(close.msgType === 'event' && close.event === 'kf_close_session');
  const sw = event('kf_switch_session', '<FromKfAccount><![CDATA[a@t]]></FromKfAccount><ToKfAccount><![CDATA[b@t]]></ToKfAccount>');
  assert.ok(sw.msgType === 'event' && sw.event === 'kf_switch_session');
  assert.deepEqual([sw.fromKfAccount, sw.toKfAccount], ['a@t', 'b@t']);
});

test('subscription-notice events with several List items', () => {
  const e = event(
    'subscribe_msg_popup_event',
    '<SubscribeMsgPopupEvent><List><TemplateId><![CDATA[t1]]></TemplateId><SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>2</PopupScene></List><List><TemplateId><![CDATA[t2]]></TemplateId><SubscribeStatusString><![CDATA[reject]]></SubscribeStatusString><PopupScene>2</PopupScene></List></SubscribeMsgPopupEvent>',
  );
  assert.ok(e.msgType === 'event' && e.event === 'subscribe_msg_popup_event');
  assert.deepEqual(
    e.items.map((i) => [i.templateId, i.subscribeStatusString]),
    [['t1', 'accept'], ['t2', 'reject']],
  );
});

test('unmodelled events are kept with their original name', () => {
  const e = event('user_get_card', '<CardId><![CDATA[c]]></CardId>');
  assert.ok(e.msgType === 'event' && e.event === 'unknown');
  assert.equal(e.originalEvent, 'user_get_card');
});

test('dedupe keys: MsgId for messages, FromUserName+CreateTime+Event+EventKey for events', () => {
  const text = parseInboundXml(`<xml>${head('text')}<Content>a</Content><MsgId>4561255354251345929</MsgId></xml>`);
  assert.equal(dedupeKey(text), 'm:4561255354251345929');
  assert.equal(dedupeKey(event('CLICK', '<EventKey>K</EventKey>')), 'e:o6_bmjrPTlm6_2sgVt7hMZOPfL2M:1348831860:CLICK:K');
  assert.equal(dedupeKey(event('unsubscribe')), 'e:o6_bmjrPTlm6_2sgVt7hMZOPfL2M:1348831860:unsubscribe:');
  assert.notEqual(dedupeKey(event('CLICK', '<EventKey>A</EventKey>')), dedupeKey(event('CLICK', '<EventKey>B</EventKey>')));
  // Two mass jobs finishing in the same second are two reports, not a retry.
  const finish = (id: string) => event('MASSSENDJOBFINISH', `<MsgID>${id}</MsgID><Status>send success</Status><TotalCount>2</TotalCount><FilterCount>2</FilterCount><SentCount>2</SentCount><ErrorCount>0</ErrorCount>`);
  assert.equal(dedupeKey(finish('1000001')), 'e:o6_bmjrPTlm6_2sgVt7hMZOPfL2M:1348831860:MASSSENDJOBFINISH:1000001');
  assert.notEqual(dedupeKey(finish('1000001')), dedupeKey(finish('1000002')));
});

test('refuses DOCTYPE and entity declarations, malformed XML, a non-xml root and oversize input', () => {
  const reason = (r: string) => (e: unknown) => e instanceof WechatXmlError && e.reason === r;
  assert.throws(() => parseInboundXml('<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Content>&x;</Content></xml>'), reason('doctype'));
  assert.throws(() => parseInboundXml('<!doctype xml><xml></xml>'), reason('doctype'));
  assert.throws(() => parseInboundXml(`<xml>${head('text')}<Content>a</Contents></xml>`), reason('malformed'));
  assert.throws(() => parseInboundXml(`<xml>${head('text')}<Content>a</Content>`), reason('malformed'));
  assert.throws(() => parseInboundXml('<root><a>1</a></root>'), reason('not_xml_root'));
  assert.throws(() => parseInboundXml(`<xml><Content>${'x'.repeat(1000)}</Content></xml>`, 500), reason('too_large'));
});
