import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import type { AccountState } from '../accounts/account-state.ts';
import { EmulatorError } from '../core/emulator-error.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import { findButton } from '../menus/menu.store.ts';
import { entryForMessage, entryForReply, SYSTEM_NOTICE } from '../phone/phone.entries.ts';
import type { PhoneEntryInput } from '../phone/phone.store.ts';
import { inbound, type InboundPush } from '../push/inbound.builder.ts';
import type { DeliveryResult } from '../push/push.service.ts';
import { QrStore, type QrCode } from '../qrcodes/qrcode.store.ts';

export interface LocationInput {
  latitude: number;
  longitude: number;
  scale?: number;
  label?: string;
}

/** People's Square, Shanghai: the phone page's preset location. */
export const DEFAULT_LOCATION = { latitude: 31.230416, longitude: 121.473701, scale: 15, label: '上海市黄浦区人民广场' } as const;

/**
 * What a simulated fan can do. Each action updates the emulated state the way WeChat would (follow state,
 * customer-service windows, phone history), pushes the matching §2 XML to the callback and shows the
 * outcome on the fan's phone: the passive reply, or the system notice when the server failed (§1.9).
 */
export class FanActions {
  constructor(private readonly core: EmulatorCore) {}

  async follow(account: AccountState, fan: number, options: { sceneTicket?: string } = {}): Promise<DeliveryResult> {
    if (account.fans.isSubscribed(fan)) throw new EmulatorError('FAN_ALREADY_FOLLOWING', 'the fan already follows the account', 409);
    const code = options.sceneTicket ? this.qrOf(account, options.sceneTicket) : undefined;
    return this.subscribe(account, fan, code);
  }

  async unfollow(account: AccountState, fan: number): Promise<DeliveryResult> {
    this.requireFollowing(account, fan);
    account.fans.unsubscribe(fan);
    account.windows.close(fan);
    this.note(account, fan, { event: 'unsubscribe', text: '你已取消关注' });
    this.core.phoneHub.publish(account.appId, fan, { kind: 'state' });
    // After unfollowing a passive reply does nothing (§2.3), so neither a reply nor a notice is shown.
    return this.dispatch(account, fan, inbound.unsubscribe(this.core.pushBase(account, fan)), { reply: false, notice: false });
  }

  async sendText(account: AccountState, fan: number, content: string): Promise<DeliveryResult> {
    if (typeof content !== 'string' || content === '') throw new EmulatorError('CONTENT_INVALID', 'content must be a non-empty string');
    return this.userMessage(account, fan, { side: 'fan', source: 'fan', msgType: 'text', text: content }, (msgId) =>
      inbound.text(this.core.pushBase(account, fan), content, msgId),
    );
  }

  /** Sends a picture (PNG bytes, or a generated one); it becomes temporary media the server can fetch (§2.2). */
  async sendImage(account: AccountState, fan: number, options: { data?: Buffer; filename?: string } = {}): Promise<DeliveryResult> {
    this.requireFollowing(account, fan);
    const data = options.data ?? (await QRCode.toBuffer(`掌柜模拟器 · 粉丝图片 ${this.core.clock.now()}`, { width: 240, margin: 2 }));
    const media = account.media.addFromFan('image', { filename: options.filename ?? 'photo.png', contentType: 'image/png', data }, this.core.clock.now());
    const picUrl = this.core.mediaUrl(account, media.id);
    return this.userMessage(account, fan, { side: 'fan', source: 'fan', msgType: 'image', mediaId: media.id, url: picUrl, text: '[图片]' }, (msgId) =>
      inbound.image(this.core.pushBase(account, fan), picUrl, media.id, msgId),
    );
  }

  async sendLocation(account: AccountState, fan: number, input: LocationInput): Promise<DeliveryResult> {
    const loc = checkLocation(input);
    return this.userMessage(account, fan, { side: 'fan', source: 'fan', msgType: 'location', location: loc, text: loc.label }, (msgId) =>
      inbound.location(this.core.pushBase(account, fan), loc, msgId),
    );
  }

  /** The LOCATION event a client reports in the background; it opens no window and shows no notice. */
  async reportLocation(account: AccountState, fan: number, input: { latitude: number; longitude: number; precision?: number }): Promise<DeliveryResult> {
    this.requireFollowing(account, fan);
    const loc = checkLocation(input);
    const push = inbound.locationEvent(this.core.pushBase(account, fan), { latitude: loc.latitude, longitude: loc.longitude, precision: input.precision ?? 65 });
    return this.dispatch(account, fan, push, { reply: true, notice: false });
  }

