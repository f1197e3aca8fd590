import type { AuditEntry, MemberView, Page, Role } from '@zhanggui/shared';
import { api, listOf } from './client.ts';

const base = (accountId: number) => `/accounts/${accountId}`;

export const membersApi = {
  list: (accountId: number) => api.get<MemberView[] | { items: MemberView[] }>(`${base(accountId)}/members`).then(listOf),
  add: (accountId: number, username: string, role: Role) => api.post<MemberView>(`${base(accountId)}/members`, { username, role }),
  setRole: (accountId: number, operatorId: number, role: Role) => api.put<MemberView>(`${base(accountId)}/members/${operatorId}`, { role }),
  remove: (accountId: number, operatorId: number) => api.delete<void>(`${base(accountId)}/members/${operatorId}`),
};

export const auditApi = {
  list: (accountId: number, cursor: string | null) => api.get<Page<AuditEntry>>(`${base(accountId)}/audit`, { cursor }),
};
