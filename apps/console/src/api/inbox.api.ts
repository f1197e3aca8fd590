import type {
  CannedReply,
  ConversationView,
  MessageView,
  Page,
  SendMessageInput,
  UpdateConversationInput,
} from '@zhanggui/shared';
import { api, apiUrl, listOf } from './client.ts';

export interface ConversationQuery {
  status: 'open' | 'closed' | 'all';
  assignee: 'me' | 'unassigned' | 'all';
  starred: boolean;
  unanswered: boolean;
}

export interface MessagesPage {
  items: MessageView[];
  hasMore: boolean;
}

export interface SearchHit {
  message: MessageView;
  conversation: ConversationView;
}

const base = (accountId: number) => `/accounts/${accountId}`;
const conv = (accountId: number, fanId: number) => `${base(accountId)}/conversations/${fanId}`;

export const inboxApi = {
  conversations: (accountId: number, query: ConversationQuery, cursor: string | null, signal?: AbortSignal) =>
    api.get<Page<ConversationView>>(
      `${base(accountId)}/conversations`,
      {
        status: query.status,
        assignee: query.assignee === 'all' ? undefined : query.assignee,
        starred: query.starred ? 1 : undefined,
        unanswered: query.unanswered ? 1 : undefined,
        cursor,
      },
      signal,
    ),
  conversation: (accountId: number, fanId: number) => api.get<ConversationView>(conv(accountId, fanId)),
  messages: (accountId: number, fanId: number, before: number | null, limit = 30) =>
    api.get<MessagesPage>(`${conv(accountId, fanId)}/messages`, { before, limit }),
  send: (accountId: number, fanId: number, input: SendMessageInput) => api.post<MessageView>(`${conv(accountId, fanId)}/messages`, input),
  sendImage: (accountId: number, fanId: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<MessageView>(`${conv(accountId, fanId)}/images`, form);
  },
  markRead: (accountId: number, fanId: number) => api.post<ConversationView>(`${conv(accountId, fanId)}/read`),
  update: (accountId: number, fanId: number, input: UpdateConversationInput) => api.patch<ConversationView>(conv(accountId, fanId), input),
  search: (accountId: number, q: string, cursor: string | null, signal?: AbortSignal) =>
    api.get<Page<SearchHit>>(`${base(accountId)}/messages/search`, { q, cursor }, signal),
  /** EventSource cannot send Accept-Language; the language goes in the query (previews in events are worded by the server). */
  streamUrl: (accountId: number, language: string) => apiUrl(`${base(accountId)}/inbox/stream`, { lang: language }),
};

export const cannedApi = {
  list: (accountId: number) => api.get<CannedReply[] | { items: CannedReply[] }>(`${base(accountId)}/canned-replies`).then(listOf),
  create: (accountId: number, input: Omit<CannedReply, 'id'>) => api.post<CannedReply>(`${base(accountId)}/canned-replies`, input),
  update: (accountId: number, id: number, input: Omit<CannedReply, 'id'>) => api.put<CannedReply>(`${base(accountId)}/canned-replies/${id}`, input),
  remove: (accountId: number, id: number) => api.delete<void>(`${base(accountId)}/canned-replies/${id}`),
};
