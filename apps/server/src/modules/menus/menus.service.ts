import { MENU_BUTTON_TYPES, menuIssues, type MenuButton, type MenuClickStats, type MenuSet, type MenuState, type MenuTryMatchResult } from '@zhanggui/shared';
import { WechatApiError, type MatchRule } from '@zhanggui/wechat';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { said } from '../../platform/http/validation-messages.ts';
import { KeyedQueue } from '../../wechat-gateway/keyed-queue.ts';
import type { TokenBroker } from '../../wechat-gateway/token-broker.ts';
import { ACCOUNT_CHANGED } from '../accounts/accounts.service.ts';
import { replyActionSchema } from '../replies/replies.schema.ts';
import { checkFlowRefs } from '../replies/replies.service.ts';
import { localDate } from '../stats/stats.service.ts';
import type { TagsService } from '../tags/tags.service.ts';
import { buttonsByKey, eventKeyOf, fillKeys, fromWechat, leaves, toWechat } from './menu-convert.ts';

// The shape only; WeChat's limits are checked by menuIssues, which says what is wrong in words.
const leafSchema = z.object({
  name: z.string().trim().max(200),
  type: z.enum(MENU_BUTTON_TYPES).optional(),
  key: z.string().trim().max(400).optional(),
  url: z.string().trim().max(4000).optional(),
  appid: z.string().trim().max(100).optional(),
  pagepath: z.string().trim().max(1000).optional(),
  mediaId: z.string().trim().max(200).optional(),
  articleId: z.string().trim().max(200).optional(),
  replies: z.array(replyActionSchema).max(8).optional(),
  replyMode: z.enum(['random', 'all']).optional(),
});
const buttonSchema = leafSchema.extend({ subButtons: z.array(leafSchema).max(10).optional() });
const menuSetSchema = z.object({
  buttons: z.array(buttonSchema).max(10),
  conditional: z
    .array(
      z.object({
        id: z.string().min(1).max(40),
        name: z.string().trim().max(60),
        matchRule: z.object({
          tagId: z.number().int().positive().nullable().optional(),
          clientPlatformType: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable().optional(),
        }),
        buttons: z.array(buttonSchema).max(10),
      }),
    )
    .max(30)
    .refine((menus) => new Set(menus.map((m) => m.id)).size === menus.length, { error: said('menuIdsUnique') }),
});

const EMPTY: MenuSet = { buttons: [], conditional: [] };
/** WeChat: "no such menuid" on delconditional — already gone, which is what we wanted. */
const NO_SUCH_MENU = 65301;
const NO_MENU = 46003;

interface MenuRow {
  draft: MenuSet;
  published: MenuSet | null;
  wechat_menu_ids: Record<string, string>;
  published_at: Date | null;
  updated_at: Date;
}

/**
 * Custom menus (自定义菜单): a draft checked against WeChat's limits, published as the default menu plus
 * the personalised menus (tag / phone system), imported back from WeChat, and counted per tap.
 */
export class MenusService {
  /** One publish per account at a time on this node (a double click must not leave two sets of personalised menus). */
  private readonly publishing = new KeyedQueue();

  constructor(
    private readonly db: Database,
    private readonly tokens: TokenBroker,
    private readonly tags: TagsService,
  ) {}

  async state(accountId: number): Promise<MenuState> {
    return present(await this.row(accountId));
  }

  /** The published menu (what fans tap), for the webhook's answers to key buttons. */
  async published(accountId: number): Promise<MenuSet | null> {
    return (await this.row(accountId))?.published ?? null;
  }

  /** Saves the draft as it is, unfinished or not (publishing checks WeChat's limits); flows must be this account's. */
  async saveDraft(accountId: number, raw: unknown): Promise<MenuState> {
    const draft = fillKeys(menuSetSchema.parse(raw) as MenuSet);
    await checkFlowRefs(this.db, accountId, leaves(draft).flatMap(({ button }) => button.replies ?? []), 'replies');
    const [row] = await this.db.query<MenuRow>(
      `insert into account_menus (account_id, draft) values ($1, $2)
       on conflict (account_id) do update set draft = excluded.draft, updated_at = now()
       returning *`,
      [accountId, JSON.stringify(draft)],
    );
    return present(row!);
  }

