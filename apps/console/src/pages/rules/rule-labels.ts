import type { InboundMessageType, MatchType, RuleTrigger, TimeWindow } from '@zhanggui/shared';
import type { MessageKey, Translate } from '../../i18n/i18n.tsx';

export const TRIGGERS: RuleTrigger[] = ['keyword', 'subscribe', 'default', 'message_type'];
export const MATCH_TYPES: MatchType[] = ['exact', 'contains', 'prefix', 'suffix', 'regex'];
export const INBOUND_TYPES: InboundMessageType[] = ['image', 'voice', 'video', 'shortvideo', 'location', 'link'];
/** ISO weekdays, Monday first as in China. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const DAY_KEYS: Record<number, MessageKey> = {
  1: 'schedule.day.1',
  2: 'schedule.day.2',
  3: 'schedule.day.3',
  4: 'schedule.day.4',
  5: 'schedule.day.5',
  6: 'schedule.day.6',
  7: 'schedule.day.7',
};

/** 周一 / Mon. */
export function dayLabel(day: number, t: Translate): string {
  const key = DAY_KEYS[day];
  return key ? t(key) : String(day);
}

/** Consecutive days as runs: [1,2,3,5] → [[1,3],[5,5]]. */
function runs(days: number[]): Array<[number, number]> {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const result: Array<[number, number]> = [];
  for (const day of sorted) {
    const last = result[result.length - 1];
    if (last && day === last[1] + 1) last[1] = day;
    else result.push([day, day]);
  }
  return result;
}

/** 周一至周五, 周一、周三, 每天. */
export function weekdaysText(days: number[], t: Translate): string {
  if (days.length === 0 || new Set(days).size === 7) return t('schedule.everyDay');
  return runs(days)
    .map(([from, to]) => {
      if (from === to) return dayLabel(from, t);
      if (to === from + 1) return `${dayLabel(from, t)}${t('schedule.listSeparator')}${dayLabel(to, t)}`;
      return t('schedule.range', { from: dayLabel(from, t), to: dayLabel(to, t) });
    })
    .join(t('schedule.listSeparator'));
}

/** "始终" or "周一至周五 09:00–18:00；周六 10:00–16:00". A window whose end is before its start runs past midnight. */
export function scheduleSummary(schedule: TimeWindow[], t: Translate): string {
  if (schedule.length === 0) return t('schedule.always');
  return schedule
    .map((window) => {
      const overnight = window.to < window.from ? t('schedule.nextDay') : '';
      return `${weekdaysText(window.days, t)} ${window.from}–${overnight}${window.to}`;
    })
    .join(t('schedule.windowSeparator'));
}
