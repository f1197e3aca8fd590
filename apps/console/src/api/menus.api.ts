import type { MenuClickStats, MenuSet, MenuState, MenuTryMatchResult } from '@zhanggui/shared';
import { api } from './client.ts';

const base = (accountId: number) => `/accounts/${accountId}/menus`;

/** Custom menus: the draft (saved here first), publishing to WeChat, importing from it, trymatch and click counts. */
export const menusApi = {
  get: (accountId: number, signal?: AbortSignal) => api.get<MenuState>(base(accountId), undefined, signal),
  /** Saves the draft; empty keys of key-type buttons come back filled in. 400 MENU_INVALID with details.issues. */
  save: (accountId: number, draft: MenuSet) => api.put<MenuState>(base(accountId), draft),
  /** Publishes the saved draft. 400 MENU_INVALID; 502 WECHAT_API_FAILED with details.errcode. */
  publish: (accountId: number) => api.post<MenuState>(`${base(accountId)}/publish`),
  /** Replaces the draft and the published menu with what WeChat has now. */
  importFromWechat: (accountId: number) => api.post<MenuState>(`${base(accountId)}/import`),
  tryMatch: (accountId: number, openid: string) => api.post<MenuTryMatchResult>(`${base(accountId)}/try-match`, { openid }),
  stats: (accountId: number, days: number, signal?: AbortSignal) => api.get<MenuClickStats>(`${base(accountId)}/stats`, { days }, signal),
};
