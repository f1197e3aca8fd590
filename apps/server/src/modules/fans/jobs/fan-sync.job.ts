import type { UserInfo, WechatClient } from '@zhanggui/wechat';
import type { Database } from '../../../platform/db/database.ts';
import type { TokenBroker } from '../../../wechat-gateway/token-broker.ts';
import type { JobContext, JobHandler } from '../../jobs/job-runner.ts';
import type { TagsService } from '../../tags/tags.service.ts';

export const FAN_SYNC = 'fan_sync';

/** user/info/batchget takes at most 100 openids (wechat-protocol.md §4.7). */
const INFO_BATCH = 100;

interface SyncCheckpoint {
  phase: 'tags' | 'followers' | 'blacklist' | 'finish';
  /** user/get's cursor: the page after the last one stored. */
  nextOpenid: string;
  done: number;
  total: number | null;
  /** When this sync started: fans not seen since then have unfollowed; newer pushes win over our snapshot. */
  startedAt: string;
}

/**
 * Full (or incremental) fan sync from WeChat: tags, then the follower list page by page (10,000 openids;
 * user/info/batchget by 100 with a few calls in flight), then the blacklist, then fans no longer following.
 * A checkpoint after every page makes it resumable after a crash; re-running a page is harmless (upserts).
 * Incremental mode fetches details only for openids we have not synced before.
 */
export class FanSyncJob implements JobHandler {
  constructor(
    private readonly db: Database,
    private readonly tokens: TokenBroker,
    private readonly tags: TagsService,
    private readonly options: { infoConcurrency: number } = { infoConcurrency: 8 },
  ) {}

  backoffMs(attempt: number): number {
    return Math.min(60_000, 5_000 * attempt);
  }

  async run(context: JobContext): Promise<void> {
    const accountId = context.job.account_id!;
    const incremental = context.job.payload.mode === 'incremental';
    const client = this.tokens.clientFor(accountId);
    let checkpoint: SyncCheckpoint = (context.checkpoint as SyncCheckpoint | null) ?? {
      phase: 'tags',
      nextOpenid: '',
      done: 0,
      total: null,
      startedAt: new Date().toISOString(),
    };
    const save = async (next: SyncCheckpoint, message: string) => {
      checkpoint = next;
      await context.save({ ...next }, { done: next.done, total: next.total, message });
    };

    let tagIds: Map<number, number>;
    if (checkpoint.phase === 'tags') {
      tagIds = await this.tags.syncFromWechat(accountId);
      await save({ ...checkpoint, phase: 'followers' }, 'tags');
    } else {
      const rows = await this.db.query<{ id: number; wechat_tag_id: number }>('select id, wechat_tag_id from tags where account_id = $1 and wechat_tag_id is not null', [accountId]);
      tagIds = new Map(rows.map((r) => [r.wechat_tag_id, r.id]));
    }

    // Fetching page N+1 from WeChat overlaps with storing page N.
    const fetchPage = async (cursor: string) => {
      const page = await client.users.list(cursor);
      const openids = page.data?.openid ?? [];
      // The last page has count 0 and no data, though next_openid may still be set (§4.7).
      if (page.count === 0 || openids.length === 0) return { page, openids, infos: [] as UserInfo[] };
      const toFetch = incremental ? await this.unsynced(accountId, openids, checkpoint.startedAt) : openids;
      return { page, openids, infos: await this.fetchInfos(client, toFetch) };
    };
    // A prefetch that fails while the previous page is being stored is awaited (and thrown) later; until
    // then it must not count as an unhandled rejection, which would take the process down.
    const prefetch = (cursor: string) => {
      const promise = fetchPage(cursor);
      promise.catch(() => {});
      return promise;
    };
    // On a first sync no fan has tags yet, so there is nothing to replace.
    const [tagged] = await this.db.query<{ any: boolean }>('select exists (select 1 from fan_tags ft join tags t on t.id = ft.tag_id where t.account_id = $1) as any', [accountId]);
    const replaceTags = tagged!.any;
    let pending = checkpoint.phase === 'followers' ? prefetch(checkpoint.nextOpenid) : null;
    while (pending) {
      const { page, openids, infos } = await pending;
      if (openids.length === 0) {
        await save({ ...checkpoint, phase: 'blacklist', total: page.total }, 'followers');
        break;
      }
      pending = page.next_openid ? prefetch(page.next_openid) : null;
      await this.store(accountId, infos, tagIds, checkpoint.startedAt, replaceTags);
      const done = checkpoint.done + openids.length;
      await save({ ...checkpoint, nextOpenid: page.next_openid ?? '', done, total: page.total, phase: page.next_openid ? 'followers' : 'blacklist' }, 'followers');
    }

    if (checkpoint.phase === 'blacklist') {
      await this.syncBlacklist(accountId, client);
      await save({ ...checkpoint, phase: 'finish' }, 'blacklist');
    }

    // Fans we know as followers whom WeChat no longer lists have unfollowed (unless a push says otherwise since).
    // Their open follows through QR channels end too (unfollowed later, retention).
    await this.db.query(
      `with gone as (
         update fans set subscribed = false, unsubscribed_at = coalesce(unsubscribed_at, now()), updated_at = now()
          where account_id = $1 and subscribed and (synced_at is null or synced_at < $2::timestamptz)
            and coalesce(subscription_changed_at, '-infinity') < $2::timestamptz
         returning id, unsubscribed_at)
       update qr_scans s set unfollowed_at = gone.unsubscribed_at from gone
        where s.account_id = $1 and s.fan_id = gone.id and s.kind = 'subscribe' and s.unfollowed_at is null`,
      [accountId, checkpoint.startedAt],
    );
    await save({ ...checkpoint, total: checkpoint.total ?? checkpoint.done }, 'done');
  }

