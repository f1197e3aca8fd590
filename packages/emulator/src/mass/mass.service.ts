import { createHash } from 'node:crypto';
import type { AccountState } from '../accounts/account-state.ts';
import { beijingDay, beijingMonth } from '../core/clock.ts';
import { WxError } from '../core/wx-error.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import type { Json } from '../http/api-route.ts';
import { entryForMessage } from '../phone/phone.entries.ts';
import type { PhoneEntryInput } from '../phone/phone.store.ts';
import { inbound } from '../push/inbound.builder.ts';
import { MONTHLY_PER_FAN, type MassJob } from './mass.state.ts';

export const MASS_TYPES = ['mpnews', 'text', 'voice', 'image', 'mpvideo', 'wxcard'];
export const SEND_MIN = 2;
export const SEND_MAX = 10_000;
const CLIENT_MSG_ID_MAX_BYTES = 64;
/** Fans delivered per event-loop turn, so a million-fan send does not freeze the emulator. */
const DELIVERY_CHUNK = 50_000;
/** How long after the job ends the MASSSENDJOBFINISH push goes out. */
const JOB_FINISH_DELAY_MS = 10;

const obj = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});

interface Target {
  kind: 'sendall' | 'send';
  isToAll: boolean;
  tagId?: number;
  fans: () => Iterable<number>;
  totalCount: number;
  scope: string;
}

/**
 * Mass sends (§4.5): validation, clientmsgid dedup (24 h), the per-account-type quotas, and asynchronous
 * delivery to each fan's phone followed by a MASSSENDJOBFINISH push to the callback.
 */
export class MassService {
  constructor(private readonly core: EmulatorCore) {}

  sendAll(account: AccountState, body: Json): Json {
    const filter = obj(body.filter);
    const isToAll = filter.is_to_all === true;
    let tagId: number | undefined;
    if (!isToAll) {
      tagId = Number(filter.tag_id);
      if (!account.tags.has(tagId)) throw new WxError(40050);
    }
    const fans = account.fans;
    const target: Target = isToAll
      ? { kind: 'sendall', isToAll, fans: () => subscribedFans(account), totalCount: fans.subscribedCount, scope: 'all' }
      : (() => {
          const members = account.tags.membersOf(tagId!).filter((fan) => fans.isSubscribed(fan));
          return { kind: 'sendall' as const, isToAll, tagId, fans: () => members, totalCount: members.length, scope: `tag:${tagId}` };
        })();
    return this.submit(account, body, target);
  }

  sendToList(account: AccountState, body: Json): Json {
    const list = body.touser;
    if (!Array.isArray(list) || list.length < SEND_MIN) throw new WxError(40130);
    if (list.length > SEND_MAX) throw new WxError(40032);
    const indices = [...new Set(list.map((openid) => this.core.accounts.fanIndex(account, openid)))];
    return this.submit(account, body, { kind: 'send', isToAll: false, fans: () => indices, totalCount: indices.length, scope: `list:${[...indices].sort((a, b) => a - b).join(',')}` });
  }

  /** preview: to one follower (touser) or a WeChat id (towxname wins, 100 a day). No quota, no job-finish push. */
  preview(account: AccountState, body: Json): Json {
    const { entry } = this.content(account, body);
    let fan: number;
    if (body.towxname !== undefined) {
      if (!account.usage.admit('mass/preview:towxname', account.quotaFor('mass/preview:towxname'), this.core.clock.now())) throw new WxError(45009);
      // Emulated fans have no WeChat ids: a towxname must be one of the account's openids.
      fan = account.fans.indexOf(body.towxname);
      if (fan < 0) throw new WxError(40132);
    } else {
      fan = this.core.accounts.fanIndex(account, body.touser);
    }
    if (!account.fans.isSubscribed(fan)) throw new WxError(43004);
    const msgId = account.mass.msgIds.take();
    this.core.addPhone(account, fan, { ...entry, source: 'preview', msgId: String(msgId) });
    return { errcode: 0, errmsg: 'preview success', msg_id: msgId };
  }

