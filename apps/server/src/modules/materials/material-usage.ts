import type { MaterialUsage } from '@zhanggui/shared';
import type { Sql } from '../../platform/db/database.ts';

/**
 * Who uses which material, for the library's counts and to refuse deleting what is in use. Rules, flows,
 * channel welcomes and menus name a material by WeChat's media_id (`mediaId`, or `thumbMediaId` for music)
 * anywhere in their JSON; news covers and broadcasts name it by our id (`coverMaterialId`, `materialId`).
 * Broadcasts count only while they may still be sent. Each query is one pass over the account's rows.
 */
const BY_MEDIA_ID = `
  select 'rules' as used_by, r.id as ref, v #>> '{}' as key from reply_rules r, jsonb_path_query(r.replies, '$.**.mediaId') v where r.account_id = $1
  union select 'rules', r.id, v #>> '{}' from reply_rules r, jsonb_path_query(r.replies, '$.**.thumbMediaId') v where r.account_id = $1
  union select 'flows', f.id, v #>> '{}' from flows f, jsonb_path_query(jsonb_build_array(f.steps, f.finishers), '$.**.mediaId') v where f.account_id = $1
  union select 'flows', f.id, v #>> '{}' from flows f, jsonb_path_query(jsonb_build_array(f.steps, f.finishers), '$.**.thumbMediaId') v where f.account_id = $1
  union select 'channels', c.id, v #>> '{}' from qr_channels c, jsonb_path_query(c.welcome, '$.**.mediaId') v where c.account_id = $1 and c.deleted_at is null
  union select 'channels', c.id, v #>> '{}' from qr_channels c, jsonb_path_query(c.welcome, '$.**.thumbMediaId') v where c.account_id = $1 and c.deleted_at is null
  union select 'menus', 0, v #>> '{}' from account_menus m, jsonb_path_query(jsonb_build_array(m.draft, m.published), '$.**.mediaId') v where m.account_id = $1
  union select 'menus', 0, v #>> '{}' from account_menus m, jsonb_path_query(jsonb_build_array(m.draft, m.published), '$.**.thumbMediaId') v where m.account_id = $1`;

const BY_OUR_ID = `
  select 'news' as used_by, n.id as ref, v #>> '{}' as key from news_drafts n, jsonb_path_query(n.articles, '$[*].coverMaterialId') v where n.account_id = $1
  union select 'broadcasts', b.id, v #>> '{}' from broadcasts b, jsonb_path_query(b.message, '$.**.materialId') v
   where b.account_id = $1 and b.status in ('draft', 'pending_approval', 'scheduled', 'sending')`;

/** Broadcasts that may still be sent and send this news. */
const NEWS_IN_BROADCASTS = `
  select count(*)::int as n from broadcasts b
   where b.account_id = $1 and b.status in ('draft', 'pending_approval', 'scheduled', 'sending') and jsonb_path_exists(b.message, '$.** ? (@.newsId == $id)', jsonb_build_object('id', $2::int))`;

export const NO_USE: MaterialUsage = { rules: 0, flows: 0, channels: 0, menus: 0, news: 0, broadcasts: 0 };

type UsedBy = keyof MaterialUsage;
type Row = { used_by: UsedBy; ref: number; key: string };

/** The usage of every material of the account: `forMaterial(id, mediaId)` gives one material's counts. */
export async function loadUsage(db: Sql, accountId: number): Promise<(id: number, mediaId: string | null) => MaterialUsage> {
  const [byMediaId, byOurId] = await Promise.all([db.query<Row>(BY_MEDIA_ID, [accountId]), db.query<Row>(BY_OUR_ID, [accountId])]);
  const index = (rows: Row[]) => {
    const map = new Map<string, MaterialUsage>();
    for (const row of rows) {
      const usage = map.get(row.key) ?? { ...NO_USE };
      usage[row.used_by] += 1;
      map.set(row.key, usage);
    }
    return map;
  };
  const mediaIds = index(byMediaId);
  const ourIds = index(byOurId);
  return (id, mediaId) => {
    const a = (mediaId && mediaIds.get(mediaId)) || NO_USE;
    const b = ourIds.get(String(id)) ?? NO_USE;
    return { rules: a.rules, flows: a.flows, channels: a.channels, menus: a.menus, news: b.news, broadcasts: b.broadcasts };
  };
}

export const isInUse = (usage: MaterialUsage) => Object.values(usage).some((n) => n > 0);

/** How many broadcasts still to be sent use this news. */
export async function newsInBroadcasts(db: Sql, accountId: number, newsId: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(NEWS_IN_BROADCASTS, [accountId, newsId]);
  return row?.n ?? 0;
}