  /**
   * Taps a menu button found by key (click, scancode_*, pic_*, location_select) or by name (media_id and
   * article buttons, which push nothing: WeChat sends the material itself). View buttons: `viewMenu`.
   */
  async clickMenu(account: AccountState, fan: number, keyOrName: string, options: { scanResult?: string } = {}): Promise<DeliveryResult> {
    this.requireFollowing(account, fan);
    const menu = account.menuFor(fan);
    const button = findButton(menu, (b) => b.key === keyOrName) ?? findButton(menu, (b) => b.name === keyOrName && b.type !== 'view' && b.type !== 'miniprogram');
    if (!button?.type) throw new EmulatorError('MENU_BUTTON_NOT_FOUND', `the fan's menu has no button with key or name ${JSON.stringify(keyOrName)}`, 404);
    const now = this.core.clock.now();
    const base = this.core.pushBase(account, fan);
    const key = button.key ?? '';
    this.note(account, fan, { event: button.type, eventKey: key, text: `点击菜单「${button.name}」` });
    switch (button.type) {
      case 'click':
        account.windows.openForEvent(fan, now);
        return this.dispatch(account, fan, inbound.click(base, key), { reply: true, notice: true });
      case 'scancode_push':
      case 'scancode_waitmsg':
        account.windows.openForEvent(fan, now);
        return this.dispatch(account, fan, inbound.scancode(base, button.type, key, 'qrcode', options.scanResult ?? 'https://weixin.qq.com/'), {
          reply: true,
          notice: true,
        });
      case 'pic_sysphoto':
      case 'pic_photo_or_album':
      case 'pic_weixin': {
        const md5 = createHash('md5').update(`${base.fromUserName}:${now}`).digest('hex');
        return this.dispatch(account, fan, inbound.pics(base, button.type, key, [md5]), { reply: true, notice: true });
      }
      case 'location_select':
        return this.dispatch(account, fan, inbound.locationSelect(base, key, { ...DEFAULT_LOCATION, poiname: '' }), { reply: true, notice: true });
      default:
        // media_id / view_limited / article_* buttons: no push; the client shows the material.
        this.core.addPhone(account, fan, entryForMessage('reply', { msgtype: 'text', text: { content: `[素材] ${button.name}` } }, (id) => this.core.mediaUrl(account, id)));
        return { outcome: 'no_reply', attempts: 0 };
    }
  }

  /** Opens a view (or miniprogram) button's link: a VIEW push with MenuId when a conditional menu is showing. */
  async viewMenu(account: AccountState, fan: number, url: string): Promise<DeliveryResult> {
    this.requireFollowing(account, fan);
    const menu = account.menuFor(fan);
    const button = findButton(menu, (b) => (b.type === 'view' || b.type === 'miniprogram') && (b.url === url || b.pagepath === url));
    if (!button) throw new EmulatorError('MENU_BUTTON_NOT_FOUND', `the fan's menu has no link ${JSON.stringify(url)}`, 404);
    this.note(account, fan, { event: 'VIEW', eventKey: url, text: `打开「${button.name}」: ${button.url ?? ''}`, url: button.url });
    const base = this.core.pushBase(account, fan);
    const push = button.type === 'miniprogram' ? inbound.viewMiniprogram(base, button.pagepath ?? '', menu?.menuid) : inbound.view(base, button.url ?? url, menu?.menuid);
    // The fan is on the web page now: no reply or notice is shown in the chat.
    return this.dispatch(account, fan, push, { reply: false, notice: false });
  }

  /** Scans a parametric QR code (ticket, code URL or showqrcode URL): follow with `qrscene_` or SCAN (§2.3). */
  async scanQr(account: AccountState, fan: number, ticketOrUrl: string): Promise<DeliveryResult> {
    const code = this.qrOf(account, ticketOrUrl);
    if (!account.fans.isSubscribed(fan)) return this.subscribe(account, fan, code);
    account.windows.openForEvent(fan, this.core.clock.now());
    this.note(account, fan, { event: 'SCAN', eventKey: QrStore.sceneValue(code), text: '扫描了带参数二维码' });
    const push = inbound.scan(this.core.pushBase(account, fan), QrStore.sceneValue(code), code.ticket);
    return this.dispatch(account, fan, push, { reply: true, notice: true });
  }

