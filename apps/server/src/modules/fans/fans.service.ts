import { csvField, type FanView, type Page, type TagRef } from '@zhanggui/shared';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { TokenBroker } from '../../wechat-gateway/token-broker.ts';
import { decodeCursor, encodeCursor, likePattern } from '../inbox/cursor.ts';
import { displayName } from '../inbox/inbox.presenter.ts';
import type { FanFilter } from './fans.schema.ts';

interface FanRow {
  id: number;
  openid: string;
  subscribed: boolean;
  subscribed_at: Date | null;
  unsubscribed_at: Date | null;
  subscribe_scene: string | null;
  qr_scene: string | null;
  remark: string | null;
  language: string | null;
  blacklisted: boolean;
  last_interaction_at: Date;
  created_at: Date;
  first_channel_id: number | null;
  first_channel_name: string | null;
  last_channel_id: number | null;
  last_channel_name: string | null;
}

const COLUMNS = `f.id, f.openid, f.subscribed, f.subscribed_at, f.unsubscribed_at, f.subscribe_scene, f.qr_scene, f.remark, f.language, f.blacklisted,
  f.last_interaction_at, f.created_at, f.first_channel_id, f.last_channel_id,
  (select name from qr_channels c where c.id = f.first_channel_id) as first_channel_name,
  (select name from qr_channels c where c.id = f.last_channel_id) as last_channel_name`;

/** Builds the WHERE of a fan filter; `$1` is always the account. */
export function fanWhere(accountId: number, filter: FanFilter): { where: string; params: unknown[] } {
  const clauses = ['f.account_id = $1'];
  const params: unknown[] = [accountId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.tag === 'untagged') clauses.push('not exists (select 1 from fan_tags ft where ft.fan_id = f.id)');
  else if (filter.tag !== undefined) clauses.push(`exists (select 1 from fan_tags ft where ft.fan_id = f.id and ft.tag_id = ${param(filter.tag)})`);
  if (filter.subscribed !== undefined) clauses.push(`f.subscribed = ${param(filter.subscribed)}`);
  if (filter.source) clauses.push(`f.subscribe_scene = ${param(filter.source)}`);
  // Fans who first came through a QR channel.
  if (filter.channel !== undefined) clauses.push(`f.first_channel_id = ${param(filter.channel)}`);
  if (filter.interactedAfter) clauses.push(`f.last_interaction_at >= ${param(filter.interactedAfter)}::timestamptz`);
  if (filter.interactedBefore) clauses.push(`f.last_interaction_at < ${param(filter.interactedBefore)}::timestamptz`);
  if (filter.blacklisted !== undefined) clauses.push(`f.blacklisted = ${param(filter.blacklisted)}`);
  // The membership card and its profile (issue 7): what fans told us feeds targeting.
  const card: string[] = [];
  if (filter.levelId !== undefined) card.push(`m.level_id = ${param(filter.levelId)}`);
  if (filter.gender) card.push(`m.gender = ${param(filter.gender)}`);
  if (filter.region) card.push(`m.region ilike '%' || ${param(likePattern(filter.region))} || '%'`);
  if (card.length || filter.member === true) clauses.push(`exists (select 1 from members m where m.account_id = f.account_id and m.openid = f.openid${card.map((c) => ` and ${c}`).join('')})`);
  if (filter.member === false) clauses.push('not exists (select 1 from members m where m.account_id = f.account_id and m.openid = f.openid)');
  if (filter.q) clauses.push(`(f.openid = ${param(filter.q)} or f.remark ilike '%' || ${param(likePattern(filter.q))} || '%')`);
  return { where: clauses.join(' and '), params };
}

/** The fans CRM (用户管理): lists that stay fast at a million fans, details, remarks, CSV export. */
export class FansService {
  constructor(
    private readonly db: Database,
    private readonly tokens: TokenBroker,
  ) {}

  /** Newest interaction first, keyset-paged on (last_interaction_at, id): page 1 and page 10,000 cost the same. */
  async list(accountId: number, filter: FanFilter, cursor: string | undefined, limit = 50, lang: 'zh' | 'en' = 'zh'): Promise<Page<FanView>> {
    const size = Math.min(Math.max(limit, 1), 200);
    const { where, params } = fanWhere(accountId, filter);
    const after = decodeCursor(cursor);
    let keyset = '';
    if (after) {
      params.push(after.at, after.id);
      keyset = ` and (f.last_interaction_at, f.id) < ($${params.length - 1}::timestamptz, $${params.length})`;
    }
    params.push(size + 1);
    const rows = await this.db.query<FanRow>(
      `select ${COLUMNS} from fans f where ${where}${keyset} order by f.last_interaction_at desc, f.id desc limit $${params.length}`,
      params,
    );
    const page = rows.slice(0, size);
    const tags = await this.tagsOf(accountId, page.map((f) => f.id));
    const last = page.at(-1);
    return { items: page.map((f) => present(f, tags.get(f.id) ?? [], lang)), nextCursor: rows.length > size && last ? encodeCursor(last.last_interaction_at, last.id) : null };
  }

  async count(accountId: number, filter: FanFilter): Promise<number> {
    const { where, params } = fanWhere(accountId, filter);
    const [row] = await this.db.query<{ n: number }>(`select count(*)::int as n from fans f where ${where}`, params);
    return row!.n;
  }

