import { WxError } from '../core/wx-error.ts';

/**
 * Customer-service sending windows (§4.3, current docs): a fan's message opens 48 h with 5 messages; a
 * follow, a click/scancode menu event or a parametric QR scan opens 1 minute with 3. Each kind of action
 * gives its own quota, and a newer action of the same kind replaces the older window.
 */
export const MESSAGE_WINDOW = { ms: 48 * 3600_000, quota: 5 } as const;
export const EVENT_WINDOW = { ms: 60_000, quota: 3 } as const;

interface Window {
  until: number;
  left: number;
}

export class CsWindows {
  private readonly byFan = new Map<number, { message?: Window; event?: Window }>();

  openForMessage(fan: number, now: number): void {
    this.slot(fan).message = { until: now + MESSAGE_WINDOW.ms, left: MESSAGE_WINDOW.quota };
  }

  openForEvent(fan: number, now: number): void {
    this.slot(fan).event = { until: now + EVENT_WINDOW.ms, left: EVENT_WINDOW.quota };
  }

  /** Unfollowing ends every window. */
  close(fan: number): void {
    this.byFan.delete(fan);
  }

  /** Throws 45015 when no window is open, 45047 when the open ones are used up. */
  check(fan: number, now: number): void {
    this.pick(fan, now);
  }

  /** Uses one message of the window that closes first. */
  consume(fan: number, now: number): void {
    this.pick(fan, now).left -= 1;
  }

  /** For the phone page and tests: what is left right now. */
  describe(fan: number, now: number): { message: { until: number; left: number } | null; event: { until: number; left: number } | null } {
    const slot = this.byFan.get(fan);
    const live = (w?: Window) => (w && w.until > now ? { ...w } : null);
    return { message: live(slot?.message), event: live(slot?.event) };
  }

  private pick(fan: number, now: number): Window {
    const slot = this.byFan.get(fan);
    const open = [slot?.event, slot?.message].filter((w): w is Window => !!w && w.until > now);
    if (open.length === 0) throw new WxError(45015);
    const usable = open.filter((w) => w.left > 0).sort((a, b) => a.until - b.until);
    if (usable.length === 0) throw new WxError(45047);
    return usable[0]!;
  }

  private slot(fan: number): { message?: Window; event?: Window } {
    let slot = this.byFan.get(fan);
    if (!slot) {
      slot = {};
      this.byFan.set(fan, slot);
    }
    return slot;
  }
}