  /**
   * Publishes the saved draft: menu/create replaces the default menu, the personalised menus published
   * before are deleted (there is no edit call) and the draft's are added, newest last.
   */
  async publish(accountId: number): Promise<MenuState> {
    return this.publishing.run(String(accountId), () => this.publishNow(accountId));
  }

  private async publishNow(accountId: number): Promise<MenuState> {
    const draft = (await this.row(accountId))?.draft ?? EMPTY;
    if (draft.buttons.length === 0) throw new AppError('MENU_EMPTY');
    await this.check(accountId, draft);
    const wechatTag = await this.wechatTagIds(accountId);
    const client = this.tokens.clientFor(accountId);
    await client.menus.create({ button: toWechat(draft.buttons) });
    const ids: Record<string, string> = {};
    try {
      // The personalised menus to replace are the ones WeChat has now, whoever published them.
      const current = await client.menus.get();
      for (const menu of current.conditionalmenu ?? []) {
        if (!menu.menuid) continue;
        try {
          await client.menus.deleteConditional(menu.menuid);
        } catch (error) {
          if (!(error instanceof WechatApiError && error.errcode === NO_SUCH_MENU)) throw error;
        }
      }
      for (const menu of draft.conditional) {
        const matchrule: MatchRule = {};
        if (menu.matchRule.tagId != null) matchrule.tag_id = String(wechatTag.get(menu.matchRule.tagId));
        if (menu.matchRule.clientPlatformType != null) matchrule.client_platform_type = String(menu.matchRule.clientPlatformType);
        ids[menu.id] = (await client.menus.addConditional({ button: toWechat(menu.buttons), matchrule })).menuid;
      }
    } finally {
      // The default menu is on WeChat from here on, with whichever personalised menus were added.
      const published: MenuSet = { buttons: draft.buttons, conditional: draft.conditional.filter((menu) => ids[menu.id]) };
      await this.db.query('update account_menus set published = $2, wechat_menu_ids = $3, published_at = now() where account_id = $1', [accountId, JSON.stringify(published), JSON.stringify(ids)]);
      await this.db.notify(ACCOUNT_CHANGED, String(accountId));
    }
    return this.state(accountId);
  }

  /** Replaces draft and published with WeChat's current menus; replies of keys we knew are kept. */
  async importFromWechat(accountId: number): Promise<MenuState> {
    const row = await this.row(accountId);
    let got: Awaited<ReturnType<ReturnType<TokenBroker['clientFor']>['menus']['get']>> | null = null;
    try {
      got = await this.tokens.clientFor(accountId).menus.get();
    } catch (error) {
      if (!(error instanceof WechatApiError && error.errcode === NO_MENU)) throw error;
    }
    const known = new Map([...buttonsByKey(row?.published ?? null), ...buttonsByKey(row?.draft ?? null)]);
    const conditional = got?.conditionalmenu ?? [];
    const byWechatTag = conditional.some((menu) => menu.matchrule.tag_id) ? await this.tags.syncFromWechat(accountId) : new Map<number, number>();
    const ids: Record<string, string> = {};
    const set: MenuSet = {
      buttons: got ? fromWechat(got.menu.button, known) : [],
      conditional: conditional.map((menu, i) => {
        const id = `wx${menu.menuid ?? i}`;
        if (menu.menuid) ids[id] = menu.menuid;
        const platform = Number(menu.matchrule.client_platform_type);
        return {
          id,
          name: `个性化菜单 ${i + 1}`,
          matchRule: {
            tagId: menu.matchrule.tag_id ? (byWechatTag.get(Number(menu.matchrule.tag_id)) ?? null) : null,
            clientPlatformType: platform === 1 || platform === 2 || platform === 3 ? platform : null,
          },
          buttons: fromWechat(menu.button, known),
        };
      }),
    };
    const published = got ? set : null;
    const [saved] = await this.db.query<MenuRow>(
      `insert into account_menus (account_id, draft, published, wechat_menu_ids, published_at) values ($1, $2, $3, $4, case when $3::jsonb is null then null else now() end)
       on conflict (account_id) do update set draft = excluded.draft, published = excluded.published, wechat_menu_ids = excluded.wechat_menu_ids,
         published_at = excluded.published_at, updated_at = now()
       returning *`,
      [accountId, JSON.stringify(set), published ? JSON.stringify(published) : null, JSON.stringify(ids)],
    );
    await this.db.notify(ACCOUNT_CHANGED, String(accountId));
    return present(saved!);
  }