  async get(accountId: number, fanId: number, lang: 'zh' | 'en' = 'zh'): Promise<FanView> {
    const [row] = await this.db.query<FanRow>(`select ${COLUMNS} from fans f where f.account_id = $1 and f.id = $2`, [accountId, fanId]);
    if (!row) throw new AppError('FAN_NOT_FOUND', { fanId });
    return present(row, (await this.tagsOf(accountId, [fanId])).get(fanId) ?? [], lang);
  }

  /**
   * Pushes carry no follow source or language: after a follow, ask WeChat (user/info) and keep them.
   * Best effort — an account without the user API (unverified) simply keeps what it has.
   */
  async enrichFromWechat(accountId: number, openid: string): Promise<void> {
    const info = await this.tokens.clientFor(accountId).users.info(openid);
    if (info.subscribe !== 1) return;
    await this.db.query(
      `update fans set subscribe_scene = coalesce($3, subscribe_scene), qr_scene = coalesce(qr_scene, $4), language = coalesce($5, language),
              unionid = coalesce($6, unionid), remark = coalesce(remark, $7), updated_at = now()
        where account_id = $1 and openid = $2`,
      [accountId, openid, info.subscribe_scene || null, info.qr_scene_str || (info.qr_scene ? String(info.qr_scene) : null), info.language || null, info.unionid || null, info.remark || null],
    );
  }

  /** Sets the remark on WeChat (updateremark) and here. */
  async updateRemark(accountId: number, fanId: number, remark: string): Promise<FanView> {
    const fan = await this.get(accountId, fanId);
    await this.tokens.clientFor(accountId).users.updateRemark(fan.openid, remark);
    await this.db.query('update fans set remark = $3, updated_at = now() where account_id = $1 and id = $2', [accountId, fanId, remark || null]);
    return this.get(accountId, fanId);
  }

  /** Every fan id matching a filter (for batch jobs), in pages to bound memory. */
  async *idsMatching(accountId: number, filter: FanFilter, pageSize = 1000): AsyncGenerator<number[]> {
    const { where, params } = fanWhere(accountId, filter);
    let afterId = 0;
    for (;;) {
      const rows = await this.db.query<{ id: number }>(
        `select f.id from fans f where ${where} and f.id > $${params.length + 1} order by f.id limit $${params.length + 2}`,
        [...params, afterId, pageSize],
      );
      if (rows.length === 0) return;
      yield rows.map((r) => r.id);
      afterId = rows.at(-1)!.id;
    }
  }

  /** CSV of the filtered list, streamed page by page (UTF-8 with BOM so Excel reads Chinese). */
  async *exportCsv(accountId: number, filter: FanFilter): AsyncGenerator<string> {
    yield '\uFEFFopenid,remark,subscribed,subscribed_at,unsubscribed_at,source,qr_scene,first_channel,last_channel,tags,blacklisted,last_interaction_at\r\n';
    let cursor: string | undefined;
    do {
      const page = await this.list(accountId, filter, cursor, 200);
      yield page.items
        .map((f) =>
          [f.openid, f.remark ?? '', f.subscribed ? '1' : '0', f.subscribedAt ?? '', f.unsubscribedAt ?? '', f.source ?? '', f.qrScene ?? '', f.firstChannel?.name ?? '', f.lastChannel?.name ?? '', f.tags.map((t) => t.name).join('|'), f.blacklisted ? '1' : '0', f.lastInteractionAt ?? '']
            .map(csvField)
            .join(','),
        )
        .map((line) => `${line}\r\n`)
        .join('');
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  private async tagsOf(accountId: number, fanIds: number[]): Promise<Map<number, TagRef[]>> {
    const byFan = new Map<number, TagRef[]>();
    if (fanIds.length === 0) return byFan;
    const rows = await this.db.query<{ fan_id: number; id: number; name: string }>(
      'select ft.fan_id, t.id, t.name from fan_tags ft join tags t on t.id = ft.tag_id where ft.fan_id = any($1::bigint[]) and t.account_id = $2 order by t.id',
      [fanIds, accountId],
    );
    for (const row of rows) byFan.set(row.fan_id, [...(byFan.get(row.fan_id) ?? []), { id: row.id, name: row.name }]);
    return byFan;
  }
}

function present(row: FanRow, tags: TagRef[], lang: 'zh' | 'en' = 'zh'): FanView {
  return {
    id: row.id,
    openid: row.openid,
    displayName: displayName(row, lang),
    subscribed: row.subscribed,
    subscribedAt: row.subscribed_at?.toISOString() ?? null,
    unsubscribedAt: row.unsubscribed_at?.toISOString() ?? null,
    source: row.subscribe_scene,
    qrScene: row.qr_scene,
    firstChannel: row.first_channel_id && row.first_channel_name ? { id: row.first_channel_id, name: row.first_channel_name } : null,
    lastChannel: row.last_channel_id && row.last_channel_name ? { id: row.last_channel_id, name: row.last_channel_name } : null,
    remark: row.remark,
    language: row.language,
    tags,
    blacklisted: row.blacklisted,
    lastInteractionAt: row.last_interaction_at.toISOString(),
    createdAt: row.created_at.toISOString(),
  };
}
