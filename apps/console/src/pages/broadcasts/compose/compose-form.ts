import dayjs, { type Dayjs } from 'dayjs';
import type { BroadcastInput, BroadcastMessage, BroadcastOptions, BroadcastTarget } from '@zhanggui/shared';

export type MessageType = BroadcastMessage['type'];
export const MESSAGE_TYPES: MessageType[] = ['text', 'image', 'voice', 'video', 'news'];

/** The compose form's values. Names mirror BroadcastInput, so the server's field problems land on the fields. */
export interface ComposeValues {
  title: string;
  message: { type: MessageType; content?: string; materialId?: number; newsId?: number };
  target: {
    kind: BroadcastTarget['kind'];
    tagId?: number;
    filter?: { tag?: number | 'untagged'; source?: string; channel?: number; interactedAfter?: Dayjs | null; interactedBefore?: Dayjs | null };
  };
  capOn: boolean;
  quietOn: boolean;
  options: { monthlyCap?: number | null; quietHours?: { start?: Dayjs | null; end?: Dayjs | null } };
  when: 'now' | 'later';
  scheduledAt?: Dayjs | null;
}

export const DEFAULT_CAP = 4;

export function composeDefaults(): ComposeValues {
  return {
    title: '',
    message: { type: 'text', content: '' },
    target: { kind: 'all', filter: {} },
    capOn: false,
    quietOn: false,
    // 22:00–08:00 when switched on: nobody wants a promotion buzzing at midnight.
    options: { monthlyCap: DEFAULT_CAP, quietHours: { start: dayjs().hour(22).minute(0).second(0), end: dayjs().hour(8).minute(0).second(0) } },
    when: 'now',
  };
}

/** The message as the API takes it; null while incomplete (no text, nothing picked). */
export function messageOf(message: ComposeValues['message']): BroadcastMessage | null {
  switch (message.type) {
    case 'text':
      return message.content?.trim() ? { type: 'text', content: message.content.trim() } : null;
    case 'news':
      return message.newsId ? { type: 'news', newsId: message.newsId } : null;
    default:
      return message.materialId ? { type: message.type, materialId: message.materialId } : null;
  }
}

/** The target as the API takes it; null while a tag is still to be chosen. */
export function targetOf(target: ComposeValues['target'] | undefined): BroadcastTarget | null {
  if (!target) return null;
  if (target.kind === 'all') return { kind: 'all' };
  if (target.kind === 'tag') return target.tagId ? { kind: 'tag', tagId: target.tagId } : null;
  const filter = target.filter ?? {};
  return {
    kind: 'filter',
    filter: {
      tag: filter.tag,
      source: filter.source || undefined,
      channel: filter.channel,
      interactedAfter: filter.interactedAfter?.startOf('day').toISOString(),
      interactedBefore: filter.interactedBefore?.endOf('day').toISOString(),
    },
  };
}

export function optionsOf(values: Pick<ComposeValues, 'capOn' | 'quietOn' | 'options'>): BroadcastOptions {
  const quiet = values.options?.quietHours;
  return {
    monthlyCap: values.capOn ? (values.options?.monthlyCap ?? DEFAULT_CAP) : null,
    quietHours: values.quietOn && quiet?.start && quiet.end ? { start: quiet.start.format('HH:mm'), end: quiet.end.format('HH:mm') } : null,
  };
}

/** What the estimate needs, or null while the target is incomplete. */
export function estimateInputOf(values: Partial<ComposeValues> | undefined): Pick<BroadcastInput, 'target' | 'options'> | null {
  const target = targetOf(values?.target);
  if (!target || !values) return null;
  return { target, options: optionsOf({ capOn: values.capOn ?? false, quietOn: values.quietOn ?? false, options: values.options ?? {} }) };
}

/** The values as BroadcastInput; the form's rules make sure the message and target are complete. */
export function broadcastInputOf(values: ComposeValues): BroadcastInput {
  return {
    title: values.title.trim(),
    message: messageOf(values.message) ?? { type: 'text', content: '' },
    target: targetOf(values.target) ?? { kind: 'all' },
    scheduledAt: values.when === 'later' && values.scheduledAt ? values.scheduledAt.toISOString() : null,
    options: optionsOf(values),
  };
}
