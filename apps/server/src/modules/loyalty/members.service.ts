import type { CardIssuedVia, CheckinResult, LoyaltyMemberView, Page, PointsEntry, PointsReason, ProfileInput, ProgramInput, ProgramView } from '@zhanggui/shared';
import type { Database, Sql } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import { decodeCursor, encodeCursor, likePattern } from '../inbox/cursor.ts';
import { ACCOUNT_CHANGED } from '../accounts/accounts.service.ts';
import { localDate } from '../stats/stats.service.ts';
import { imageType } from '../qrcodes/qr-images.ts';
import { programInput } from './loyalty.schema.ts';

export const DEFAULT_PROGRAM: ProgramInput = {
  enabled: false,
  cardName: '会员卡',
  color: '#2F3B52',
  memberNoPrefix: '',
  memberNoDigits: 8,
  notice: '',
  levels: [{ name: '普通会员', threshold: 0, payPercent: null, benefits: '' }],
  points: { checkin: 5, streak: [{ days: 7, points: 20 }], perYuan: 1, welcome: 0 },
  cardKeyword: '会员卡',
  checkinKeyword: '签到',
};

interface ProgramRow {
  account_id: number;
  enabled: boolean;
  card_name: string;
  color: string;
  member_no_prefix: string;
  member_no_digits: number;
  notice: string;
  points: ProgramInput['points'];
  card_keyword: string;
  checkin_keyword: string;
  logo_version: number;
  has_logo: boolean;
  updated_at: Date;
}

export interface LevelRow {
  id: number;
  name: string;
  threshold: number;
  pay_percent: number | null;
  benefits: string;
}

export interface MemberRow {
  id: number;
  account_id: number;
  openid: string;
  member_no: string;
  level_id: number | null;
  points: number;
  points_earned: number;
  name: string | null;
  phone: string | null;
  gender: 'male' | 'female' | null;
  birthday: string | null;
  region: string | null;
  issued_via: CardIssuedVia;
  issued_at: Date;
  last_checkin_on: string | null;
  streak: number;
}

/** A programme as the server uses it (what the fan pages and the reply brain need). */
export interface Program extends ProgramInput {
  accountId: number;
  levels: Array<ProgramInput['levels'][number] & { id: number }>;
  logoUrl: string | null;
  updatedAt: Date | null;
}

const MEMBER_COLUMNS = 'm.id, m.account_id, m.openid, m.member_no, m.level_id, m.points, m.points_earned, m.name, m.phone, m.gender, m.birthday::text as birthday, m.region, m.issued_via, m.issued_at, m.last_checkin_on::text as last_checkin_on, m.streak';

/** The level a lifetime total earns: the highest threshold reached. */
const LEVEL_FOR = (earned: string) => `(select l.id from member_levels l where l.account_id = m.account_id and l.threshold <= ${earned} order by l.threshold desc limit 1)`;

/**
 * Membership cards and points: the programme, issuing cards (once per fan), the append-only points ledger
 * (balance never below zero), daily check-in and points for orders.
 */
export class MembersService {
  constructor(
    private readonly db: Database,
    private readonly accounts: AccountsService,
    private readonly publicUrl: string,
  ) {}

  centreUrl(accountId: number): string {
    return `${this.publicUrl}/h5/${accountId}/member`;
  }

  async program(accountId: number): Promise<Program | null> {
    const [row] = await this.db.query<ProgramRow>(
      'select account_id, enabled, card_name, color, member_no_prefix, member_no_digits, notice, points, card_keyword, checkin_keyword, logo_version, logo is not null as has_logo, updated_at from loyalty_programs where account_id = $1',
      [accountId],
    );
    if (!row) return null;
    const levels = await this.levels(this.db, accountId);
    return {
      accountId,
      enabled: row.enabled,
      cardName: row.card_name,
      color: row.color,
      memberNoPrefix: row.member_no_prefix,
      memberNoDigits: row.member_no_digits,
      notice: row.notice,
      levels: levels.map((l) => ({ id: l.id, name: l.name, threshold: l.threshold, payPercent: l.pay_percent, benefits: l.benefits })),
      points: row.points,
      cardKeyword: row.card_keyword,
      checkinKeyword: row.checkin_keyword,
      logoUrl: row.has_logo ? `/h5/api/${accountId}/logo?v=${row.logo_version}` : null,
      updatedAt: row.updated_at,
    };
  }

