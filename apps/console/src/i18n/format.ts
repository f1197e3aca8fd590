// Dates, numbers and durations as operators read them. dayjs carries the current locale (set by i18n.tsx).
import dayjs from 'dayjs';
import type { Language } from './i18n.tsx';

/** 14:05 today, 11-20 14:05 this year, 2023-11-20 older. */
export function formatShortTime(at: string): string {
  const time = dayjs(at);
  const now = dayjs();
  if (time.isSame(now, 'day')) return time.format('HH:mm');
  if (time.isSame(now, 'year')) return time.format('MM-DD HH:mm');
  return time.format('YYYY-MM-DD');
}

export function formatDateTime(at: string | null | undefined): string {
  return at ? dayjs(at).format('YYYY-MM-DD HH:mm:ss') : '—';
}

export function formatRelative(at: string | null | undefined): string {
  return at ? dayjs(at).fromNow() : '—';
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language).format(value);
}

/** 47:59:12 or 04:31 — a countdown that reads the same in both languages. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}
