import type { MessageReply, RuleTestInput } from '@zhanggui/shared';

/** What a fan sends (the tester's inputs and the editor's sample message). */
export type FanMessage = Exclude<RuleTestInput['message'], { type: 'event' }>;

/** One line in the phone mock: the fan's message, an event, the account's reply, a card, or a note in grey. */
export type PhoneItem =
  | { kind: 'fan'; message: FanMessage }
  | { kind: 'event'; text: string }
  | { kind: 'reply'; reply: MessageReply; caption?: string }
  | { kind: 'notice'; text: string }
  /** The card or a coupon the fan gets: drawn as a placeholder, since what they see depends on them. */
  | { kind: 'card'; card: 'member' | 'coupon'; templateId?: number; caption?: string };