  /** Openids of this page we have not synced yet; the rest are only marked as still following. */
  private async unsynced(accountId: number, openids: string[], startedAt: string): Promise<string[]> {
    const known = await this.db.query<{ openid: string }>(
      `update fans set synced_at = $3::timestamptz, subscribed = true
        where account_id = $1 and openid = any($2::text[]) and synced_at is not null returning openid`,
      [accountId, openids, startedAt],
    );
    const seen = new Set(known.map((row) => row.openid));
    return openids.filter((openid) => !seen.has(openid));
  }

  private async fetchInfos(client: WechatClient, openids: string[]): Promise<UserInfo[]> {
    const chunks: string[][] = [];
    for (let i = 0; i < openids.length; i += INFO_BATCH) chunks.push(openids.slice(i, i + INFO_BATCH));
    const results: UserInfo[][] = new Array(chunks.length);
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < chunks.length; index = next++) {
        results[index] = (await client.users.batchInfo(chunks[index]!)).user_info_list;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.infoConcurrency, chunks.length) }, worker));
    return results.flat();
  }

  /** Upserts one page of fans and replaces their WeChat tags, in one transaction. */
  private async store(accountId: number, infos: UserInfo[], tagIds: Map<number, number>, startedAt: string, replaceTags: boolean): Promise<void> {
    if (infos.length === 0) return;
    const rows = infos.map((u) => ({
      openid: u.openid,
      subscribed: u.subscribe === 1,
      subscribed_at: u.subscribe_time ? new Date(u.subscribe_time * 1000).toISOString() : null,
      remark: u.remark || null,
      language: u.language || null,
      unionid: u.unionid || null,
      scene: u.subscribe_scene || null,
      qr_scene: u.qr_scene_str || (u.qr_scene ? String(u.qr_scene) : null),
      tags: (u.tagid_list ?? []).map((id) => tagIds.get(id)).filter((id): id is number => id !== undefined),
    }));
    await this.db.transaction(async (tx) => {
      // No RETURNING: handing 10,000 rows back costs a fifth of the statement; the tag steps find fans by openid.
      await tx.query(SYNC_UPSERT, [accountId, JSON.stringify(rows), startedAt]);
      const tagged = rows.filter((row) => row.tags.length > 0);
      // Only the tags WeChat knows about are replaced; none of ours are local-only today.
      if (replaceTags) {
        await tx.query('delete from fan_tags where fan_id in (select id from fans where account_id = $1 and openid = any($2::text[]))', [accountId, rows.map((r) => r.openid)]);
      }
      if (tagged.length) {
        await tx.query(
          `insert into fan_tags (fan_id, tag_id)
           select f.id, t.tag_id::int from jsonb_to_recordset($2::jsonb) as r(openid text, tags jsonb)
             join fans f on f.account_id = $1 and f.openid = r.openid
             cross join lateral jsonb_array_elements_text(r.tags) as t(tag_id)
           on conflict do nothing`,
          [accountId, JSON.stringify(tagged.map((r) => ({ openid: r.openid, tags: r.tags })))],
        );
      }
    });
  }

  private async syncBlacklist(accountId: number, client: WechatClient): Promise<void> {
    const blacklisted: string[] = [];
    let begin = '';
    for (;;) {
      const page = await client.tags.blacklist(begin);
      const openids = page.data?.openid ?? [];
      blacklisted.push(...openids);
      if (!page.next_openid || openids.length === 0) break;
      begin = page.next_openid;
    }
    await this.db.transaction(async (tx) => {
      await tx.query('update fans set blacklisted = false where account_id = $1 and blacklisted and not (openid = any($2::text[]))', [accountId, blacklisted]);
      await tx.query('update fans set blacklisted = true where account_id = $1 and openid = any($2::text[]) and not blacklisted', [accountId, blacklisted]);
    });
  }
}

// A fan WeChat lists is following now; a subscribe/unsubscribe push newer than this sync's start wins.
// New fans get their follow time as last interaction, so lists sort them sensibly.
const SYNC_UPSERT = `
insert into fans as f (account_id, openid, subscribed, subscribed_at, first_subscribed_at, subscribe_scene, qr_scene,
                       remark, language, unionid, last_interaction_at, synced_at)
select $1, r.openid, r.subscribed, r.subscribed_at, r.subscribed_at, r.scene, r.qr_scene, r.remark, r.language, r.unionid,
       coalesce(r.subscribed_at, now()), $3::timestamptz
  from jsonb_to_recordset($2::jsonb) as r(openid text, subscribed boolean, subscribed_at timestamptz, remark text,
                                          language text, unionid text, scene text, qr_scene text)
on conflict (account_id, openid) do update set
  subscribed = case when coalesce(f.subscription_changed_at, '-infinity') < $3::timestamptz then excluded.subscribed else f.subscribed end,
  subscribed_at = case when coalesce(f.subscription_changed_at, '-infinity') < $3::timestamptz then coalesce(excluded.subscribed_at, f.subscribed_at) else f.subscribed_at end,
  first_subscribed_at = least(f.first_subscribed_at, excluded.first_subscribed_at),
  subscribe_scene = coalesce(excluded.subscribe_scene, f.subscribe_scene),
  qr_scene = coalesce(excluded.qr_scene, f.qr_scene),
  remark = excluded.remark,
  language = coalesce(excluded.language, f.language),
  unionid = coalesce(excluded.unionid, f.unionid),
  synced_at = $3::timestamptz,
  updated_at = now()`;