  status(account: AccountState, body: Json): Json {
    const job = account.mass.jobs.get(Number(body.msg_id));
    if (!job) throw new WxError(40059);
    return { msg_id: job.msgId, msg_status: job.status };
  }

  /** delete: only successful mpnews/mpvideo sends (§4.5); the article is voided on phones. */
  delete(account: AccountState, body: Json): void {
    const job = account.mass.jobs.get(Number(body.msg_id));
    if (!job || job.status !== 'SEND_SUCCESS' || (job.msgtype !== 'mpnews' && job.msgtype !== 'mpvideo')) throw new WxError(40059);
    job.status = 'DELETE';
  }

  private submit(account: AccountState, body: Json, target: Target): Json {
    const now = this.core.clock.now();
    const { msgtype, entry, contentKey } = this.content(account, body);

    // clientmsgid: ≤64 bytes (45067); when absent WeChat derives one from the scope and the content, so an
    // identical send within 24 h is refused too (45065, with the existing msg_id).
    let clientMsgId = body.clientmsgid;
    if (clientMsgId !== undefined && typeof clientMsgId !== 'string') throw new WxError(47003, 'argument invalid! clientmsgid');
    if (typeof clientMsgId === 'string' && Buffer.byteLength(clientMsgId, 'utf8') > CLIENT_MSG_ID_MAX_BYTES) throw new WxError(45067);
    clientMsgId ??= `auto:${createHash('sha1').update(`${target.scope}\n${contentKey}`).digest('hex')}`;
    const existing = account.mass.findClientMsgId(clientMsgId as string, now);
    if (existing !== undefined) throw new WxError(45065, undefined, { msg_id: existing });

    this.checkQuota(account, target, now);
    const msgId = account.mass.msgIds.take();
    const job: MassJob = {
      msgId,
      msgDataId: msgtype === 'mpnews' || msgtype === 'image' ? account.mass.dataIds.take() : undefined,
      kind: target.kind,
      msgtype,
      entry,
      status: 'SENDING',
      isToAll: target.isToAll,
      tagId: target.tagId,
      clientMsgId: clientMsgId as string,
      createdAt: now,
      seq: this.core.phoneHub.nextSeq(),
      recipients: new Uint8Array(Math.ceil(account.fans.count / 8)),
      totalCount: target.totalCount,
      filterCount: 0,
      sentCount: 0,
      errorCount: 0,
    };
    account.mass.jobs.set(msgId, job);
    // A draft that is mass-sent leaves the draft box (§4.11).
    const mediaId = msgtype === 'mpnews' ? obj(body.mpnews).media_id : undefined;
    if (typeof mediaId === 'string' && account.drafts.drafts.has(mediaId)) account.drafts.take(mediaId);
    account.mass.rememberClientMsgId(job.clientMsgId, msgId, now);
    this.core.tasks.spawn(() => this.deliver(account, job, target));
    const response: Json = { errcode: 0, errmsg: 'send job submission success', msg_id: msgId };
    if (job.msgDataId !== undefined) response.msg_data_id = job.msgDataId;
    return response;
  }

  /**
   * Quotas of §4.5. Verified subscription: one sendall a day (any filter). Verified service: is_to_all
   * once a day and 4 times a month; tag and openid sends are not limited here (fans are capped instead).
   */
  private checkQuota(account: AccountState, target: Target, now: number): void {
    const sends = account.mass.quotaSends;
    const today = sends.filter((at) => beijingDay(at) === beijingDay(now)).length;
    const month = sends.filter((at) => beijingMonth(at) === beijingMonth(now)).length;
    if (account.config.type === 'subscription') {
      if (today >= 1) throw new WxError(45028);
      sends.push(now);
    } else if (target.isToAll) {
      if (today >= 1 || month >= 4) throw new WxError(45028);
      sends.push(now);
    }
  }

