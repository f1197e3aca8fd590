import type { AudienceEstimate, BroadcastInput, BroadcastView, QuotaLedger } from '@zhanggui/shared';
import { api, listOf } from './client.ts';

const base = (accountId: number) => `/accounts/${accountId}/broadcasts`;

/** Broadcasts (群发): the list and reports, the quota ledger, audience estimates, create, approve, cancel. */
export const broadcastsApi = {
  list: (accountId: number, signal?: AbortSignal) => api.get<BroadcastView[] | { items: BroadcastView[] }>(base(accountId), undefined, signal).then(listOf),
  get: (accountId: number, broadcastId: number) => api.get<BroadcastView>(`${base(accountId)}/${broadcastId}`),
  quota: (accountId: number, signal?: AbortSignal) => api.get<QuotaLedger>(`${base(accountId)}/quota`, undefined, signal),
  /** 409 BROADCAST_TARGET_NOT_ALLOWED / BROADCAST_NOT_ALLOWED when the account may not send this way. */
  estimate: (accountId: number, input: Pick<BroadcastInput, 'target' | 'options'>) => api.post<AudienceEstimate>(`${base(accountId)}/estimate`, input),
  /** 201 with status pending_approval (the account requires approval) or scheduled. */
  create: (accountId: number, input: BroadcastInput) => api.post<BroadcastView>(base(accountId), input),
  approve: (accountId: number, broadcastId: number) => api.post<BroadcastView>(`${base(accountId)}/${broadcastId}/approve`),
  cancel: (accountId: number, broadcastId: number) => api.post<BroadcastView>(`${base(accountId)}/${broadcastId}/cancel`),
};
