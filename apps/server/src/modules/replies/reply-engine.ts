import type { InboundMessage, Reply } from '@zhanggui/wechat';
import { AhoCorasick } from './aho-corasick.ts';
import type { KeywordMatch } from './replies.table.ts';

export interface ReplyRule {
  id: number;
  name: string;
  trigger: 'subscribe' | 'default' | 'keyword';
  keywords: Array<{ text: string; match: KeywordMatch }>;
  replies: Reply[];
  priority: number;
  enabled: boolean;
}

/** What to answer a push with, and which rule decided it (kept with the message for the inbox and stats). */
export interface ReplyDecision {
  reply: Reply;
  source: string;
}

/**
 * An account's reply rules compiled for matching in memory: exact keywords in a map, "contains" keywords
 * in one Aho-Corasick automaton. Built once per change, shared by every request.
 */
export class CompiledReplies {
  private readonly exact = new Map<string, ReplyRule>();
  private readonly contains = new AhoCorasick();
  private readonly containsRules: ReplyRule[] = [];
  private readonly welcome: ReplyRule | undefined;
  private readonly fallback: ReplyRule | undefined;

  constructor(rules: ReplyRule[]) {
    const usable = rules.filter((rule) => rule.enabled && rule.replies.length > 0).sort(byPrecedence);
    this.welcome = usable.find((rule) => rule.trigger === 'subscribe');
    this.fallback = usable.find((rule) => rule.trigger === 'default');
    for (const rule of usable) {
      if (rule.trigger !== 'keyword') continue;
      for (const keyword of rule.keywords) {
        const text = normalize(keyword.text);
        if (!text) continue;
        if (keyword.match === 'exact') {
          // Rules are sorted by precedence, so the first rule to claim an exact keyword keeps it.
          if (!this.exact.has(text)) this.exact.set(text, rule);
        } else {
          this.contains.add(text, this.containsRules.length);
          this.containsRules.push(rule);
        }
      }
    }
    this.contains.build();
  }

  /** Decides the passive reply for a push, or null for "success" (no reply). */
  decide(message: InboundMessage): ReplyDecision | null {
    if (message.msgType === 'event') {
      if (message.event === 'subscribe') return this.answer(this.welcome, 'welcome');
      return null;
    }
    if (message.msgType === 'text') {
      const rule = this.matchKeyword(message.content);
      if (rule) return this.answer(rule, `rule:${rule.id}`);
    }
    return this.answer(this.fallback, 'default');
  }

  /** The keyword rule a text triggers: an exact match first, else the highest-precedence rule it contains. */
  matchKeyword(content: string): ReplyRule | undefined {
    const text = normalize(content);
    const exact = this.exact.get(text);
    if (exact) return exact;
    let best: ReplyRule | undefined;
    this.contains.search(text, (index) => {
      const rule = this.containsRules[index]!;
      if (!best || byPrecedence(rule, best) < 0) best = rule;
    });
    return best;
  }

  private answer(rule: ReplyRule | undefined, source: string): ReplyDecision | null {
    if (!rule) return null;
    const reply = rule.replies.length === 1 ? rule.replies[0]! : rule.replies[Math.floor(Math.random() * rule.replies.length)]!;
    return { reply, source: source === 'welcome' || source === 'default' ? `${source}:${rule.id}` : source };
  }
}

/** Higher priority first; among equals the older rule (lower id) wins, so results are stable. */
function byPrecedence(a: ReplyRule, b: ReplyRule): number {
  return b.priority - a.priority || a.id - b.id;
}

/** Keywords and messages are compared trimmed and case-folded. */
export function normalize(text: string): string {
  return text.trim().toLowerCase();
}