  /** The programme when it is switched on, or null. */
  async activeProgram(accountId: number): Promise<Program | null> {
    const program = await this.program(accountId);
    return program?.enabled ? program : null;
  }

  async programView(accountId: number): Promise<ProgramView> {
    const program = await this.program(accountId);
    const counts = await this.db.query<{ level_id: number | null; n: number }>('select level_id, count(*)::int as n from members where account_id = $1 group by level_id', [accountId]);
    const byLevel = new Map(counts.map((c) => [c.level_id, c.n]));
    const base = program ?? { ...DEFAULT_PROGRAM, levels: [], logoUrl: null, updatedAt: null };
    return {
      enabled: base.enabled,
      cardName: base.cardName,
      color: base.color,
      memberNoPrefix: base.memberNoPrefix,
      memberNoDigits: base.memberNoDigits,
      notice: base.notice,
      levels: program ? program.levels.map((l) => ({ ...l, members: byLevel.get(l.id) ?? 0 })) : DEFAULT_PROGRAM.levels.map((l) => ({ ...l, id: 0, members: 0 })),
      points: base.points,
      cardKeyword: base.cardKeyword,
      checkinKeyword: base.checkinKeyword,
      logoUrl: base.logoUrl,
      memberCount: counts.reduce((sum, c) => sum + c.n, 0),
      centreUrl: this.centreUrl(accountId),
      updatedAt: base.updatedAt?.toISOString() ?? null,
    };
  }

  /**
   * Saves the programme. Levels keep their ids (members stay on them); removed levels are deleted (their
   * members are placed again); every member's level is recomputed against the new thresholds.
   */
  async saveProgram(accountId: number, raw: unknown): Promise<ProgramView> {
    const input = programInput.parse(raw);
    await this.db.transaction(async (tx) => {
      await tx.query(
        `insert into loyalty_programs (account_id, enabled, card_name, color, member_no_prefix, member_no_digits, notice, points, card_keyword, checkin_keyword)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         on conflict (account_id) do update set enabled = excluded.enabled, card_name = excluded.card_name, color = excluded.color,
           member_no_prefix = excluded.member_no_prefix, member_no_digits = excluded.member_no_digits, notice = excluded.notice,
           points = excluded.points, card_keyword = excluded.card_keyword, checkin_keyword = excluded.checkin_keyword, updated_at = now()`,
        [accountId, input.enabled, input.cardName, input.color, input.memberNoPrefix, input.memberNoDigits, input.notice, JSON.stringify(input.points), input.cardKeyword, input.checkinKeyword],
      );
      const existing = new Set((await this.levels(tx, accountId)).map((l) => l.id));
      const kept = input.levels.filter((l) => l.id !== undefined && existing.has(l.id)).map((l) => l.id!);
      await tx.query('delete from member_levels where account_id = $1 and not (id = any($2::int[]))', [accountId, kept]);
      for (const level of input.levels) {
        if (level.id !== undefined && existing.has(level.id)) {
          await tx.query('update member_levels set name = $3, threshold = $4, pay_percent = $5, benefits = $6 where account_id = $1 and id = $2', [accountId, level.id, level.name, level.threshold, level.payPercent, level.benefits]);
        } else {
          await tx.query('insert into member_levels (account_id, name, threshold, pay_percent, benefits) values ($1, $2, $3, $4, $5)', [accountId, level.name, level.threshold, level.payPercent, level.benefits]);
        }
      }
      await tx.query(`update members m set level_id = ${LEVEL_FOR('m.points_earned')} where m.account_id = $1 and m.level_id is distinct from ${LEVEL_FOR('m.points_earned')}`, [accountId]);
    });
    // The reply brain answers the card and check-in keywords.
    await this.db.notify(ACCOUNT_CHANGED, String(accountId));
    return this.programView(accountId);
  }

