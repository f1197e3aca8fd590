import type { FlowInput, FlowSubmission, FlowView, Page } from '@zhanggui/shared';
import { api, listOf } from './client.ts';

const base = (accountId: number) => `/accounts/${accountId}/flows`;

/** Conversation flows (numbered menus, quizzes, orders by chat) and what fans submitted through them. */
export const flowsApi = {
  list: (accountId: number, signal?: AbortSignal) => api.get<FlowView[] | { items: FlowView[] }>(base(accountId), undefined, signal).then(listOf),
  get: (accountId: number, flowId: number, signal?: AbortSignal) => api.get<FlowView>(`${base(accountId)}/${flowId}`, undefined, signal),
  create: (accountId: number, input: FlowInput) => api.post<FlowView>(base(accountId), input),
  update: (accountId: number, flowId: number, input: FlowInput) => api.put<FlowView>(`${base(accountId)}/${flowId}`, input),
  remove: (accountId: number, flowId: number) => api.delete<void>(`${base(accountId)}/${flowId}`),
  submissions: (accountId: number, flowId: number, cursor: string | null) =>
    api.get<Page<FlowSubmission>>(`${base(accountId)}/${flowId}/submissions`, { cursor }),
};

/** A flow as the input the server takes back. */
export function flowInputOf(flow: FlowView): FlowInput {
  const { id: _id, stats: _stats, createdAt: _created, updatedAt: _updated, finishers, ...input } = flow;
  return finishers ? { ...input, finishers } : input;
}
