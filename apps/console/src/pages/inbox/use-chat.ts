import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationView, MessageView, UpdateConversationInput } from '@zhanggui/shared';
import { inboxApi } from '../../api/inbox.api.ts';
import { useInboxEvents } from '../../live/inbox-stream.tsx';

const PAGE_SIZE = 30;

export interface Chat {
  conversation: ConversationView | undefined;
  messages: MessageView[];
  loading: boolean;
  loadingEarlier: boolean;
  error: unknown;
  hasEarlier: boolean;
  loadEarlier: () => Promise<void>;
  sendText: (content: string) => Promise<MessageView>;
  sendImage: (file: File) => Promise<MessageView>;
  update: (input: UpdateConversationInput) => Promise<ConversationView>;
}

/** Adds or replaces messages by id, keeping oldest-first order. */
function mergeMessages(current: MessageView[], incoming: MessageView[]): MessageView[] {
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
}

/**
 * One open conversation: its latest messages (older ones on demand), live updates from the stream, and
 * the operator's actions. Marks the conversation read when opened and when a fan writes while it is open.
 */
export function useChat(accountId: number, fanId: number, canReply: boolean, onConversation: (c: ConversationView) => void): Chat {
  const [conversation, setConversation] = useState<ConversationView>();
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [error, setError] = useState<unknown>();
  const [hasEarlier, setHasEarlier] = useState(false);
  const notify = useRef(onConversation);
  notify.current = onConversation;

  const adopt = useCallback((next: ConversationView) => {
    setConversation(next);
    notify.current(next);
  }, []);

  // Read-only roles (analysts) look without clearing the agents' unread marks.
  const markRead = useCallback(() => {
    if (canReply) inboxApi.markRead(accountId, fanId).then(adopt, () => {});
  }, [accountId, fanId, adopt, canReply]);

  useEffect(() => {
    let cancelled = false;
    setConversation(undefined);
    setMessages([]);
    setLoading(true);
    setError(undefined);
    Promise.all([inboxApi.conversation(accountId, fanId), inboxApi.messages(accountId, fanId, null, PAGE_SIZE)]).then(
      ([loaded, page]) => {
        if (cancelled) return;
        setConversation(loaded);
        setMessages(mergeMessages([], page.items));
        setHasEarlier(page.hasMore);
        setLoading(false);
        if (loaded.unreadCount > 0) markRead();
      },
      (failure: unknown) => {
        if (cancelled) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [accountId, fanId, markRead]);

  useInboxEvents((event) => {
    if (event.type === 'resync') {
      inboxApi.messages(accountId, fanId, null, PAGE_SIZE).then((page) => setMessages((m) => mergeMessages(m, page.items)), () => {});
      return;
    }
    if (event.conversation.fanId !== fanId) return;
    setConversation(event.conversation);
    if (event.type === 'message') {
      setMessages((current) => mergeMessages(current, [event.message]));
      if (event.message.direction === 'in' && document.visibilityState === 'visible') markRead();
    }
  });

  const loadEarlier = useCallback(async () => {
    const oldest = messages[0];
    if (!oldest) return;
    setLoadingEarlier(true);
    try {
      const page = await inboxApi.messages(accountId, fanId, oldest.id, PAGE_SIZE);
      setMessages((current) => mergeMessages(current, page.items));
      setHasEarlier(page.hasMore);
    } finally {
      setLoadingEarlier(false);
    }
  }, [accountId, fanId, messages]);

  const afterSend = useCallback(
    (message: MessageView) => {
      setMessages((current) => mergeMessages(current, [message]));
      // The window's remaining count changed; the stream usually says so too, this covers a lagging stream.
      inboxApi.conversation(accountId, fanId).then(adopt, () => {});
      return message;
    },
    [accountId, fanId, adopt],
  );

  const sendText = useCallback(
    (content: string) => inboxApi.send(accountId, fanId, { type: 'text', content }).then(afterSend),
    [accountId, fanId, afterSend],
  );
  const sendImage = useCallback((file: File) => inboxApi.sendImage(accountId, fanId, file).then(afterSend), [accountId, fanId, afterSend]);
  const update = useCallback(
    (input: UpdateConversationInput) => inboxApi.update(accountId, fanId, input).then((next) => (adopt(next), next)),
    [accountId, fanId, adopt],
  );

  return { conversation, messages, loading, loadingEarlier, error, hasEarlier, loadEarlier, sendText, sendImage, update };
}
