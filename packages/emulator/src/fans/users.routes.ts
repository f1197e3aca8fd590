import type { FastifyInstance } from 'fastify';
import type { AccountState } from '../accounts/account-state.ts';
import { WxError } from '../core/wx-error.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import { ok, registerApi } from '../http/api-route.ts';

/** Follower list pages hold at most 10,000 openids (§4.7). */
export const FOLLOWER_PAGE = 10_000;
const BATCH_INFO_MAX = 100;
const REMARK_MAX_CHARS = 30;

/** user/info for one fan: only `subscribe` and `openid` once the fan does not follow (§4.7). */
export function userInfo(account: AccountState, fan: number): Record<string, unknown> {
  const snapshot = account.fans.snapshot(fan);
  if (!snapshot.subscribed) return { subscribe: 0, openid: snapshot.openid };
  return {
    subscribe: 1,
    openid: snapshot.openid,
    language: snapshot.language,
    subscribe_time: snapshot.subscribeTime,
    remark: snapshot.remark,
    groupid: 0,
    tagid_list: account.tags.tagsOf(fan),
    subscribe_scene: snapshot.subscribeScene,
    qr_scene: snapshot.qrScene,
    qr_scene_str: snapshot.qrSceneStr,
  };
}

/** One page of openids after `after` (exclusive); the end of the list is `count: 0` with no `data` (§4.7 quirk). */
export function openidPage(account: AccountState, indices: number[], total: number | undefined): Record<string, unknown> {
  const head = total === undefined ? {} : { total };
  if (indices.length === 0) return { ...head, count: 0, next_openid: '' };
  const openids = account.fans.openids(indices);
  return { ...head, count: openids.length, data: { openid: openids }, next_openid: openids.at(-1) };
}

export function registerUserRoutes(app: FastifyInstance, core: EmulatorCore): void {
  const fanIndex = (account: AccountState, openid: unknown) => core.accounts.fanIndex(account, openid);

  registerApi(app, core, {
    method: 'GET',
    path: '/cgi-bin/user/get',
    capability: 'users',
    handler: ({ account, query }) => {
      const from = query.next_openid ? fanIndex(account, query.next_openid) + 1 : 0;
      return openidPage(account, account.fans.subscribedFrom(from, FOLLOWER_PAGE), account.fans.subscribedCount);
    },
  });

  registerApi(app, core, {
    method: 'GET',
    path: '/cgi-bin/user/info',
    capability: 'users',
    handler: ({ account, query }) => userInfo(account, fanIndex(account, query.openid)),
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/user/info/batchget',
    capability: 'users',
    handler: ({ account, body }) => {
      const list = body.user_list;
      if (!Array.isArray(list) || list.length === 0 || list.length > BATCH_INFO_MAX) throw new WxError(40032);
      const fans = list.map((item) => fanIndex(account, (item as { openid?: unknown })?.openid));
      return { user_info_list: fans.map((fan) => userInfo(account, fan)) };
    },
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/user/info/updateremark',
    capability: 'users',
    handler: ({ account, body }) => {
      const fan = fanIndex(account, body.openid);
      if (typeof body.remark !== 'string') throw new WxError(47003, 'argument invalid! remark');
      // The remark must be shorter than 30 characters (§4.7).
      if ([...body.remark].length >= REMARK_MAX_CHARS) throw new WxError(47003, 'argument invalid! remark too long');
      account.fans.setRemark(fan, body.remark);
      core.changed();
      return ok();
    },
  });
}
