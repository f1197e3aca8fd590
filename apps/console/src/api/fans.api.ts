import type { FanBatchInput, FanFilter, FanView, JobView, Page, TagView } from '@zhanggui/shared';
import { api, apiUrl, listOf } from './client.ts';
import type { MessagesPage } from './inbox.api.ts';

const base = (accountId: number) => `/accounts/${accountId}`;

/** FanFilter as query parameters (the same for the list, the count, the export and batch actions). */
export function fanFilterQuery(filter: FanFilter): Record<string, string | undefined> {
  return {
    tag: filter.tag === undefined ? undefined : String(filter.tag),
    subscribed: filter.subscribed === undefined ? undefined : String(filter.subscribed),
    source: filter.source,
    interactedAfter: filter.interactedAfter,
    interactedBefore: filter.interactedBefore,
    blacklisted: filter.blacklisted === undefined ? undefined : String(filter.blacklisted),
    member: filter.member === undefined ? undefined : String(filter.member),
    levelId: filter.levelId === undefined ? undefined : String(filter.levelId),
    gender: filter.gender,
    region: filter.region?.trim() || undefined,
    q: filter.q?.trim() || undefined,
  };
}

export type BatchResult = { affected: number } | JobView;

export const fansApi = {
  list: (accountId: number, filter: FanFilter, cursor: string | null, limit: number, signal?: AbortSignal) =>
    api.get<Page<FanView>>(`${base(accountId)}/fans`, { ...fanFilterQuery(filter), cursor, limit }, signal),
  count: (accountId: number, filter: FanFilter, signal?: AbortSignal) =>
    api.get<{ count: number }>(`${base(accountId)}/fans/count`, fanFilterQuery(filter), signal),
  exportUrl: (accountId: number, filter: FanFilter) => apiUrl(`${base(accountId)}/fans/export.csv`, fanFilterQuery(filter)),
  get: (accountId: number, fanId: number) => api.get<FanView>(`${base(accountId)}/fans/${fanId}`),
  timeline: (accountId: number, fanId: number, before: number | null) =>
    api.get<MessagesPage>(`${base(accountId)}/fans/${fanId}/timeline`, { before }),
  updateRemark: (accountId: number, fanId: number, remark: string) => api.patch<FanView>(`${base(accountId)}/fans/${fanId}`, { remark }),
  batch: (accountId: number, input: FanBatchInput) => api.post<BatchResult>(`${base(accountId)}/fans/batch`, input),
  sync: (accountId: number, mode: 'full' | 'incremental') => api.post<JobView>(`${base(accountId)}/fans/sync`, { mode }),
};

export const jobsApi = {
  get: (accountId: number, jobId: number) => api.get<JobView>(`${base(accountId)}/jobs/${jobId}`),
  cancel: (accountId: number, jobId: number) => api.post<JobView>(`${base(accountId)}/jobs/${jobId}/cancel`),
  latest: (accountId: number, kind: string) =>
    api.get<JobView[] | { items: JobView[] }>(`${base(accountId)}/jobs`, { kind }).then(listOf),
};

export const tagsApi = {
  list: (accountId: number) => api.get<TagView[] | { items: TagView[] }>(`${base(accountId)}/tags`).then(listOf),
  create: (accountId: number, name: string) => api.post<TagView>(`${base(accountId)}/tags`, { name }),
  rename: (accountId: number, tagId: number, name: string) => api.patch<TagView>(`${base(accountId)}/tags/${tagId}`, { name }),
  remove: (accountId: number, tagId: number) => api.delete<void>(`${base(accountId)}/tags/${tagId}`),
};
