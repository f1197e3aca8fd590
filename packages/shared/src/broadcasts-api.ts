/** Broadcasts (群发): what the console sends and gets back. */
import type { FanFilter } from './api.ts';

/** Material and news are ours (ids from the material library); the platform sends WeChat's media_id. */
export type BroadcastMessage =
  | { type: 'text'; content: string }
  | { type: 'image'; materialId: number }
  | { type: 'voice'; materialId: number }
  | { type: 'video'; materialId: number }
  | { type: 'news'; newsId: number };

/** All followers, one tag (our tag id), or a filter over our fan data. */
export type BroadcastTarget = { kind: 'all' } | { kind: 'tag'; tagId: number } | { kind: 'filter'; filter: Omit<FanFilter, 'subscribed' | 'q'> };

export interface BroadcastOptions {
  /** Fatigue control: skip fans who already received this many of our broadcasts in the last 30 days. */
  monthlyCap?: number | null;
  /** Quiet hours (account time zone, HH:MM): a send due inside them waits until they end. */
  quietHours?: { start: string; end: string } | null;
}

export interface BroadcastInput {
  title: string;
  message: BroadcastMessage;
  target: BroadcastTarget;
  /** Later (定时群发); absent: as soon as allowed. */
  scheduledAt?: string | null;
  options?: BroadcastOptions;
}

export type BroadcastStatus = 'pending_approval' | 'scheduled' | 'sending' | 'sent' | 'failed' | 'cancelled';

export interface BroadcastView {
  id: number;
  title: string;
  status: BroadcastStatus;
  message: BroadcastMessage;
  target: BroadcastTarget;
  /** How it goes out: sendall to everyone or a tag, or openid batches of up to 10,000. */
  mode: 'all' | 'tag' | 'list';
  options: BroadcastOptions;
  scheduledAt: string | null;
  /** Fans resolved when sending started (or estimated by WeChat's totals for sendall). */
  audience: number | null;
  /** Fans left out by the fatigue cap. */
  skipped: number;
  batches: { total: number; sent: number; failed: number };
  /** As WeChat reported in MASSSENDJOBFINISH, summed over the batches. */
  results: { total: number; filtered: number; sent: number; errors: number; reported: number };
  error: string | null;
  createdBy: number | null;
  approvedBy: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface AudienceEstimate {
  audience: number;
  /** Of those, over the fatigue cap. */
  skipped: number;
  mode: BroadcastView['mode'];
}

/** What the account may send (wechat-protocol.md §4.5) and what it has used. Days and months are Beijing time. */
export interface QuotaLedger {
  accountType: 'subscription' | 'service';
  verified: boolean;
  /** Unverified accounts have no mass API. */
  allowed: boolean;
  /** Sends that use the quota: any sendall on a subscription account; sends to all on a service account. */
  daily: { limit: number; used: number; left: number } | null;
  monthly: { limit: number; used: number; left: number } | null;
  /** Service accounts: WeChat delivers at most this many broadcasts per fan per calendar month. */
  perFanMonthly: number | null;
  /** Can a send go to a filter or an openid list (service accounts only)? */
  canSendToList: boolean;
  explanation: { zh: string; en: string };
}
