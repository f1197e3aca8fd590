import type { TagView } from '@zhanggui/shared';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { TokenBroker } from '../../wechat-gateway/token-broker.ts';

/** WeChat's system tags: 0, 1 and 2 (星标组) cannot be changed (45058). */
const SYSTEM_TAG_IDS = new Set([0, 1, 2]);
/** Per-call limits of the tag API (wechat-protocol.md §4.6). */
export const TAG_BATCH = 50;
export const BLACKLIST_BATCH = 20;

export const tagNameSchema = z.string().trim().min(1).max(30);

interface TagRow {
  id: number;
  wechat_tag_id: number | null;
  name: string;
  system: boolean;
  fan_count: number;
}

/**
 * Tags mirrored with WeChat's tag API: WeChat first (its limits and errors are the truth), then our copy.
 * Tagging fans and the blacklist go through WeChat in its batch sizes.
 */
export class TagsService {
  constructor(
    private readonly db: Database,
    private readonly tokens: TokenBroker,
  ) {}

  async list(accountId: number): Promise<TagView[]> {
    const rows = await this.db.query<TagRow>(
      `select t.id, t.wechat_tag_id, t.name, t.system, (select count(*)::int from fan_tags ft where ft.tag_id = t.id) as fan_count
         from tags t where t.account_id = $1 order by t.system desc, t.id`,
      [accountId],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, wechatTagId: row.wechat_tag_id, fanCount: row.fan_count, system: row.system }));
  }

  async create(accountId: number, rawName: unknown): Promise<TagView> {
    const name = tagNameSchema.parse(rawName);
    const existing = await this.db.query('select 1 from tags where account_id = $1 and name = $2', [accountId, name]);
    if (existing.length) throw new AppError('TAG_NAME_TAKEN', { name });
    const { tag } = await this.tokens.clientFor(accountId).tags.create(name);
    const [row] = await this.db.query<TagRow>(
      `insert into tags (account_id, wechat_tag_id, name) values ($1, $2, $3)
       on conflict (account_id, wechat_tag_id) where wechat_tag_id is not null do update set name = excluded.name
       returning id, wechat_tag_id, name, system, 0 as fan_count`,
      [accountId, tag.id, tag.name],
    );
    return { id: row!.id, name: row!.name, wechatTagId: row!.wechat_tag_id, fanCount: 0, system: false };
  }

  async rename(accountId: number, tagId: number, rawName: unknown): Promise<void> {
    const name = tagNameSchema.parse(rawName);
    const tag = await this.tag(accountId, tagId);
    if (tag.system) throw new AppError('TAG_SYSTEM');
    if (tag.wechat_tag_id !== null) await this.tokens.clientFor(accountId).tags.update(tag.wechat_tag_id, name);
    await this.db.query('update tags set name = $3 where account_id = $1 and id = $2', [accountId, tagId, name]);
  }

  async remove(accountId: number, tagId: number): Promise<void> {
    const tag = await this.tag(accountId, tagId);
    if (tag.system) throw new AppError('TAG_SYSTEM');
    if (tag.wechat_tag_id !== null) await this.tokens.clientFor(accountId).tags.delete(tag.wechat_tag_id);
    await this.db.query('delete from tags where account_id = $1 and id = $2', [accountId, tagId]);
  }

  /** Mirrors WeChat's tag list: adds and renames ours, drops tags WeChat no longer has. */
  async syncFromWechat(accountId: number): Promise<Map<number, number>> {
    const { tags } = await this.tokens.clientFor(accountId).tags.list();
    await this.db.transaction(async (tx) => {
      await tx.query(
        `insert into tags (account_id, wechat_tag_id, name, system)
         select $1, t.id, t.name, t.id = any($3::int[]) from jsonb_to_recordset($2::jsonb) as t(id int, name text)
         on conflict (account_id, wechat_tag_id) where wechat_tag_id is not null do update set name = excluded.name, system = excluded.system`,
        [accountId, JSON.stringify(tags.map((t) => ({ id: t.id, name: t.name }))), [...SYSTEM_TAG_IDS]],
      );
      await tx.query('delete from tags where account_id = $1 and wechat_tag_id is not null and not (wechat_tag_id = any($2::int[]))', [accountId, tags.map((t) => t.id)]);
    });
    const rows = await this.db.query<{ id: number; wechat_tag_id: number }>('select id, wechat_tag_id from tags where account_id = $1 and wechat_tag_id is not null', [accountId]);
    return new Map(rows.map((row) => [row.wechat_tag_id, row.id]));
  }

  /** Tags (or untags) fans on WeChat, 50 a call, then here. Returns how many fans were changed. */
  async setTag(accountId: number, tagId: number, fanIds: number[], add: boolean): Promise<number> {
    const tag = await this.tag(accountId, tagId);
    const fans = await this.openidsOf(accountId, fanIds);
    const client = this.tokens.clientFor(accountId);
    let changed = 0;
    for (let i = 0; i < fans.length; i += TAG_BATCH) {
      const chunk = fans.slice(i, i + TAG_BATCH);
      if (tag.wechat_tag_id !== null) {
        const openids = chunk.map((f) => f.openid);
        await (add ? client.tags.tagFans(tag.wechat_tag_id, openids) : client.tags.untagFans(tag.wechat_tag_id, openids));
      }
      const ids = chunk.map((f) => f.id);
      await this.db.query(
        add
          ? 'insert into fan_tags (fan_id, tag_id) select unnest($1::bigint[]), $2 on conflict do nothing'
          : 'delete from fan_tags where fan_id = any($1::bigint[]) and tag_id = $2',
        [ids, tagId],
      );
      changed += chunk.length;
    }
    return changed;
  }

  /** Puts fans on (or takes them off) the account's blacklist on WeChat, 20 a call, then here. */
  async setBlacklisted(accountId: number, fanIds: number[], blacklisted: boolean): Promise<number> {
    const fans = await this.openidsOf(accountId, fanIds);
    const client = this.tokens.clientFor(accountId);
    for (let i = 0; i < fans.length; i += BLACKLIST_BATCH) {
      const chunk = fans.slice(i, i + BLACKLIST_BATCH);
      const openids = chunk.map((f) => f.openid);
      await (blacklisted ? client.tags.block(openids) : client.tags.unblock(openids));
      await this.db.query('update fans set blacklisted = $3 where account_id = $1 and id = any($2::bigint[])', [accountId, chunk.map((f) => f.id), blacklisted]);
    }
    return fans.length;
  }

  private async tag(accountId: number, tagId: number): Promise<TagRow> {
    const [tag] = await this.db.query<TagRow>('select id, wechat_tag_id, name, system, 0 as fan_count from tags where account_id = $1 and id = $2', [accountId, tagId]);
    if (!tag) throw new AppError('NOT_FOUND', { tagId });
    return tag;
  }

  /** The fans' openids, only for fans of this account. */
  private async openidsOf(accountId: number, fanIds: number[]): Promise<Array<{ id: number; openid: string }>> {
    if (fanIds.length === 0) return [];
    return this.db.query('select id, openid from fans where account_id = $1 and id = any($2::bigint[]) order by id', [accountId, fanIds]);
  }
}
