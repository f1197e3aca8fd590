/**
 * The emulator's clock. Everything that expires (tokens, windows, QR tickets, media, OAuth codes, quotas)
 * reads this clock, so tests can move time forward instead of waiting. Push timestamps use it too, so an
 * advanced clock also shows up in `timestamp`/`CreateTime` (a real server would see the same skew).
 */
export class Clock {
  private offsetMs = 0;

  /** Milliseconds since the epoch, emulated. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Unix seconds, emulated (WeChat's unit for timestamps and CreateTime). */
  seconds(): number {
    return Math.floor(this.now() / 1000);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** Day number in Beijing time: WeChat's daily quotas reset at 00:00 China Standard Time. */
export function beijingDay(ms: number): number {
  return Math.floor((ms + BEIJING_OFFSET_MS) / 86_400_000);
}

/** Calendar month number in Beijing time (year * 12 + month), for the 4-per-month mass-send rule. */
export function beijingMonth(ms: number): number {
  const date = new Date(ms + BEIJING_OFFSET_MS);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}
