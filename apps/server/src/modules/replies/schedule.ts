import type { TimeWindow } from '@zhanggui/shared';

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** ISO weekday (1 = Monday) and minutes since midnight in `timezone`. */
export function localClock(now: Date, timezone: string): { weekday: number; minutes: number } {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timezone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(now).map((p) => [p.type, p.value]));
  return { weekday: WEEKDAYS[parts.weekday ?? 'Mon'] ?? 1, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * Whether a rule with these windows is active now. No windows: always. A window whose end is before its
 * start spans midnight and belongs to the day it starts (Friday 22:00–02:00 includes Saturday 01:00).
 */
export function isActive(windows: TimeWindow[], now: Date, timezone: string): boolean {
  if (windows.length === 0) return true;
  const { weekday, minutes } = localClock(now, timezone);
  const yesterday = weekday === 1 ? 7 : weekday - 1;
  return windows.some((w) => {
    const from = toMinutes(w.from);
    const to = toMinutes(w.to);
    if (from <= to) return w.days.includes(weekday) && minutes >= from && minutes < to;
    return (w.days.includes(weekday) && minutes >= from) || (w.days.includes(yesterday) && minutes < to);
  });
}
