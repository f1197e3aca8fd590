import type { FastifyInstance } from 'fastify';
import type { AccountState } from '../accounts/account-state.ts';
import { WxError } from '../core/wx-error.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import { openidPage, FOLLOWER_PAGE } from '../fans/users.routes.ts';
import { ok, registerApi, type Json } from '../http/api-route.ts';

const TAGGING_MAX = 50;
const BLACKLIST_BATCH_MAX = 20;
/** Blacklist page size: old docs 10,000, new doc 1,000 (§4.6 [ambiguous]); we page by 10,000. */
export const BLACKLIST_PAGE = 10_000;

const tagOf = (body: Json) => (body.tag ?? {}) as { id?: unknown; name?: unknown };

export function registerTagRoutes(app: FastifyInstance, core: EmulatorCore): void {
  /** Openids of a batch call, all or nothing: 40032 size, 40003 unknown, 49003 another account's. */
  const batch = (account: AccountState, list: unknown, max: number): number[] => {
    if (!Array.isArray(list) || list.length === 0 || list.length > max) throw new WxError(40032);
    return list.map((openid) => core.accounts.fanIndex(account, openid, 49003));
  };
  const changed = <T>(value: T): T => {
    core.changed();
    return value;
  };

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/tags/create',
    capability: 'users',
    rawUnicodeOnly: true,
    handler: ({ account, body }) => changed({ tag: account.tags.create(tagOf(body).name) }),
  });

  registerApi(app, core, {
    method: 'GET',
    path: '/cgi-bin/tags/get',
    capability: 'users',
    handler: ({ account }) => ({ tags: account.tags.list() }),
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/tags/update',
    capability: 'users',
    rawUnicodeOnly: true,
    handler: ({ account, body }) => {
      account.tags.rename(tagOf(body).id, tagOf(body).name);
      return changed(ok());
    },
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/tags/delete',
    capability: 'users',
    handler: ({ account, body }) => {
      account.tags.delete(tagOf(body).id);
      return changed(ok());
    },
  });

  for (const [path, tagging] of [
    ['/cgi-bin/tags/members/batchtagging', true],
    ['/cgi-bin/tags/members/batchuntagging', false],
  ] as const) {
    registerApi(app, core, {
      method: 'POST',
      path,
      capability: 'users',
      handler: ({ account, body }) => {
        if (!Array.isArray(body.openid_list) || body.openid_list.length > TAGGING_MAX) throw new WxError(40032);
        if (!account.tags.has(body.tagid) || body.tagid === 0 || body.tagid === 1) throw new WxError(45159);
        const fans = batch(account, body.openid_list, TAGGING_MAX);
        if (tagging) account.tags.tag(fans, body.tagid);
        else account.tags.untag(fans, body.tagid);
        return changed(ok());
      },
    });
  }

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/tags/getidlist',
    capability: 'users',
    handler: ({ account, body }) => ({ tagid_list: account.tags.tagsOf(core.accounts.fanIndex(account, body.openid, 49003)) }),
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/user/tag/get',
    capability: 'users',
    handler: ({ account, body }) => {
      if (!account.tags.has(body.tagid)) throw new WxError(45159);
      const after = typeof body.next_openid === 'string' && body.next_openid ? core.accounts.fanIndex(account, body.next_openid) : -1;
      const fans = account.tags
        .membersOf(body.tagid)
        .filter((fan) => fan > after && account.fans.isSubscribed(fan))
        .slice(0, FOLLOWER_PAGE);
      return openidPage(account, fans, undefined);
    },
  });

  registerApi(app, core, {
    method: 'POST',
    path: '/cgi-bin/tags/members/getblacklist',
    capability: 'users',
    handler: ({ account, body }) => {
      const after = typeof body.begin_openid === 'string' && body.begin_openid ? core.accounts.fanIndex(account, body.begin_openid) : -1;
      const all = account.fans.blacklist();
      return openidPage(account, all.filter((fan) => fan > after).slice(0, BLACKLIST_PAGE), all.length);
    },
  });

  for (const [path, on] of [
    ['/cgi-bin/tags/members/batchblacklist', true],
    ['/cgi-bin/tags/members/batchunblacklist', false],
  ] as const) {
    registerApi(app, core, {
      method: 'POST',
      path,
      capability: 'users',
      handler: ({ account, body }) => {
        for (const fan of batch(account, body.openid_list, BLACKLIST_BATCH_MAX)) account.fans.setBlacklisted(fan, on);
        return changed(ok());
      },
    });
  }
}
