import { buildXml, type XmlBuildNode } from '@zhanggui/wechat';

/**
 * One push to the developer's callback, before signing: the §2 fields in document order (strings become
 * CDATA, numbers stay bare), plus a MsgId that is written bare because it is above 2^53 (§0).
 */
export interface InboundPush {
  fields: XmlBuildNode;
  /** User messages only: a 64-bit decimal, written as `<MsgId>…</MsgId>` after the other fields. */
  msgId?: string;
  /** Raw XML appended after `fields` (structures buildXml cannot express, e.g. PublishEventInfo). */
  tail?: string;
  /** Whether a news reply may carry 1 article (a user message) or 8 (an event), §3. */
  answering: 'message' | 'event';
  /** For logs: `text`, `event:subscribe`, … */
  label: string;
  /** The openid for the push's query string. */
  openid: string;
}

export interface PushBase {
  /** The account's gh_ id. */
  toUserName: string;
  /** The fan's openid. */
  fromUserName: string;
  /** Unix seconds. */
  createTime: number;
}

/** The plaintext XML of a push. */
export function inboundXml(push: InboundPush): string {
  const xml = buildXml(push.fields);
  if (push.msgId === undefined && push.tail === undefined) return xml;
  const msgId = push.msgId === undefined ? '' : `<MsgId>${push.msgId}</MsgId>`;
  return `${xml.slice(0, -'</xml>'.length)}${push.tail ?? ''}${msgId}</xml>`;
}

/** The children of a node as an XML fragment (no <xml> wrapper). */
function fragment(node: XmlBuildNode): string {
  return buildXml(node).slice('<xml>'.length, -'</xml>'.length);
}

function head(base: PushBase, msgType: string): XmlBuildNode {
  return { ToUserName: base.toUserName, FromUserName: base.fromUserName, CreateTime: base.createTime, MsgType: msgType };
}

function message(base: PushBase, msgType: string, fields: XmlBuildNode, msgId: string): InboundPush {
  return { fields: { ...head(base, msgType), ...fields }, msgId, answering: 'message', label: msgType, openid: base.fromUserName };
}

function event(base: PushBase, name: string, fields: XmlBuildNode = {}): InboundPush {
  return { fields: { ...head(base, 'event'), Event: name, ...fields }, answering: 'event', label: `event:${name}`, openid: base.fromUserName };
}

export const inbound = {
  text: (base: PushBase, content: string, msgId: string) => message(base, 'text', { Content: content }, msgId),

  image: (base: PushBase, picUrl: string, mediaId: string, msgId: string) => message(base, 'image', { PicUrl: picUrl, MediaId: mediaId }, msgId),

  location: (base: PushBase, loc: { latitude: number; longitude: number; scale: number; label: string }, msgId: string) =>
    message(base, 'location', { Location_X: loc.latitude, Location_Y: loc.longitude, Scale: loc.scale, Label: loc.label }, msgId),

  /** A plain follow carries an empty EventKey; a follow through a parametric QR code `qrscene_<scene>` and the Ticket (§2.3). */
  subscribe: (base: PushBase, qr?: { sceneValue: string; ticket: string }) =>
    event(base, 'subscribe', qr ? { EventKey: `qrscene_${qr.sceneValue}`, Ticket: qr.ticket } : { EventKey: '' }),

  unsubscribe: (base: PushBase) => event(base, 'unsubscribe', { EventKey: '' }),

  /** A follower scanned a parametric QR code: EventKey is the scene value without prefix. */
  scan: (base: PushBase, sceneValue: string, ticket: string) => event(base, 'SCAN', { EventKey: sceneValue, Ticket: ticket }),

  locationEvent: (base: PushBase, loc: { latitude: number; longitude: number; precision: number }) =>
    event(base, 'LOCATION', { Latitude: loc.latitude, Longitude: loc.longitude, Precision: loc.precision }),

  click: (base: PushBase, key: string) => event(base, 'CLICK', { EventKey: key }),

  view: (base: PushBase, url: string, menuId?: string) => event(base, 'VIEW', { EventKey: url, MenuId: menuId }),

  viewMiniprogram: (base: PushBase, pagePath: string, menuId?: string) => event(base, 'view_miniprogram', { EventKey: pagePath, MenuId: menuId }),

  scancode: (base: PushBase, name: 'scancode_push' | 'scancode_waitmsg', key: string, scanType: string, scanResult: string) =>
    event(base, name, { EventKey: key, ScanCodeInfo: { ScanType: scanType, ScanResult: scanResult } }),

  pics: (base: PushBase, name: 'pic_sysphoto' | 'pic_photo_or_album' | 'pic_weixin', key: string, md5s: string[]) =>
    event(base, name, { EventKey: key, SendPicsInfo: { Count: md5s.length, PicList: md5s.map((md5) => ({ PicMd5Sum: md5 })) } }),

  locationSelect: (base: PushBase, key: string, loc: { latitude: number; longitude: number; scale: number; label: string; poiname: string }) =>
    event(base, 'location_select', {
      EventKey: key,
      SendLocationInfo: { Location_X: loc.latitude, Location_Y: loc.longitude, Scale: loc.scale, Label: loc.label, Poiname: loc.poiname },
    }),

  /** §2.4: MsgID with a capital D; the counts are bare numbers. */
  massJobFinish: (base: PushBase, job: { msgId: number; status: string; totalCount: number; filterCount: number; sentCount: number; errorCount: number }) =>
    event(base, 'MASSSENDJOBFINISH', {
      MsgID: job.msgId,
      Status: job.status,
      TotalCount: job.totalCount,
      FilterCount: job.filterCount,
      SentCount: job.sentCount,
      ErrorCount: job.errorCount,
    }),

  templateJobFinish: (base: PushBase, msgId: number, status: string) => event(base, 'TEMPLATESENDJOBFINISH', { MsgID: msgId, Status: status }),

  /** §2.3: PublishEventInfo holds publish_id, publish_status, article_id and article_detail (count + repeated item). */
  publishJobFinish: (base: PushBase, job: { publishId: string; status: number; articleId: string; urls: string[] }): InboundPush => {
    const items = job.urls.map((url, i) => `<item>${fragment({ idx: i + 1, article_url: url })}</item>`).join('');
    const info = `${fragment({ publish_id: Number(job.publishId), publish_status: job.status, article_id: job.articleId })}<article_detail><count>${job.urls.length}</count>${items}</article_detail>`;
    return { ...event(base, 'PUBLISHJOBFINISH'), tail: `<PublishEventInfo>${info}</PublishEventInfo>` };
  },
};
