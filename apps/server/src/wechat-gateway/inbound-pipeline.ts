import type { MessageReply } from '@zhanggui/shared';
import { buildReplyXml, dedupeKey, type CallbackQuery, type InboundMessage, type Reply } from '@zhanggui/wechat';
import { AppError } from '../platform/http/errors.ts';
import type { Decision, DecideContext } from '../modules/replies/reply-brain.ts';
import type { AccountRegistry, AccountRuntime } from './account-registry.ts';
import type { InboundWriter } from './inbound-writer.ts';
import { KeyedQueue } from './keyed-queue.ts';
import { PushDedupe } from './push-dedupe.ts';

/** What a push was answered with. */
export interface PushOutcome {
  reply: Reply | null;
  replySource: string | null;
  /** False when another node had already stored this push (we answer with its reply). */
  stored: boolean;
  /** Messages to send after the answer, through the customer-service API. */
  followUps: MessageReply[];
  /** A scan through a QR channel's code. */
  touch?: Decision['touch'];
}

/** Where decisions read fan state and record flow completions (the flows service). */
export interface DecisionSupport {
  fanState: (accountId: number, openid: string) => ReturnType<DecideContext['fanState']>;
  finish: DecideContext['finish'];
  /** The QR channel whose code carries a scene. */
  channel?: (accountId: number, scene: string) => ReturnType<NonNullable<DecideContext['channel']>>;
  /** Cards, coupons and check-ins asked for by replies. */
  loyalty?: (accountId: number) => NonNullable<DecideContext['loyalty']>;
}

export interface StoredPush {
  account: AccountRuntime;
  message: InboundMessage;
  outcome: PushOutcome;
}

/**
 * The inbound pipeline (docs/ARCHITECTURE.md, "the 5-second promise"): verify and open the push, dedupe,
 * decide the reply from in-memory state, persist push + fan + reply in a group-committed batch, and only
 * then answer.
 */
export class InboundPipeline {
  private readonly dedupe = new PushDedupe<PushOutcome>();
  private readonly fans = new KeyedQueue();
  private readonly listeners: Array<(push: StoredPush) => void> = [];

  constructor(
    private readonly registry: AccountRegistry,
    private readonly writer: InboundWriter,
    private readonly support: DecisionSupport,
    private readonly onOriginalId: (accountId: number, originalId: string) => void = () => {},
  ) {}

  /** Called after each newly stored push (live inbox, analytics). Must not throw or block. */
  onStored(listener: (push: StoredPush) => void): void {
    this.listeners.push(listener);
  }

  /** URL verification: the echostr to send back. */
  async verify(accountId: string, query: CallbackQuery): Promise<string> {
    const account = await this.account(accountId);
    return account.codec.verifyUrl(query);
  }

  /** Handles one push; returns the response body (sealed reply XML, or "success"). */
  async receive(accountId: string, query: CallbackQuery, body: string): Promise<string> {
    const account = await this.account(accountId);
    const push = account.codec.open(query, body);
    const message = push.message;
    if (!account.originalId && message.toUserName.startsWith('gh_')) {
      account.originalId = message.toUserName;
      this.onOriginalId(account.id, message.toUserName);
    }
    const key = dedupeKey(message);
    const { result } = this.dedupe.run(`${account.id}|${key}`, () =>
      this.fans.run(`${account.id}|${message.fromUserName}`, () => this.process(account, message, key)),
    );
    const outcome = await result;
    if (!outcome.reply) return 'success';
    const xml = buildReplyXml(outcome.reply, {
      toUser: message.fromUserName,
      fromUser: message.toUserName,
      answering: message.msgType === 'event' ? 'event' : 'message',
    });
    return account.codec.seal(xml, push, query.nonce);
  }

  private async process(account: AccountRuntime, message: InboundMessage, key: string): Promise<PushOutcome> {
    const decision = await account.brain.decide(message, {
      now: new Date(),
      fanState: () => this.support.fanState(account.id, message.fromUserName),
      finish: this.support.finish,
      channel: this.support.channel ? (scene) => this.support.channel!(account.id, scene) : undefined,
      loyalty: this.support.loyalty?.(account.id),
    });
    const written = await this.writer.write({
      accountId: account.id,
      dedupeKey: key,
      message,
      reply: decision.passive,
      replySource: decision.source,
      flow: decision.flow,
      submission: decision.submission,
      touch: decision.touch ?? null,
    });
    if (!written.stored) return { reply: written.reply, replySource: written.replySource, stored: false, followUps: [] };
    const outcome: PushOutcome = { reply: decision.passive, replySource: decision.source, stored: true, followUps: decision.followUps, touch: decision.touch ?? null };
    for (const listener of this.listeners) listener({ account, message, outcome });
    return outcome;
  }

  private async account(accountId: string): Promise<AccountRuntime> {
    const id = /^\d{1,9}$/.test(accountId) ? Number(accountId) : NaN;
    const account = Number.isFinite(id) ? await this.registry.get(id) : null;
    if (!account) throw new AppError('WX_ACCOUNT_NOT_FOUND');
    return account;
  }
}
