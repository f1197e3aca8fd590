import type { LoginInput, SessionView } from '@zhanggui/shared';
import { api } from './client.ts';

export const authApi = {
  me: () => api.get<SessionView>('/auth/me'),
  login: (input: LoginInput) => api.post<SessionView>('/auth/login', input),
  logout: () => api.post<void>('/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) => api.post<void>('/auth/password', { currentPassword, newPassword }),
};