  /** Which menu a fan sees, by WeChat's own matching (trymatch). */
  async tryMatch(accountId: number, openid: string): Promise<MenuTryMatchResult> {
    const { button } = await this.tokens.clientFor(accountId).menus.tryMatch(openid);
    const buttons = fromWechat(button);
    const published = (await this.row(accountId))?.published;
    const same = (a: MenuButton[]) => JSON.stringify(toWechat(fromWechat(toWechat(a)))) === JSON.stringify(toWechat(buttons));
    // Personalised menus match newest first; the default menu may look the same as one of them.
    const matched = [...(published?.conditional ?? [])].reverse().find((menu) => same(menu.buttons));
    return { openid, buttons, matched: matched ? { id: matched.id, name: matched.name } : null };
  }

  /** Taps per button per local day over the last `days` days (published buttons, else the draft's). */
  async clickStats(accountId: number, timezone: string, days: number): Promise<MenuClickStats> {
    const row = await this.row(accountId);
    const set = row?.published ?? row?.draft ?? EMPTY;
    const labels = Array.from({ length: days }, (_, i) => localDate(new Date(Date.now() - (days - 1 - i) * 86_400_000), timezone));
    const buttons = new Map<string, MenuClickStats['buttons'][number]>();
    for (const { menu, button } of leaves(set)) {
      const key = eventKeyOf(button);
      if (key && button.type && !buttons.has(key)) buttons.set(key, { key, name: button.name, menu, type: button.type, total: 0, daily: labels.map(() => 0) });
    }
    const rows = await this.db.query<{ event_key: string; day: string; clicks: number }>(
      `select event_key, to_char(day, 'YYYY-MM-DD') as day, clicks from menu_clicks
        where account_id = $1 and day >= $2::date and event_key = any($3::text[])`,
      [accountId, labels[0], [...buttons.keys()]],
    );
    const index = new Map(labels.map((day, i) => [day, i]));
    for (const row of rows) {
      const stats = buttons.get(row.event_key);
      const at = index.get(row.day);
      if (!stats || at === undefined) continue;
      stats.daily[at] = row.clicks;
      stats.total += row.clicks;
    }
    return { days: labels, buttons: [...buttons.values()].sort((a, b) => b.total - a.total) };
  }

  /** WeChat's limits in words, replies that start this account's flows only, tags that exist on WeChat. */
  private async check(accountId: number, set: MenuSet): Promise<void> {
    const issues = menuIssues(set);
    if (issues.length) throw new AppError('MENU_INVALID', { issues });
    const replies = leaves(set).flatMap(({ button }) => button.replies ?? []);
    await checkFlowRefs(this.db, accountId, replies, 'replies');
    const tagIds = set.conditional.flatMap((menu) => (menu.matchRule.tagId != null ? [menu.matchRule.tagId] : []));
    if (tagIds.length) {
      const wechatTag = await this.wechatTagIds(accountId);
      const missing = set.conditional.findIndex((menu) => menu.matchRule.tagId != null && !wechatTag.has(menu.matchRule.tagId));
      if (missing >= 0) {
        throw new AppError('MENU_INVALID', {
          issues: [{ path: ['conditional', missing, 'matchRule'], code: 'RULE_EMPTY', zh: '所选标签不存在或未同步到微信', en: 'The chosen tag does not exist on WeChat' }],
        });
      }
    }
  }

  private async wechatTagIds(accountId: number): Promise<Map<number, number>> {
    const rows = await this.db.query<{ id: number; wechat_tag_id: number }>('select id, wechat_tag_id from tags where account_id = $1 and wechat_tag_id is not null', [accountId]);
    return new Map(rows.map((row) => [row.id, row.wechat_tag_id]));
  }

  private async row(accountId: number): Promise<MenuRow | null> {
    const [row] = await this.db.query<MenuRow>('select * from account_menus where account_id = $1', [accountId]);
    return row ?? null;
  }
}

function present(row: MenuRow | null): MenuState {
  if (!row) return { draft: EMPTY, published: null, publishedAt: null, dirty: false, updatedAt: null };
  return {
    draft: row.draft,
    published: row.published,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    dirty: JSON.stringify(row.draft) !== JSON.stringify(row.published),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