  async setLogo(accountId: number, data: Buffer | null): Promise<ProgramView> {
    if (!(await this.program(accountId))) await this.saveProgram(accountId, DEFAULT_PROGRAM);
    if (data) {
      const type = imageType(data);
      if (!type || data.length > 1024 * 1024) throw new AppError('LOGO_INVALID');
      await this.db.query('update loyalty_programs set logo = $2, logo_type = $3, logo_version = logo_version + 1, updated_at = now() where account_id = $1', [accountId, data, type]);
    } else {
      await this.db.query('update loyalty_programs set logo = null, logo_type = null, logo_version = logo_version + 1, updated_at = now() where account_id = $1', [accountId]);
    }
    return this.programView(accountId);
  }

  async logo(accountId: number): Promise<{ data: Buffer; type: string } | null> {
    const [row] = await this.db.query<{ logo: Buffer | Uint8Array | null; logo_type: string | null }>('select logo, logo_type from loyalty_programs where account_id = $1', [accountId]);
    return row?.logo && row.logo_type ? { data: Buffer.from(row.logo), type: row.logo_type } : null;
  }

  async levels(sql: Sql, accountId: number): Promise<LevelRow[]> {
    return sql.query<LevelRow>('select id, name, threshold, pay_percent, benefits from member_levels where account_id = $1 order by threshold', [accountId]);
  }

  /** Whether the fan follows the account now (fan pages also open for fans who do not). */
  async subscribed(accountId: number, openid: string): Promise<boolean> {
    const [row] = await this.db.query<{ subscribed: boolean }>('select subscribed from fans where account_id = $1 and openid = $2', [accountId, openid]);
    return row?.subscribed ?? false;
  }

  async memberByOpenid(accountId: number, openid: string): Promise<MemberRow | null> {
    const [row] = await this.db.query<MemberRow>(`select ${MEMBER_COLUMNS} from members m where m.account_id = $1 and m.openid = $2`, [accountId, openid]);
    return row ?? null;
  }

  async member(accountId: number, memberId: number): Promise<MemberRow> {
    const [row] = await this.db.query<MemberRow>(`select ${MEMBER_COLUMNS} from members m where m.account_id = $1 and m.id = $2`, [accountId, memberId]);
    if (!row) throw new AppError('MEMBER_NOT_FOUND');
    return row;
  }

  async memberByNo(accountId: number, memberNo: string): Promise<MemberRow> {
    const [row] = await this.db.query<MemberRow>(`select ${MEMBER_COLUMNS} from members m where m.account_id = $1 and m.member_no = $2`, [accountId, memberNo.replace(/\s/g, '').toUpperCase()]);
    if (!row) throw new AppError('MEMBER_NOT_FOUND');
    return row;
  }

  /**
   * Issues the fan's card, or returns the one they have: concurrent issuances for one fan give one card.
   * The programme row is locked first, so member numbers are handed out in order and never twice.
   */
  async issueCard(accountId: number, openid: string, via: CardIssuedVia): Promise<{ member: MemberRow; created: boolean }> {
    const existing = await this.memberByOpenid(accountId, openid);
    if (existing) return { member: existing, created: false };
    const result = await this.db.transaction(async (tx) => {
      const [program] = await tx.query<{ enabled: boolean; member_no_prefix: string; member_no_digits: number; next_member_seq: number; points: ProgramInput['points'] }>(
        'select enabled, member_no_prefix, member_no_digits, next_member_seq, points from loyalty_programs where account_id = $1 for update',
        [accountId],
      );
      if (!program?.enabled) throw new AppError('PROGRAM_NOT_ENABLED');
      const [again] = await tx.query<MemberRow>(`select ${MEMBER_COLUMNS} from members m where m.account_id = $1 and m.openid = $2`, [accountId, openid]);
      if (again) return { member: again, created: false, welcome: 0 };
      const memberNo = `${program.member_no_prefix}${String(program.next_member_seq).padStart(program.member_no_digits, '0')}`;
      await tx.query('update loyalty_programs set next_member_seq = next_member_seq + 1 where account_id = $1', [accountId]);
      const [row] = await tx.query<{ id: number }>(
        `insert into members (account_id, openid, member_no, issued_via, level_id)
         values ($1, $2, $3, $4, (select id from member_levels where account_id = $1 order by threshold limit 1)) returning id`,
        [accountId, openid, memberNo, via],
      );
      if (program.points.welcome > 0) await this.change(tx, accountId, row!.id, program.points.welcome, 'welcome', '开卡礼', { ref: 'welcome' });
      const [member] = await tx.query<MemberRow>(`select ${MEMBER_COLUMNS} from members m where m.id = $1`, [row!.id]);
      return { member: member!, created: true };
    });
    return { member: result.member, created: result.created };
  }

