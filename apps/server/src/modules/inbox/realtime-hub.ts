import type { ConversationView, MessageView } from '@zhanggui/shared';
import type { Database } from '../../platform/db/database.ts';
import type { Logger } from '../../platform/logger.ts';
import { INBOX_CHANNEL, type InboxService } from './inbox.service.ts';

export type InboxEvent = { type: 'message'; data: { conversation: ConversationView; message: MessageView } } | { type: 'conversation'; data: { conversation: ConversationView } };

interface Subscriber {
  lang: 'zh' | 'en';
  send: (event: InboxEvent) => void;
}

type Notice = { k: 'm'; a: number; from: number; to: number } | { k: 'c'; a: number; f: number };

/**
 * Pushes inbox changes to open consoles. The webhook's batch statement and every inbox write NOTIFY
 * zg_inbox with the account and the message id range (or the conversation); each node listens, loads what
 * changed once per account, and fans it out to its SSE subscribers. Works across processes on PostgreSQL.
 */
export class RealtimeHub {
  private readonly subscribers = new Map<number, Set<Subscriber>>();
  private unlisten: (() => Promise<void>) | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly inbox: InboxService,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(INBOX_CHANNEL, (payload) => {
      // One notice at a time, in order, so events reach consoles in commit order.
      this.chain = this.chain.then(() => this.handle(payload)).catch((error: unknown) => this.logger.warn({ err: error }, 'inbox notice failed'));
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    await this.chain;
  }

  subscribe(accountId: number, subscriber: Subscriber): () => void {
    let set = this.subscribers.get(accountId);
    if (!set) {
      set = new Set();
      this.subscribers.set(accountId, set);
    }
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.subscribers.delete(accountId);
    };
  }

  private async handle(payload: string): Promise<void> {
    const notice = JSON.parse(payload) as Notice;
    const subscribers = this.subscribers.get(notice.a);
    if (!subscribers || subscribers.size === 0) return;
    for (const lang of new Set([...subscribers].map((s) => s.lang))) {
      const events = await this.load(notice, lang);
      for (const subscriber of subscribers) if (subscriber.lang === lang) for (const event of events) subscriber.send(event);
    }
  }

  private async load(notice: Notice, lang: 'zh' | 'en'): Promise<InboxEvent[]> {
    if (notice.k === 'c') return [{ type: 'conversation', data: { conversation: await this.inbox.conversation(notice.a, notice.f, lang) } }];
    const messages = await this.inbox.messagesByIds(notice.a, notice.from, notice.to);
    const conversations = new Map<number, ConversationView>();
    for (const fanId of new Set(messages.map((m) => m.fanId))) conversations.set(fanId, await this.inbox.conversation(notice.a, fanId, lang));
    return messages.map(({ fanId, message }) => ({ type: 'message', data: { conversation: conversations.get(fanId)!, message } }));
  }
}
