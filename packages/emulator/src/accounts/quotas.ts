import { beijingDay } from '../core/clock.ts';

/**
 * Daily call quotas of a newly registered (non-test) account, wechat-protocol.md §5.2. Paths not listed
 * have no daily cap here. Over the quota: 45009 `reach max api daily quota limit`. Overridable per account.
 */
export const DAILY_QUOTAS: Readonly<Record<string, number>> = {
  '/cgi-bin/token': 2_000,
  '/cgi-bin/stable_token': 500_000,
  '/cgi-bin/menu/create': 1_000,
  '/cgi-bin/menu/get': 10_000,
  '/cgi-bin/menu/delete': 1_000,
  '/cgi-bin/menu/addconditional': 2_000,
  '/cgi-bin/menu/delconditional': 2_000,
  '/cgi-bin/menu/trymatch': 20_000,
  '/cgi-bin/tags/create': 1_000,
  '/cgi-bin/tags/get': 1_000,
  '/cgi-bin/tags/update': 1_000,
  '/cgi-bin/tags/members/batchtagging': 100_000,
  '/cgi-bin/tags/members/batchuntagging': 100_000,
  '/cgi-bin/media/upload': 100_000,
  '/cgi-bin/media/get': 200_000,
  '/cgi-bin/message/custom/send': 500_000,
  '/cgi-bin/message/mass/sendall': 100,
  '/cgi-bin/message/mass/send': 100,
  '/cgi-bin/media/uploadnews': 10,
  '/cgi-bin/message/mass/delete': 10,
  '/cgi-bin/qrcode/create': 100_000,
  '/cgi-bin/user/get': 500,
  '/cgi-bin/user/info': 5_000_000,
  '/cgi-bin/user/info/batchget': 5_000_000,
  '/cgi-bin/user/info/updateremark': 10_000,
  '/cgi-bin/message/template/send': 100_000,
  '/cgi-bin/ticket/getticket': 1_000_000,
  '/cgi-bin/draft/add': 1_000,
  '/cgi-bin/draft/get': 500,
  '/cgi-bin/draft/delete': 1_000,
  '/cgi-bin/draft/update': 1_000,
  '/cgi-bin/draft/count': 1_000,
  '/cgi-bin/draft/batchget': 1_000,
  '/cgi-bin/freepublish/submit': 100,
  '/cgi-bin/freepublish/get': 100,
  '/cgi-bin/freepublish/delete': 10,
  '/cgi-bin/freepublish/getarticle': 100,
  '/cgi-bin/freepublish/batchget': 100,
};

/** Sub-quotas that are not API paths of their own. */
export const SUB_QUOTAS: Readonly<Record<string, number>> = {
  // stable_token force_refresh: 20 a day (§4.1).
  'stable_token:force_refresh': 20,
  // Previews by WeChat id: 100 a day (§4.5).
  'mass/preview:towxname': 100,
};

/** Per-account call counters: all calls since the last reset, and today's admitted usage for quotas. */
export class UsageCounters {
  private readonly calls = new Map<string, number>();
  private readonly today = new Map<string, number>();
  private day = -1;

  /** Counts one call to `path` (every call the emulator can attribute to this account). */
  record(path: string): void {
    this.calls.set(path, (this.calls.get(path) ?? 0) + 1);
  }

  /** Takes one unit of today's quota for `key`; false when `limit` is already used up. */
  admit(key: string, limit: number | undefined, nowMs: number): boolean {
    this.rollDay(nowMs);
    const used = this.today.get(key) ?? 0;
    if (limit !== undefined && used >= limit) return false;
    this.today.set(key, used + 1);
    return true;
  }

  usedToday(key: string, nowMs: number): number {
    this.rollDay(nowMs);
    return this.today.get(key) ?? 0;
  }

  /** `clear_quota` (§4.1): today's usage back to zero; call counters are kept. */
  clearToday(key?: string): void {
    if (key) this.today.delete(key);
    else this.today.clear();
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.calls].sort(([a], [b]) => a.localeCompare(b)));
  }

  resetCalls(): void {
    this.calls.clear();
  }

  private rollDay(nowMs: number): void {
    const day = beijingDay(nowMs);
    if (day !== this.day) {
      this.day = day;
      this.today.clear();
    }
  }
}
