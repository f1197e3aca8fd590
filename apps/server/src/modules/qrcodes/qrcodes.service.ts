import { csvLine, QR_MAX_EXPIRE_SECONDS, QR_MAX_PERMANENT, type QrChannelInput, type QrChannelSeries, type QrChannelView, type QrCodeInput, type QrCodeView } from '@zhanggui/shared';
import type { QrCodeRequest } from '@zhanggui/wechat';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { said } from '../../platform/http/validation-messages.ts';
import type { TokenBroker } from '../../wechat-gateway/token-broker.ts';
import { replyActionSchema } from '../replies/replies.schema.ts';
import { checkFlowRefs } from '../replies/replies.service.ts';
import type { ChannelHit } from '../replies/reply-brain.ts';
import { localDate } from '../stats/stats.service.ts';
import { imageType, posterSvg } from './qr-images.ts';

export const channelInput = z.object({
  name: z.string().trim().min(1).max(40),
  note: z.string().trim().max(200).nullable().optional(),
  welcome: z.array(replyActionSchema).max(8).default([]),
  welcomeMode: z.enum(['random', 'all']).default('all'),
  tagIds: z.array(z.number().int().positive()).max(20).default([]),
  caption: z.string().trim().max(60).nullable().optional(),
  enabled: z.boolean().default(true),
});

export const codeInput = z
  .object({
    kind: z.enum(['temporary', 'permanent']),
    sceneType: z.enum(['int', 'str']).default('int'),
    expireSeconds: z.number().int().min(60).max(QR_MAX_EXPIRE_SECONDS).optional(),
    label: z.string().trim().max(40).nullable().optional(),
  })
  .transform((v) => ({ ...v, expireSeconds: v.kind === 'temporary' ? (v.expireSeconds ?? 7 * 86_400) : undefined }));

/** Integer scenes: permanent codes take 1–100,000 (WeChat's range), temporary ones start above them. */
const FIRST_TEMPORARY_SCENE = 100_001;
const MAX_SCENE_ID = 0xffff_ffff;
const POSTER_MAX_BYTES = 2 * 1024 * 1024;
const QR_LOCK = 7301;

interface ChannelRow {
  id: number;
  name: string;
  note: string | null;
  welcome: QrChannelView['welcome'];
  welcome_mode: 'random' | 'all';
  tag_ids: number[];
  caption: string | null;
  enabled: boolean;
  has_poster: boolean;
  created_at: Date;
  code_count: number;
  scans: number;
  follows: number;
  unfollowed: number;
  eligible7: number;
  retained7: number;
  eligible30: number;
  retained30: number;
}

interface CodeRow {
  id: number;
  channel_id: number;
  label: string | null;
  kind: 'temporary' | 'permanent';
  scene_type: 'int' | 'str';
  scene: string;
  ticket: string;
  url: string;
  expires_at: Date | null;
  created_at: Date;
  scans: number;
  follows: number;
}

const CHANNEL_SELECT = `
  select c.id, c.name, c.note, c.welcome, c.welcome_mode, c.tag_ids, c.caption, c.enabled, c.poster_image is not null as has_poster, c.created_at,
         (select count(*)::int from qr_codes q where q.channel_id = c.id and q.ticket is not null) as code_count,
         coalesce(s.scans, 0) as scans, coalesce(s.follows, 0) as follows, coalesce(s.unfollowed, 0) as unfollowed,
         coalesce(s.eligible7, 0) as eligible7, coalesce(s.retained7, 0) as retained7,
         coalesce(s.eligible30, 0) as eligible30, coalesce(s.retained30, 0) as retained30
    from qr_channels c
    left join lateral (
      select count(*)::int as scans,
             count(*) filter (where kind = 'subscribe')::int as follows,
             count(*) filter (where kind = 'subscribe' and unfollowed_at is not null)::int as unfollowed,
             count(*) filter (where kind = 'subscribe' and scanned_at <= now() - interval '7 days')::int as eligible7,
             count(*) filter (where kind = 'subscribe' and scanned_at <= now() - interval '7 days'
                                and (unfollowed_at is null or unfollowed_at > scanned_at + interval '7 days'))::int as retained7,
             count(*) filter (where kind = 'subscribe' and scanned_at <= now() - interval '30 days')::int as eligible30,
             count(*) filter (where kind = 'subscribe' and scanned_at <= now() - interval '30 days'
                                and (unfollowed_at is null or unfollowed_at > scanned_at + interval '30 days'))::int as retained30
        from qr_scans where channel_id = c.id
    ) s on true`;

