// One Server-Sent Events connection per open account (GET /api/accounts/:id/inbox/stream). EventSource
// sends the session cookie and reconnects by itself; when the server closes the stream for good (401,
// restart) we reconnect after a pause and tell listeners to catch up on what they missed.
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ConversationView, MessageView } from '@zhanggui/shared';
import { inboxApi } from '../api/inbox.api.ts';
import { useI18n } from '../i18n/i18n.tsx';

export type InboxEvent =
  | { type: 'message'; conversation: ConversationView; message: MessageView }
  | { type: 'conversation'; conversation: ConversationView }
  /** The connection came back after a gap: reload lists, events may have been missed. */
  | { type: 'resync' };

type Listener = (event: InboxEvent) => void;

interface InboxStreamValue {
  connected: boolean;
  subscribe: (listener: Listener) => () => void;
}

const InboxStreamContext = createContext<InboxStreamValue>({ connected: false, subscribe: () => () => {} });
const RECONNECT_MS = 5000;

export function InboxStreamProvider({ accountId, enabled, children }: { accountId: number; enabled: boolean; children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);
  const { language } = useI18n();

  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let hadConnection = false;
    let stopped = false;
    const emit = (event: InboxEvent) => listeners.current.forEach((listener) => listener(event));
    const parse = (raw: MessageEvent<string>) => {
      try {
        return JSON.parse(raw.data) as Record<string, unknown>;
      } catch {
        return null;
      }
    };

    const open = () => {
      source = new EventSource(inboxApi.streamUrl(accountId, language));
      source.onopen = () => {
        setConnected(true);
        if (hadConnection) emit({ type: 'resync' });
        hadConnection = true;
      };
      source.onerror = () => {
        setConnected(false);
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          retryTimer = window.setTimeout(open, RECONNECT_MS);
        }
      };
      source.addEventListener('message', (raw) => {
        const data = parse(raw);
        if (data?.conversation && data.message) {
          emit({ type: 'message', conversation: data.conversation as ConversationView, message: data.message as MessageView });
        }
      });
      source.addEventListener('conversation', (raw) => {
        const data = parse(raw);
        if (data?.conversation) emit({ type: 'conversation', conversation: data.conversation as ConversationView });
      });
    };

    open();
    return () => {
      stopped = true;
      window.clearTimeout(retryTimer);
      source?.close();
      setConnected(false);
    };
  }, [accountId, enabled, language]);

  const value = useMemo<InboxStreamValue>(
    () => ({
      connected,
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [connected],
  );
  return <InboxStreamContext.Provider value={value}>{children}</InboxStreamContext.Provider>;
}

/** Calls `listener` for every inbox event of the current account (the latest closure, no resubscribe). */
export function useInboxEvents(listener: Listener): void {
  const { subscribe } = useContext(InboxStreamContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    const unsubscribe = subscribe((event) => latest.current(event));
    return unsubscribe;
  }, [subscribe]);
}

export function useStreamConnected(): boolean {
  return useContext(InboxStreamContext).connected;
}