  private async deliver(account: AccountState, job: MassJob, target: Target): Promise<void> {
    const fans = account.fans;
    // Service-account fans receive at most 4 mass messages a calendar month; the rest are filtered (§4.5).
    const monthlyCap = account.config.type === 'service';
    let processed = 0;
    for (const fan of target.fans()) {
      const now = this.core.clock.now();
      if (fans.isSubscribed(fan) && !fans.isBlacklisted(fan) && !(monthlyCap && account.mass.monthly(fan, now) >= MONTHLY_PER_FAN)) {
        account.mass.recordDelivery(job, fan, now, monthlyCap);
        job.sentCount += 1;
      }
      if (++processed % DELIVERY_CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    job.filterCount = job.sentCount + job.errorCount;
    job.status = 'SEND_SUCCESS';
    for (const fan of this.core.phoneHub.watchedFans(account.appId)) {
      if (account.mass.received(job, fan)) {
        this.core.phoneHub.publish(account.appId, fan, { kind: 'entry', entry: { ...job.entry, seq: job.seq, at: job.createdAt, msgId: String(job.msgId) } });
      }
    }
    this.core.changed();
    await new Promise((resolve) => setTimeout(resolve, JOB_FINISH_DELAY_MS));
    const base = { toUserName: account.config.originalId, fromUserName: this.core.systemOpenid(account), createTime: this.core.clock.seconds() };
    await this.core.push.deliver(account, inbound.massJobFinish(base, { ...job, status: 'send success' }));
  }

  /** Validates the message part (§4.5 table) and builds what phones show. */
  private content(account: AccountState, body: Json): { msgtype: string; entry: PhoneEntryInput; contentKey: string } {
    const msgtype = body.msgtype;
    if (typeof msgtype !== 'string' || !MASS_TYPES.includes(msgtype)) throw new WxError(40008);
    const now = this.core.clock.now();
    const media = (id: unknown, types: Array<'image' | 'voice' | 'news' | 'mpvideo' | 'video'>) => {
      if (!account.media.usable(id, now, types)) throw new WxError(40007);
    };
    const part = obj(body[msgtype]);
    switch (msgtype) {
      case 'text':
        if (typeof part.content !== 'string' || part.content === '') throw new WxError(44004);
        break;
      case 'mpnews':
        // A draft (§4.11) or a legacy uploadnews media_id.
        if (!(typeof part.media_id === 'string' && account.drafts.drafts.has(part.media_id))) media(part.media_id, ['news']);
        break;
      case 'voice':
        media(part.media_id, ['voice']);
        break;
      case 'mpvideo':
        media(part.media_id, ['mpvideo', 'video']);
        break;
      case 'image': {
        const ids = Array.isArray(obj(body.images).media_ids) ? (obj(body.images).media_ids as unknown[]) : [part.media_id];
        if (ids.length === 0) throw new WxError(40007);
        for (const id of ids) media(id, ['image']);
        break;
      }
      case 'wxcard':
        if (typeof part.card_id !== 'string' || part.card_id === '') throw new WxError(47003, 'argument invalid! card_id');
        break;
    }
    const newsOf = (id: string) =>
      (account.drafts.drafts.get(id)?.articles ?? account.media.usable(id, now, ['news'])?.articles)?.map((a) => ({
        title: a.title,
        description: a.digest,
        url: a.content_source_url,
      }));
    const entry = entryForMessage('mass', body, (id) => this.core.mediaUrl(account, id), newsOf);
    return { msgtype, entry, contentKey: `${msgtype}:${JSON.stringify(body[msgtype] ?? body.images ?? null)}` };
  }
}

function* subscribedFans(account: AccountState): Generator<number> {
  const fans = account.fans;
  for (let i = 0; i < fans.count; i++) if (fans.isSubscribed(i)) yield i;
}