/**
 * QR channels (渠道二维码): codes whose scenes the platform allocates, fans attributed to the channel on
 * follow and scan (first and last touch), tagged with its tags and welcomed with its own welcome.
 */
export class QrChannelsService {
  constructor(
    private readonly db: Database,
    private readonly tokens: TokenBroker,
  ) {}

  async list(accountId: number): Promise<QrChannelView[]> {
    const rows = await this.db.query<ChannelRow>(`${CHANNEL_SELECT} where c.account_id = $1 and c.deleted_at is null order by c.id`, [accountId]);
    return rows.map(presentChannel);
  }

  async get(accountId: number, channelId: number): Promise<QrChannelView> {
    const [row] = await this.db.query<ChannelRow>(`${CHANNEL_SELECT} where c.account_id = $1 and c.id = $2 and c.deleted_at is null`, [accountId, channelId]);
    if (!row) throw new AppError('QR_CHANNEL_NOT_FOUND', { channelId });
    return presentChannel(row);
  }

  async save(accountId: number, channelId: number | null, raw: QrChannelInput): Promise<QrChannelView> {
    const input = channelInput.parse(raw);
    await checkFlowRefs(this.db, accountId, input.welcome, 'welcome');
    if (input.tagIds.length) {
      const found = await this.db.query<{ id: number }>('select id from tags where account_id = $1 and id = any($2::int[])', [accountId, input.tagIds]);
      if (found.length !== new Set(input.tagIds).size) throw new AppError('VALIDATION_FAILED', [{ path: 'tagIds', message: said('unknownTag') }]);
    }
    const nameTaken = () => new AppError('VALIDATION_FAILED', [{ path: 'name', message: said('channelNameTaken') }]);
    const taken = await this.db.query('select 1 from qr_channels where account_id = $1 and name = $2 and deleted_at is null and id <> coalesce($3, 0)', [accountId, input.name, channelId]);
    if (taken.length) throw nameTaken();
    const values = [input.name, input.note ?? null, JSON.stringify(input.welcome), input.welcomeMode, input.tagIds, input.caption ?? null, input.enabled];
    const [row] = await this.write(accountId, channelId, values).catch((error: unknown) => {
      // Two saves with one name at once: the unique index decides, the loser hears why.
      if ((error as { code?: string }).code === '23505') throw nameTaken();
      throw error;
    });
    if (!row) throw new AppError('QR_CHANNEL_NOT_FOUND', { channelId });
    return this.get(accountId, row.id);
  }

  private write(accountId: number, channelId: number | null, values: unknown[]): Promise<Array<{ id: number }>> {
    return channelId === null
      ? this.db.query<{ id: number }>(
            'insert into qr_channels (account_id, name, note, welcome, welcome_mode, tag_ids, caption, enabled) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id',
            [accountId, ...values],
          )
        : this.db.query<{ id: number }>(
            `update qr_channels set name = $3, note = $4, welcome = $5, welcome_mode = $6, tag_ids = $7, caption = $8, enabled = $9, updated_at = now()
              where account_id = $1 and id = $2 and deleted_at is null returning id`,
            [accountId, channelId, ...values],
          );
  }

  /** Hides the channel. Its codes stay reserved (they are printed somewhere) and stop attributing. */
  async remove(accountId: number, channelId: number): Promise<void> {
    const rows = await this.db.query('update qr_channels set deleted_at = now() where account_id = $1 and id = $2 and deleted_at is null returning id', [accountId, channelId]);
    if (!rows.length) throw new AppError('QR_CHANNEL_NOT_FOUND', { channelId });
  }

