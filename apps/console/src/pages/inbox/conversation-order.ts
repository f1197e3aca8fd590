import type { ConversationView } from '@zhanggui/shared';
import type { ConversationQuery } from '../../api/inbox.api.ts';

/** When a conversation last moved: its last message, else the fan's last message. */
export function conversationTime(conversation: ConversationView): number {
  const at = conversation.lastMessage?.at ?? conversation.lastInboundAt;
  return at ? Date.parse(at) : 0;
}

/** Newest first, like the server's pages. */
export function sortConversations(items: ConversationView[]): ConversationView[] {
  return [...items].sort((a, b) => conversationTime(b) - conversationTime(a) || b.fanId - a.fanId);
}

/** Whether a conversation pushed by the stream belongs in the list under the current filters. */
export function matchesQuery(conversation: ConversationView, query: ConversationQuery, operatorId: number): boolean {
  if (query.status !== 'all' && conversation.status !== query.status) return false;
  if (query.assignee === 'me' && conversation.assignee?.id !== operatorId) return false;
  if (query.assignee === 'unassigned' && conversation.assignee) return false;
  if (query.starred && !conversation.starred) return false;
  if (query.unanswered && !conversation.unanswered) return false;
  return true;
}
