import type { ReplyWindow } from '@zhanggui/shared';
import type { MessageKey } from '../../i18n/i18n.tsx';

export interface WindowStatus {
  /** The composer may send. */
  open: boolean;
  /** ms until the window closes (null when closed or unknown). */
  msLeft: number | null;
  tone: 'ok' | 'soon' | 'closed';
  /** Why sending is not possible: the server's words, or one of ours. */
  reason: { text: string } | { key: MessageKey } | null;
}

const SOON_MS = 2 * 60 * 60 * 1000;

/** The server computes the window; the client only counts it down and notices when it runs out. */
export function windowStatus(window: ReplyWindow, now: number): WindowStatus {
  const closesAt = window.closesAt ? Date.parse(window.closesAt) : null;
  const msLeft = closesAt === null ? null : closesAt - now;
  if (window.blockedReason) return { open: false, msLeft: null, tone: 'closed', reason: { text: window.blockedReason } };
  if (window.state === 'closed') return { open: false, msLeft: null, tone: 'closed', reason: { key: 'inbox.window.closedReason' } };
  if (msLeft !== null && msLeft <= 0) return { open: false, msLeft: 0, tone: 'closed', reason: { key: 'inbox.window.expiredReason' } };
  if (window.remaining <= 0) return { open: false, msLeft, tone: 'closed', reason: { key: 'inbox.window.quotaReason' } };
  const tone = window.state === 'short' || (msLeft !== null && msLeft < SOON_MS) ? 'soon' : 'ok';
  return { open: true, msLeft, tone, reason: null };
}