  async codes(accountId: number, channelId: number): Promise<QrCodeView[]> {
    await this.get(accountId, channelId);
    const rows = await this.db.query<CodeRow>(
      `select q.*, coalesce(s.scans, 0) as scans, coalesce(s.follows, 0) as follows
         from qr_codes q
         left join lateral (select count(*)::int as scans, count(*) filter (where kind = 'subscribe')::int as follows from qr_scans where code_id = q.id) s on true
        where q.account_id = $1 and q.channel_id = $2 and q.ticket is not null order by q.id desc`,
      [accountId, channelId],
    );
    return rows.map(presentCode);
  }

  async code(accountId: number, codeId: number): Promise<QrCodeView & { channelName: string; caption: string | null }> {
    const [row] = await this.db.query<CodeRow & { channel_name: string; caption: string | null }>(
      `select q.*, 0 as scans, 0 as follows, c.name as channel_name, c.caption
         from qr_codes q join qr_channels c on c.id = q.channel_id
        where q.account_id = $1 and q.id = $2 and q.ticket is not null`,
      [accountId, codeId],
    );
    if (!row) throw new AppError('QR_CODE_NOT_FOUND', { codeId });
    return { ...presentCode(row), channelName: row.channel_name, caption: row.caption };
  }

  /**
   * Creates a code: the scene is reserved first under a per-account lock (so no two codes, on any node,
   * share one), then WeChat is asked for the ticket; if WeChat refuses, the reservation is released.
   */
  async createCode(accountId: number, channelId: number, raw: QrCodeInput): Promise<QrCodeView> {
    const input = codeInput.parse(raw);
    await this.get(accountId, channelId);
    const reserved = await this.db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1, $2)', [QR_LOCK, accountId]);
      if (input.kind === 'permanent') {
        const [{ n } = { n: 0 }] = await tx.query<{ n: number }>("select count(*)::int as n from qr_codes where account_id = $1 and kind = 'permanent'", [accountId]);
        if (n >= QR_MAX_PERMANENT) throw new AppError('QR_PERMANENT_QUOTA');
      }
      const [{ id }] = (await tx.query<{ id: number }>("select nextval(pg_get_serial_sequence('qr_codes', 'id'))::int as id")) as [{ id: number }];
      let sceneId: number | null = null;
      let scene: string;
      if (input.sceneType === 'int') {
        const [{ last }] = (await tx.query<{ last: number | null }>(
          'select max(scene_id)::bigint as last from qr_codes where account_id = $1 and kind = $2 and scene_type = $3',
          [accountId, input.kind, 'int'],
        )) as [{ last: number | null }];
        // Permanent codes printed before this platform (WeChat's console, an earlier tool) show up as the
        // QR scenes of fans who followed through them: start above those, never on top of a printed code.
        const [{ seen }] = (await tx.query<{ seen: number | null }>(
          `select max(qr_scene::bigint) as seen from fans where account_id = $1 and qr_scene ~ '^[0-9]{1,6}$' and qr_scene::bigint <= $2`,
          [accountId, QR_MAX_PERMANENT],
        )) as [{ seen: number | null }];
        const floor = input.kind === 'permanent' ? Math.max(Number(last ?? 0), Number(seen ?? 0)) : Number(last ?? FIRST_TEMPORARY_SCENE - 1);
        sceneId = floor + 1;
        if (sceneId > (input.kind === 'permanent' ? QR_MAX_PERMANENT : MAX_SCENE_ID)) throw new AppError('QR_PERMANENT_QUOTA');
        scene = String(sceneId);
      } else {
        // Never all digits, so it cannot meet an integer scene in a SCAN push.
        scene = `zg${channelId}_${id.toString(36)}`;
      }
      await tx.query(
        'insert into qr_codes (id, account_id, channel_id, label, kind, scene_type, scene_id, scene) values ($1, $2, $3, $4, $5, $6, $7, $8)',
        [id, accountId, channelId, input.label ?? null, input.kind, input.sceneType, sceneId, scene],
      );
      return { id, sceneId, scene };
    });
    const request: QrCodeRequest =
      input.kind === 'permanent'
        ? input.sceneType === 'int'
          ? { action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: reserved.sceneId! } } }
          : { action_name: 'QR_LIMIT_STR_SCENE', action_info: { scene: { scene_str: reserved.scene } } }
        : input.sceneType === 'int'
          ? { action_name: 'QR_SCENE', expire_seconds: input.expireSeconds!, action_info: { scene: { scene_id: reserved.sceneId! } } }
          : { action_name: 'QR_STR_SCENE', expire_seconds: input.expireSeconds!, action_info: { scene: { scene_str: reserved.scene } } };
    try {
      const answer = await this.tokens.clientFor(accountId).qrcodes.create(request);
      const expiresAt = answer.expire_seconds ? new Date(Date.now() + answer.expire_seconds * 1000) : null;
      await this.db.query('update qr_codes set ticket = $2, url = $3, expires_at = $4 where id = $1', [reserved.id, answer.ticket, answer.url, expiresAt]);
    } catch (error) {
      // The scene was never used: keeping the row would only leave a hole in the list.
      await this.db.query('delete from qr_codes where id = $1 and ticket is null', [reserved.id]);
      throw error;
    }
    return (await this.codes(accountId, channelId)).find((code) => code.id === reserved.id)!;
  }

  /** The channel behind a scene, for the webhook (only enabled channels attribute, tag and welcome). */
  async channelFor(accountId: number, scene: string): Promise<ChannelHit | null> {
    const [row] = await this.db.query<{ code_id: number; channel_id: number; name: string; welcome: ChannelHit['welcome']; welcome_mode: 'random' | 'all'; tag_ids: number[]; wechat_tag_ids: number[] }>(
      `select q.id as code_id, c.id as channel_id, c.name, c.welcome, c.welcome_mode, c.tag_ids,
              coalesce((select array_agg(t.wechat_tag_id) from tags t where t.account_id = c.account_id and t.id = any(c.tag_ids) and t.wechat_tag_id is not null), '{}') as wechat_tag_ids
         from qr_codes q join qr_channels c on c.id = q.channel_id
        where q.account_id = $1 and q.scene = $2 and c.enabled and c.deleted_at is null`,
      [accountId, scene],
    );
    if (!row) return null;
    return { channelId: row.channel_id, codeId: row.code_id, name: row.name, welcome: row.welcome, welcomeMode: row.welcome_mode, tagIds: row.tag_ids, wechatTagIds: row.wechat_tag_ids };
  }

  /** Tags a fan who came through a channel on WeChat too (the local tags were written with the push). */
  async tagOnWechat(accountId: number, openid: string, wechatTagIds: number[]): Promise<void> {
    const client = this.tokens.clientFor(accountId);
    for (const tagId of wechatTagIds) await client.tags.tagFans(tagId, [openid]);
  }

  /** Daily scans and follows per channel over the last `days` local days. */
  async series(accountId: number, timezone: string, days: number): Promise<QrChannelSeries> {
    const labels = Array.from({ length: days }, (_, i) => localDate(new Date(Date.now() - (days - 1 - i) * 86_400_000), timezone));
    const rows = await this.db.query<{ channel_id: number; day: string; scans: number; follows: number }>(
      `select s.channel_id, to_char((s.scanned_at at time zone $2)::date, 'YYYY-MM-DD') as day,
              count(*)::int as scans, count(*) filter (where s.kind = 'subscribe')::int as follows
         from qr_scans s join qr_channels c on c.id = s.channel_id and c.deleted_at is null
        where s.account_id = $1 and s.scanned_at >= $3::date::timestamp at time zone $2
        group by 1, 2`,
      [accountId, timezone, labels[0]],
    );
    const channels = await this.db.query<{ id: number; name: string }>('select id, name from qr_channels where account_id = $1 and deleted_at is null order by id', [accountId]);
    const index = new Map(labels.map((day, i) => [day, i]));
    const series = new Map(channels.map((c) => [c.id, { id: c.id, name: c.name, scans: labels.map(() => 0), follows: labels.map(() => 0) }]));
    for (const row of rows) {
      const at = index.get(row.day);
      const s = series.get(row.channel_id);
      if (at === undefined || !s) continue;
      s.scans[at] = row.scans;
      s.follows[at] = row.follows;
    }
    return { days: labels, channels: [...series.values()] };
  }

  /** The channel table as CSV (UTF-8 with BOM, so Excel opens the Chinese right). */
  async exportCsv(accountId: number): Promise<string> {
    const channels = await this.list(accountId);
    const pct = (r: { eligible: number; retained: number }) => (r.eligible ? `${((r.retained / r.eligible) * 100).toFixed(1)}%` : '');
    const lines = [
      csvLine(['渠道', '备注', '二维码数', '扫码次数', '新增关注', '后来取关', '7日留存', '7日留存率', '30日留存', '30日留存率']),
      ...channels.map((c) =>
        csvLine([c.name, c.note ?? '', c.codeCount, c.stats.scans, c.stats.newFollows, c.stats.unfollowed, `${c.stats.retained7.retained}/${c.stats.retained7.eligible}`, pct(c.stats.retained7), `${c.stats.retained30.retained}/${c.stats.retained30.eligible}`, pct(c.stats.retained30)]),
      ),
    ];
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }

  async setPoster(accountId: number, channelId: number, data: Buffer | null): Promise<QrChannelView> {
    let type: string | null = null;
    if (data) {
      type = imageType(data);
      if (!type || data.length > POSTER_MAX_BYTES) throw new AppError('POSTER_INVALID');
    }
    const rows = await this.db.query('update qr_channels set poster_image = $3, poster_type = $4, updated_at = now() where account_id = $1 and id = $2 and deleted_at is null returning id', [accountId, channelId, data, type]);
    if (!rows.length) throw new AppError('QR_CHANNEL_NOT_FOUND', { channelId });
    return this.get(accountId, channelId);
  }

  async poster(accountId: number, codeId: number): Promise<string> {
    const code = await this.code(accountId, codeId);
    const [row] = await this.db.query<{ poster_image: Buffer | Uint8Array | null; poster_type: string | null }>('select poster_image, poster_type from qr_channels where id = $1', [code.channelId]);
    const background = row?.poster_image && row.poster_type ? { data: Buffer.from(row.poster_image), type: row.poster_type } : null;
    return posterSvg({ content: code.url, caption: code.caption ?? '', title: code.channelName, background });
  }
}

function presentChannel(row: ChannelRow): QrChannelView {
  return {
    id: row.id,
    name: row.name,
    note: row.note,
    welcome: row.welcome,
    welcomeMode: row.welcome_mode,
    tagIds: row.tag_ids,
    caption: row.caption,
    enabled: row.enabled,
    hasPoster: row.has_poster,
    codeCount: row.code_count,
    stats: {
      scans: row.scans,
      newFollows: row.follows,
      unfollowed: row.unfollowed,
      retained7: { eligible: row.eligible7, retained: row.retained7 },
      retained30: { eligible: row.eligible30, retained: row.retained30 },
    },
    createdAt: new Date(row.created_at).toISOString(),
  };
}

function presentCode(row: CodeRow): QrCodeView {
  return {
    id: row.id,
    channelId: row.channel_id,
    label: row.label,
    kind: row.kind,
    sceneType: row.scene_type,
    scene: row.scene,
    ticket: row.ticket,
    url: row.url,
    expiresAt: row.expires_at ? new Date(row.expires_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    scans: row.scans,
    follows: row.follows,
  };
}