  private async subscribe(account: AccountState, fan: number, code?: QrCode): Promise<DeliveryResult> {
    const now = this.core.clock.now();
    account.fans.subscribe(fan, Math.floor(now / 1000), code ? 'ADD_SCENE_QR_CODE' : 'ADD_SCENE_SEARCH', code ? { sceneId: code.sceneId, sceneStr: code.sceneStr } : undefined);
    // A follow (and a parametric QR scan) opens a 1-minute window for 3 messages (§4.3).
    account.windows.openForEvent(fan, now);
    this.note(account, fan, { event: 'subscribe', eventKey: code ? `qrscene_${QrStore.sceneValue(code)}` : '', text: code ? '你扫码关注了公众号' : '你关注了公众号' });
    this.core.phoneHub.publish(account.appId, fan, { kind: 'state' });
    const push = inbound.subscribe(this.core.pushBase(account, fan), code ? { sceneValue: QrStore.sceneValue(code), ticket: code.ticket } : undefined);
    return this.dispatch(account, fan, push, { reply: true, notice: true });
  }

  private async userMessage(account: AccountState, fan: number, entry: PhoneEntryInput, build: (msgId: string) => InboundPush): Promise<DeliveryResult> {
    this.requireFollowing(account, fan);
    const msgId = this.core.msgIds.take();
    this.core.addPhone(account, fan, { ...entry, msgId });
    // A fan's message opens the 48-hour window with 5 messages (§4.3).
    account.windows.openForMessage(fan, this.core.clock.now());
    if (account.fans.isBlacklisted(fan)) {
      return { outcome: 'no_reply', attempts: 0, msgId, error: 'the fan is blacklisted: WeChat does not forward its messages' };
    }
    return this.dispatch(account, fan, build(msgId), { reply: true, notice: true });
  }

  private async dispatch(account: AccountState, fan: number, push: InboundPush, show: { reply: boolean; notice: boolean }): Promise<DeliveryResult> {
    const result = await this.core.push.deliver(account, push);
    if (result.outcome === 'replied' && result.reply && show.reply && account.fans.isSubscribed(fan)) {
      const entry = entryForReply(result.reply, (id) => this.core.mediaUrl(account, id));
      if (entry) this.core.addPhone(account, fan, entry);
    } else if (result.outcome === 'failed' && show.notice) {
      this.core.addPhone(account, fan, { side: 'system', source: 'notice', msgType: 'notice', text: SYSTEM_NOTICE });
    }
    return result;
  }

  private note(account: AccountState, fan: number, input: { event: string; eventKey?: string; text: string; url?: string }): void {
    this.core.addPhone(account, fan, { side: 'system', source: 'event', msgType: 'event', ...input });
  }

  private requireFollowing(account: AccountState, fan: number): void {
    if (!account.fans.isSubscribed(fan)) throw new EmulatorError('FAN_NOT_FOLLOWING', 'the fan does not follow the account; follow first', 409);
  }

  private qrOf(account: AccountState, input: string): QrCode {
    const ticket = /[?&]ticket=([^&#]+)/.exec(input)?.[1];
    const found = this.core.accounts.findQr(ticket ? decodeURIComponent(ticket) : input.trim(), this.core.clock.now());
    if (found === 'expired') throw new EmulatorError('QR_EXPIRED', '二维码已过期 (the temporary QR code has expired)', 409);
    if (!found) throw new EmulatorError('QR_NOT_FOUND', 'no such QR code ticket or URL', 404);
    if (found.account !== account) throw new EmulatorError('QR_OTHER_ACCOUNT', `that QR code belongs to account ${found.account.appId}`, 409);
    return found.code;
  }
}

function checkLocation(input: LocationInput): { latitude: number; longitude: number; scale: number; label: string } {
  const { latitude, longitude } = input ?? ({} as LocationInput);
  if (typeof latitude !== 'number' || typeof longitude !== 'number' || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    throw new EmulatorError('LOCATION_INVALID', 'latitude and longitude must be numbers in range');
  }
  return { latitude, longitude, scale: input.scale ?? DEFAULT_LOCATION.scale, label: input.label ?? DEFAULT_LOCATION.label };
}
