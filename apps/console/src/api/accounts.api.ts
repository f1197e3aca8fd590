import type {
  AccountOverview,
  AccountView,
  ConnectionTestResult,
  CreateAccountInput,
  CreateOperatorInput,
  OperatorView,
  UpdateAccountInput,
} from '@zhanggui/shared';
import { api, listOf } from './client.ts';

export const accountsApi = {
  get: (accountId: number) => api.get<AccountView>(`/accounts/${accountId}`),
  create: (input: CreateAccountInput) => api.post<AccountView>('/accounts', input),
  update: (accountId: number, input: UpdateAccountInput) => api.patch<AccountView>(`/accounts/${accountId}`, input),
  testCredentials: (appId: string, appSecret: string) => api.post<ConnectionTestResult>('/accounts/test-credentials', { appId, appSecret }),
  testConnection: (accountId: number) => api.post<ConnectionTestResult>(`/accounts/${accountId}/test-connection`),
  overview: (accountId: number, signal?: AbortSignal) => api.get<AccountOverview>(`/accounts/${accountId}/overview`, undefined, signal),
};

export const operatorsApi = {
  list: () => api.get<OperatorView[] | { items: OperatorView[] }>('/operators').then(listOf),
  create: (input: CreateOperatorInput) => api.post<OperatorView>('/operators', input),
};