  async updateProfile(accountId: number, openid: string, profile: ProfileInput): Promise<MemberRow> {
    const rows = await this.db.query<MemberRow>(
      `update members m set name = $3, phone = $4, gender = $5, birthday = $6, region = $7, updated_at = now()
       where m.account_id = $1 and m.openid = $2 returning ${MEMBER_COLUMNS}`,
      [accountId, openid, profile.name, profile.phone, profile.gender, profile.birthday, profile.region],
    );
    if (!rows[0]) throw new AppError('MEMBER_REQUIRED');
    return rows[0];
  }

  /**
   * One ledger entry and the balance with it, in one statement: the guarded UPDATE refuses to go below
   * zero (POINTS_INSUFFICIENT); a ref seen before for the member refuses the entry (returns null).
   * Positive entries (other than refunds of spent points) count towards the level.
   */
  async change(
    sql: Sql,
    accountId: number,
    memberId: number,
    delta: number,
    reason: PointsReason,
    note: string,
    options: { ref?: string; operatorId?: number | null } = {},
  ): Promise<PointsEntry | null> {
    const earned = delta > 0 && reason !== 'refund' ? delta : 0;
    if (options.ref) {
      const [seen] = await sql.query('select 1 from points_ledger where member_id = $1 and ref = $2', [memberId, options.ref]);
      if (seen) return null;
    }
    const rows = await sql.query<{ id: number; delta: number; balance: number; reason: PointsReason; note: string; operator_id: number | null; created_at: Date }>(
      `with m as (
         update members m set points = m.points + $3, points_earned = m.points_earned + $4,
           level_id = coalesce(${LEVEL_FOR('m.points_earned + $4')}, m.level_id), updated_at = now()
         where m.id = $2 and m.account_id = $1 and m.points + $3 >= 0
         returning m.id, m.account_id, m.points
       )
       insert into points_ledger (account_id, member_id, delta, balance, reason, note, ref, operator_id)
       select account_id, id, $3, points, $5, $6, $7, $8 from m
       returning id, delta, balance, reason, note, operator_id, created_at`,
      [accountId, memberId, delta, earned, reason, note, options.ref ?? null, options.operatorId ?? null],
    );
    if (!rows[0]) {
      const [exists] = await sql.query('select 1 from members where id = $1 and account_id = $2', [memberId, accountId]);
      throw new AppError(exists ? 'POINTS_INSUFFICIENT' : 'MEMBER_NOT_FOUND');
    }
    const row = rows[0];
    return { id: Number(row.id), delta: row.delta, balance: row.balance, reason: row.reason, note: row.note, operator: null, createdAt: row.created_at.toISOString() };
  }

  async adjust(accountId: number, memberId: number, delta: number, reason: string, operatorId: number): Promise<PointsEntry> {
    return (await this.db.transaction((tx) => this.change(tx, accountId, memberId, delta, 'adjust', reason, { operatorId })))!;
  }

