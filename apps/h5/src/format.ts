// How amounts, dates and codes are written on the pages.
import type { Fen } from '@zhanggui/shared';

/** 1230 → "¥12.30". */
export function formatFen(amount: Fen): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(Math.round(amount));
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "12.3" → 1230; null when the text is not an amount of yuan with at most two decimals. */
export function parseYuan(input: string): Fen | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(input.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** "VIP00001234" → "VIP0 0001 234" (codes are read aloud and typed in fours). */
export function groupsOfFour(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/** What the till accepts as typed: no spaces or dashes, upper case. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date (YYYY-MM-DD) is shown as it is; a timestamp as its local date. */
export function formatDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local "YYYY-MM-DD HH:mm". */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${formatDate(value)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Local "MM-DD HH:mm", for lists of recent things. */
export function formatShortDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Today as a local YYYY-MM-DD (the latest birthday a date input may take). */
export function todayLocal(): string {
  return formatDate(new Date().toISOString());
}
