import { useEffect, useRef, useState } from 'react';
import { accountsApi } from '../api/accounts.api.ts';
import { inboxApi } from '../api/inbox.api.ts';
import { useInboxEvents } from './inbox-stream.tsx';

const REFRESH_THROTTLE_MS = 1000;

/**
 * Unread conversations for the sidebar badge: from the overview (every role with account.view), else
 * counted over the first page of open conversations. Refreshed, at most once a second, after inbox events.
 */
export function useUnreadCount(accountId: number, enabled: boolean, fromOverview: boolean): number {
  const [count, setCount] = useState(0);
  const timer = useRef<number | undefined>(undefined);

  const load = useRef(async () => {});
  load.current = async () => {
    try {
      if (fromOverview) setCount((await accountsApi.overview(accountId)).conversations.unread);
      else {
        const page = await inboxApi.conversations(accountId, { status: 'open', assignee: 'all', starred: false, unanswered: false }, null);
        setCount(page.items.filter((conversation) => conversation.unreadCount > 0).length);
      }
    } catch {
      // The badge is a hint; the inbox itself reports errors.
    }
  };

  useEffect(() => {
    setCount(0);
    if (enabled) void load.current();
    return () => {
      window.clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [accountId, enabled, fromOverview]);

  useInboxEvents(() => {
    if (!enabled) return;
    if (timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      void load.current();
    }, REFRESH_THROTTLE_MS);
  });
  return count;
}