  /** Points for an order at the till: floor(yuan) × perYuan. The same receipt twice: ORDER_ALREADY_RECORDED. */
  async recordOrder(accountId: number, memberId: number, amountFen: number, ref: string | undefined, operatorId: number): Promise<PointsEntry> {
    const program = await this.activeProgram(accountId);
    if (!program) throw new AppError('PROGRAM_NOT_ENABLED');
    const points = Math.floor(amountFen / 100) * program.points.perYuan;
    const note = `消费 ¥${(amountFen / 100).toFixed(2)}${ref ? `（小票 ${ref}）` : ''}`;
    const entry = await this.db.transaction((tx) => this.change(tx, accountId, memberId, points, 'order', note, { ref: ref ? `order:${ref}` : undefined, operatorId }));
    if (!entry) throw new AppError('ORDER_ALREADY_RECORDED', { ref });
    return entry;
  }

  /**
   * The daily check-in: the (member, local day) primary key makes it once a day whatever races; the streak
   * continues from yesterday's check-in; a streak bonus is given on the day the streak reaches its length.
   */
  async checkin(accountId: number, memberId: number, options: { now?: Date; program?: Program } = {}): Promise<CheckinResult> {
    const now = options.now ?? new Date();
    const program = options.program ?? (await this.activeProgram(accountId));
    if (!program) throw new AppError('PROGRAM_NOT_ENABLED');
    const account = await this.accounts.get(accountId);
    const today = localDate(now, account.timezone);
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ streak: number }>(
        `insert into checkins (member_id, day, account_id, streak, points)
         select m.id, $3::date, m.account_id, case when m.last_checkin_on = $3::date - 1 then m.streak + 1 else 1 end, $4
         from members m where m.id = $2 and m.account_id = $1
         on conflict (member_id, day) do nothing
         returning streak`,
        [accountId, memberId, today, program.points.checkin],
      );
      if (!row) {
        const [member] = await tx.query<{ points: number; streak: number }>('select points, streak from members where id = $1 and account_id = $2', [memberId, accountId]);
        if (!member) throw new AppError('MEMBER_NOT_FOUND');
        return { alreadyToday: true, points: 0, bonus: 0, streak: member.streak, balance: member.points };
      }
      const bonus = program.points.streak.find((b) => b.days === row.streak)?.points ?? 0;
      await tx.query('update members set last_checkin_on = $2, streak = $3 where id = $1', [memberId, today, row.streak]);
      let balance: number | null = null;
      if (program.points.checkin > 0) balance = (await this.change(tx, accountId, memberId, program.points.checkin, 'checkin', `签到 ${today}`, { ref: `checkin:${today}` }))?.balance ?? null;
      if (bonus > 0) balance = (await this.change(tx, accountId, memberId, bonus, 'streak', `连续签到 ${row.streak} 天`, { ref: `streak:${today}` }))?.balance ?? null;
      if (balance === null) balance = (await tx.query<{ points: number }>('select points from members where id = $1', [memberId]))[0]!.points;
      if (bonus > 0) await tx.query('update checkins set points = points + $3 where member_id = $1 and day = $2', [memberId, today, bonus]);
      return { alreadyToday: false, points: program.points.checkin + bonus, bonus, streak: row.streak, balance };
    });
  }

  async ledger(accountId: number, memberId: number, cursor: string | undefined, size = 30): Promise<Page<PointsEntry>> {
    const after = cursor ? Number(cursor) : null;
    const rows = await this.db.query<{ id: string; delta: number; balance: number; reason: PointsReason; note: string; operator_id: number | null; operator_name: string | null; created_at: Date }>(
      `select p.id, p.delta, p.balance, p.reason, p.note, p.operator_id, o.display_name as operator_name, p.created_at
       from points_ledger p left join operators o on o.id = p.operator_id
       where p.account_id = $1 and p.member_id = $2 and ($3::bigint is null or p.id < $3)
       order by p.id desc limit $4`,
      [accountId, memberId, after !== null && Number.isSafeInteger(after) ? after : null, size + 1],
    );
    const page = rows.slice(0, size);
    return {
      items: page.map((r) => ({
        id: Number(r.id),
        delta: r.delta,
        balance: r.balance,
        reason: r.reason,
        note: r.note,
        operator: r.operator_id ? { id: r.operator_id, name: r.operator_name ?? '' } : null,
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor: rows.length > size ? String(page[page.length - 1]!.id) : null,
    };
  }

  /** Members, newest first; q matches member number, name, phone or openid. */
  async list(accountId: number, filter: { q?: string; levelId?: number; cursor?: string }, size = 50): Promise<Page<LoyaltyMemberView>> {
    const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
    const q = filter.q?.trim() ? `%${likePattern(filter.q.trim())}%` : null;
    const rows = await this.db.query<MemberRow & { fan_name: string | null; level_name: string | null; level_pay: number | null }>(
      `select ${MEMBER_COLUMNS}, f.remark as fan_name, l.name as level_name, l.pay_percent as level_pay
       from members m left join fans f on f.account_id = m.account_id and f.openid = m.openid left join member_levels l on l.id = m.level_id
       where m.account_id = $1
         and ($2::text is null or m.member_no ilike $2 or m.name ilike $2 or m.phone ilike $2 or m.openid = $5)
         and ($3::int is null or m.level_id = $3)
         and ($4::timestamptz is null or (m.issued_at, m.id) < ($4::timestamptz, $6::int))
       order by m.issued_at desc, m.id desc limit $7`,
      [accountId, q, filter.levelId ?? null, cursor?.at ?? null, filter.q?.trim() ?? null, cursor?.id ?? 0, size + 1],
    );
    const page = rows.slice(0, size);
    const last = page[page.length - 1];
    return { items: page.map(presentMember), nextCursor: rows.length > size && last ? encodeCursor(last.issued_at, last.id) : null };
  }

  async view(accountId: number, memberId: number): Promise<LoyaltyMemberView> {
    const [row] = await this.db.query<MemberRow & { fan_name: string | null; level_name: string | null; level_pay: number | null }>(
      `select ${MEMBER_COLUMNS}, f.remark as fan_name, l.name as level_name, l.pay_percent as level_pay
       from members m left join fans f on f.account_id = m.account_id and f.openid = m.openid left join member_levels l on l.id = m.level_id
       where m.account_id = $1 and m.id = $2`,
      [accountId, memberId],
    );
    if (!row) throw new AppError('MEMBER_NOT_FOUND');
    return presentMember(row);
  }

  /** The next level and the points still needed, or null at the top. */
  nextLevel(levels: Program['levels'], earned: number): { name: string; needed: number } | null {
    const next = levels.filter((l) => l.threshold > earned).sort((a, b) => a.threshold - b.threshold)[0];
    return next ? { name: next.name, needed: next.threshold - earned } : null;
  }

  /** Every member matching the list's filters, for the CSV export. */
  async exportRows(accountId: number, filter: { q?: string; levelId?: number } = {}): Promise<Array<MemberRow & { fan_name: string | null; level_name: string | null; level_pay: number | null }>> {
    const q = filter.q?.trim() ? `%${likePattern(filter.q.trim())}%` : null;
    return this.db.query(
      `select ${MEMBER_COLUMNS}, f.remark as fan_name, l.name as level_name, l.pay_percent as level_pay
       from members m left join fans f on f.account_id = m.account_id and f.openid = m.openid left join member_levels l on l.id = m.level_id
       where m.account_id = $1
         and ($2::text is null or m.member_no ilike $2 or m.name ilike $2 or m.phone ilike $2 or m.openid = $4)
         and ($3::int is null or m.level_id = $3)
       order by m.id`,
      [accountId, q, filter.levelId ?? null, filter.q?.trim() ?? null],
    );
  }

}

export function presentMember(row: MemberRow & { fan_name?: string | null; level_name?: string | null; level_pay?: number | null }): LoyaltyMemberView {
  return {
    id: row.id,
    openid: row.openid,
    fanName: row.fan_name ?? null,
    memberNo: row.member_no,
    level: row.level_id && row.level_name ? { id: row.level_id, name: row.level_name, payPercent: row.level_pay ?? null } : null,
    points: row.points,
    pointsEarned: row.points_earned,
    name: row.name,
    phone: row.phone,
    gender: row.gender,
    birthday: row.birthday,
    region: row.region,
    issuedVia: row.issued_via,
    issuedAt: row.issued_at.toISOString(),
    lastCheckinOn: row.last_checkin_on,
    streak: row.streak,
  };
}
