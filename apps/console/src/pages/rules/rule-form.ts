import dayjs, { type Dayjs } from 'dayjs';
import type { InboundMessageType, KeywordSpec, ReplyAction, RuleInput, RuleTrigger, RuleView } from '@zhanggui/shared';
import { cleanActions } from '../../components/replies/reply-actions.ts';

/** A time window in the form: pickers hold dayjs values, the API takes HH:MM. */
export interface WindowValues {
  days: number[];
  from: Dayjs | null;
  to: Dayjs | null;
}

/** The editor's values mirror RuleInput, so the server's error paths ("keywords.0.text") name form fields. */
export interface RuleFormValues {
  name: string;
  trigger: RuleTrigger;
  keywords: KeywordSpec[];
  messageTypes: InboundMessageType[];
  ignoreCase: boolean;
  foldWidth: boolean;
  replies: ReplyAction[];
  replyMode: 'random' | 'all';
  priority: number;
  enabled: boolean;
  schedule: WindowValues[];
}

const TIME = 'HH:mm';

/** "09:30" as a dayjs for the time pickers (no parsing plugin needed). */
function timeOfDay(hhmm: string): Dayjs {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  return dayjs().startOf('day').hour(hours).minute(minutes);
}

export function newRuleValues(trigger: RuleTrigger = 'keyword'): RuleFormValues {
  return {
    name: '',
    trigger,
    keywords: [{ text: '', match: 'exact' }],
    messageTypes: [],
    ignoreCase: true,
    foldWidth: true,
    replies: [{ type: 'text', content: '' }],
    replyMode: 'random',
    priority: 0,
    enabled: true,
    schedule: [],
  };
}

export function ruleValues(rule: RuleView): RuleFormValues {
  return {
    name: rule.name,
    trigger: rule.trigger,
    keywords: rule.keywords.length ? rule.keywords : [{ text: '', match: 'exact' }],
    messageTypes: rule.messageTypes,
    ignoreCase: rule.ignoreCase,
    foldWidth: rule.foldWidth,
    replies: rule.replies,
    replyMode: rule.replyMode,
    priority: rule.priority,
    enabled: rule.enabled,
    schedule: rule.schedule.map((window) => ({ days: window.days, from: timeOfDay(window.from), to: timeOfDay(window.to) })),
  };
}

/** Keywords only for keyword rules, message types only for message-type rules. */
export function ruleInputFromValues(values: RuleFormValues): RuleInput {
  return {
    name: values.name.trim(),
    trigger: values.trigger,
    keywords: values.trigger === 'keyword' ? values.keywords.filter(Boolean).map((keyword) => ({ text: keyword.text ?? '', match: keyword.match })) : [],
    messageTypes: values.trigger === 'message_type' ? values.messageTypes : [],
    ignoreCase: values.ignoreCase,
    foldWidth: values.foldWidth,
    replies: cleanActions(values.replies),
    replyMode: values.replyMode,
    priority: values.priority ?? 0,
    enabled: values.enabled,
    schedule: (values.schedule ?? []).map((window) => ({
      days: [...(window.days ?? [])].sort((a, b) => a - b),
      from: window.from ? window.from.format(TIME) : '00:00',
      to: window.to ? window.to.format(TIME) : '23:59',
    })),
  };
}
