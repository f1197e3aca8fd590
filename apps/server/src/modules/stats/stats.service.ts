import type { AccountOverview } from '@zhanggui/shared';
import type { Database } from '../../platform/db/database.ts';

const FAN_COUNT_TTL_MS = 30_000;

/** Counts for the home page: daily counters kept by the webhook, fan and conversation totals. */
export class StatsService {
  // Counting a million fans costs a scan; the home page can be 30 s behind on the total.
  private readonly fanCounts = new Map<number, { at: number; total: number; subscribed: number }>();

  constructor(private readonly db: Database) {}

  async overview(accountId: number, timezone: string): Promise<AccountOverview> {
    const today = localDate(new Date(), timezone);
    const from = localDate(new Date(Date.now() - 13 * 86_400_000), timezone);
    const [days, conversations, fans] = await Promise.all([
      this.db.query<{ day: string; new_follows: number; unfollows: number; messages_in: number }>(
        'select day::text as day, new_follows, unfollows, messages_in from account_daily_stats where account_id = $1 and day between $2 and $3',
        [accountId, from, today],
      ),
      this.db.query<{ open: number; unanswered: number; unread: number }>(
        `select count(*) filter (where conversation_status = 'open')::int as open,
                count(*) filter (where conversation_status = 'open' and last_message_at > coalesce(last_replied_at, '-infinity'))::int as unanswered,
                coalesce(sum(unread_count), 0)::int as unread
           from fans where account_id = $1 and last_message_at is not null`,
        [accountId],
      ),
      this.fanTotals(accountId),
    ]);
    const byDay = new Map(days.map((d) => [d.day, d]));
    const daily = Array.from({ length: 14 }, (_, i) => {
      const date = localDate(new Date(Date.now() - (13 - i) * 86_400_000), timezone);
      const row = byDay.get(date);
      return { date, newFollows: row?.new_follows ?? 0, unfollows: row?.unfollows ?? 0, messages: row?.messages_in ?? 0 };
    });
    const todayRow = byDay.get(today);
    return {
      fans,
      today: { newFollows: todayRow?.new_follows ?? 0, unfollows: todayRow?.unfollows ?? 0, messages: todayRow?.messages_in ?? 0 },
      conversations: conversations[0] ?? { open: 0, unanswered: 0, unread: 0 },
      daily,
    };
  }

  private async fanTotals(accountId: number): Promise<{ total: number; subscribed: number }> {
    const cached = this.fanCounts.get(accountId);
    if (cached && Date.now() - cached.at < FAN_COUNT_TTL_MS) return { total: cached.total, subscribed: cached.subscribed };
    const [row] = await this.db.query<{ total: number; subscribed: number }>(
      'select count(*)::int as total, count(*) filter (where subscribed)::int as subscribed from fans where account_id = $1',
      [accountId],
    );
    const totals = row ?? { total: 0, subscribed: 0 };
    this.fanCounts.set(accountId, { at: Date.now(), ...totals });
    return totals;
  }

  /** Adds to today's counters outside the webhook (messages sent by operators). */
  async countOut(accountId: number, timezone: string, messages = 1): Promise<void> {
    await this.db.query(
      `insert into account_daily_stats (account_id, day, messages_out) values ($1, $2, $3)
       on conflict (account_id, day) do update set messages_out = account_daily_stats.messages_out + excluded.messages_out`,
      [accountId, localDate(new Date(), timezone), messages],
    );
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** YYYY-MM-DD of `date` in `timezone`. */
export function localDate(date: Date, timezone: string): string {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timezone, formatter);
  }
  return formatter.format(date);
}
