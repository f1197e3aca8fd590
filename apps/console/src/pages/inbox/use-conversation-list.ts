import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationView } from '@zhanggui/shared';
import { inboxApi, type ConversationQuery } from '../../api/inbox.api.ts';
import { useInboxEvents } from '../../live/inbox-stream.tsx';
import { matchesQuery, sortConversations } from './conversation-order.ts';

export interface ConversationList {
  items: ConversationView[];
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Put a changed conversation in place (or take it out when it no longer matches the filters). */
  upsert: (conversation: ConversationView) => void;
}

/** The conversation list for the filters, kept live from the inbox stream and re-sorted newest first. */
export function useConversationList(accountId: number, query: ConversationQuery, operatorId: number): ConversationList {
  const [items, setItems] = useState<ConversationView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);
  const queryKey = JSON.stringify(query);
  const queryRef = useRef(query);
  queryRef.current = query;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    inboxApi.conversations(accountId, queryRef.current, null, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems(sortConversations(page.items));
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [accountId, queryKey, generation]);

  const loadMore = useCallback(() => {
    if (!cursor) return;
    setLoading(true);
    inboxApi.conversations(accountId, queryRef.current, cursor).then(
      (page) => {
        setItems((current) => {
          const known = new Set(current.map((c) => c.fanId));
          return sortConversations([...current, ...page.items.filter((c) => !known.has(c.fanId))]);
        });
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        setError(failure);
        setLoading(false);
      },
    );
  }, [accountId, cursor]);

  const upsert = useCallback(
    (conversation: ConversationView) => {
      setItems((current) => {
        const rest = current.filter((c) => c.fanId !== conversation.fanId);
        return matchesQuery(conversation, queryRef.current, operatorId) ? sortConversations([conversation, ...rest]) : rest;
      });
    },
    [operatorId],
  );

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useInboxEvents((event) => {
    if (event.type === 'resync') reload();
    else upsert(event.conversation);
  });

  return { items, loading, error, hasMore: cursor !== null, loadMore, reload, upsert };
}
