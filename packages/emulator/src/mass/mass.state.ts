import { beijingMonth } from '../core/clock.ts';
import { NumericIdSequence } from '../core/ids.ts';
import type { PhoneEntry, PhoneEntryInput } from '../phone/phone.store.ts';

export type MassStatus = 'SENDING' | 'SEND_SUCCESS' | 'SEND_FAIL' | 'DELETE';

export interface MassJob {
  msgId: number;
  msgDataId?: number;
  kind: 'sendall' | 'send';
  msgtype: string;
  /** What each recipient's phone shows. */
  entry: PhoneEntryInput;
  status: MassStatus;
  isToAll: boolean;
  tagId?: number;
  clientMsgId: string;
  /** ms */
  createdAt: number;
  /** Phone sequence number of the delivery, so merged histories stay in order. */
  seq: number;
  /** Bitset over fan indices: who received it. */
  recipients: Uint8Array;
  totalCount: number;
  filterCount: number;
  sentCount: number;
  errorCount: number;
}

/** clientmsgid values are remembered for 24 h (§4.5). */
export const CLIENT_MSG_ID_TTL_MS = 86_400_000;
/** A service account's fan receives at most 4 mass messages per calendar month (§4.5). */
export const MONTHLY_PER_FAN = 4;

/** Mass-send jobs, dedup memory and per-fan delivery counters of one account (typed arrays: a million fans is cheap). */
export class MassState {
  readonly jobs = new Map<number, MassJob>();
  readonly msgIds = new NumericIdSequence(1_000_000_000);
  readonly dataIds = new NumericIdSequence(2_247_000_000);
  /** Times (ms) of sends that count against the sendall-to-all quotas. */
  readonly quotaSends: number[] = [];
  private readonly clientMsgIds = new Map<string, { msgId: number; at: number }>();
  private delivered = new Uint32Array(0);
  private monthCount = new Uint8Array(0);
  private monthKey = new Uint32Array(0);
  private totalDeliveries = 0;

  findClientMsgId(id: string, now: number): number | undefined {
    const hit = this.clientMsgIds.get(id);
    return hit && now - hit.at < CLIENT_MSG_ID_TTL_MS ? hit.msgId : undefined;
  }

  rememberClientMsgId(id: string, msgId: number, now: number): void {
    for (const [key, value] of this.clientMsgIds) if (now - value.at >= CLIENT_MSG_ID_TTL_MS) this.clientMsgIds.delete(key);
    this.clientMsgIds.set(id, { msgId, at: now });
  }

  /** Mass messages the fan got this calendar month (Beijing time). */
  monthly(fan: number, nowMs: number): number {
    return fan < this.monthKey.length && this.monthKey[fan] === beijingMonth(nowMs) ? this.monthCount[fan]! : 0;
  }

  recordDelivery(job: MassJob, fan: number, nowMs: number, countsForMonth: boolean): void {
    this.ensure(fan + 1);
    this.delivered[fan]! += 1;
    this.totalDeliveries += 1;
    job.recipients[fan >> 3]! |= 1 << (fan & 7);
    if (countsForMonth) {
      const month = beijingMonth(nowMs);
      if (this.monthKey[fan] !== month) {
        this.monthKey[fan] = month;
        this.monthCount[fan] = 0;
      }
      this.monthCount[fan]! += 1;
    }
  }

  /** Deliveries in total and distinct fans reached (a scan of a typed array: cheap even for a million fans). */
  deliveryCounts(): { total: number; recipients: number } {
    let recipients = 0;
    const delivered = this.delivered;
    for (let i = 0; i < delivered.length; i++) if (delivered[i]! > 0) recipients += 1;
    return { total: this.totalDeliveries, recipients };
  }

  /** How many mass messages each fan received (fans with none are left out). */
  perFan(): Map<number, number> {
    const perFan = new Map<number, number>();
    const delivered = this.delivered;
    for (let i = 0; i < delivered.length; i++) if (delivered[i]! > 0) perFan.set(i, delivered[i]!);
    return perFan;
  }

  /** The mass messages on one fan's phone. */
  entriesFor(fan: number): PhoneEntry[] {
    const out: PhoneEntry[] = [];
    for (const job of this.jobs.values()) {
      if (fan >> 3 < job.recipients.length && job.recipients[fan >> 3]! & (1 << (fan & 7))) {
        out.push({ ...job.entry, seq: job.seq, at: job.createdAt, msgId: String(job.msgId), deleted: job.status === 'DELETE' || undefined });
      }
    }
    return out;
  }

  /** Whether a fan got a given job (SSE pushes to open phone pages). */
  received(job: MassJob, fan: number): boolean {
    return fan >> 3 < job.recipients.length && (job.recipients[fan >> 3]! & (1 << (fan & 7))) !== 0;
  }

  private ensure(size: number): void {
    if (size <= this.delivered.length) return;
    const capacity = Math.max(size, this.delivered.length * 2, 1024);
    const delivered = new Uint32Array(capacity);
    delivered.set(this.delivered);
    const monthCount = new Uint8Array(capacity);
    monthCount.set(this.monthCount);
    const monthKey = new Uint32Array(capacity);
    monthKey.set(this.monthKey);
    this.delivered = delivered;
    this.monthCount = monthCount;
    this.monthKey = monthKey;
  }
}
