import type { QrChannelInput, QrChannelView, ReplyAction } from '@zhanggui/shared';
import { cleanActions } from '../../components/replies/reply-actions.ts';

/** The channel modal's values: QrChannelInput with text fields as strings. */
export interface ChannelValues {
  name: string;
  note: string;
  tagIds: number[];
  welcome: ReplyAction[];
  welcomeMode: 'random' | 'all';
  caption: string;
  enabled: boolean;
}

export function channelValues(channel: QrChannelView | 'new'): ChannelValues {
  if (channel === 'new') return { name: '', note: '', tagIds: [], welcome: [], welcomeMode: 'all', caption: '', enabled: true };
  return {
    name: channel.name,
    note: channel.note ?? '',
    tagIds: channel.tagIds,
    welcome: channel.welcome,
    welcomeMode: channel.welcomeMode,
    caption: channel.caption ?? '',
    enabled: channel.enabled,
  };
}

const orNull = (text: string | undefined) => (text ?? '').trim() || null;

export function channelInput(values: ChannelValues): QrChannelInput {
  return {
    name: values.name.trim(),
    note: orNull(values.note),
    tagIds: values.tagIds ?? [],
    welcome: cleanActions(values.welcome),
    welcomeMode: values.welcomeMode ?? 'all',
    caption: orNull(values.caption),
    enabled: values.enabled,
  };
}

/** Of the follows old enough to tell, the share still following: "83%", or "—" when none is old enough. */
export function retentionText(retention: { eligible: number; retained: number }): string {
  return retention.eligible > 0 ? `${Math.round((retention.retained / retention.eligible) * 100)}%` : '—';
}
