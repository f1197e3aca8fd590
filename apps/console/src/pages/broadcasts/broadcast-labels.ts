import type { BroadcastStatus, BroadcastTarget, BroadcastView, QrChannelView, TagView } from '@zhanggui/shared';
import type { Translate } from '../../i18n/i18n.tsx';
import { sourceKey } from '../../components/fans/fan-sources.ts';
import { formatDateTime } from '../../i18n/format.ts';

export const STATUS_COLOURS: Record<BroadcastStatus, string> = {
  pending_approval: 'warning',
  scheduled: 'blue',
  sending: 'processing',
  sent: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** Statuses that can still change on their own (the page polls while one is shown). */
export const LIVE_STATUSES: BroadcastStatus[] = ['scheduled', 'sending'];

export function isCancellable(broadcast: BroadcastView): boolean {
  return broadcast.status === 'scheduled' || broadcast.status === 'pending_approval';
}

/** Who it goes to, in words: 全部粉丝, 标签「会员」, or the filter's conditions. */
export function targetText(target: BroadcastTarget, t: Translate, tags: TagView[], channels: QrChannelView[]): string {
  const tagName = (id: number | 'untagged') => (id === 'untagged' ? t('fans.filter.untagged') : (tags.find((tag) => tag.id === id)?.name ?? `#${id}`));
  switch (target.kind) {
    case 'all':
      return t('broadcasts.target.all');
    case 'tag':
      return t('broadcasts.target.tagNamed', { name: tagName(target.tagId) });
    case 'filter': {
      const { filter } = target;
      const parts: string[] = [];
      if (filter.tag !== undefined) parts.push(t('broadcasts.target.tagNamed', { name: tagName(filter.tag) }));
      if (filter.source) {
        const key = sourceKey(filter.source);
        parts.push(key ? t(key) : filter.source);
      }
      if (filter.channel !== undefined) parts.push(t('broadcasts.target.channelNamed', { name: channels.find((channel) => channel.id === filter.channel)?.name ?? `#${filter.channel}` }));
      if (filter.interactedAfter) parts.push(t('broadcasts.target.after', { at: formatDateTime(filter.interactedAfter).slice(0, 10) }));
      if (filter.interactedBefore) parts.push(t('broadcasts.target.before', { at: formatDateTime(filter.interactedBefore).slice(0, 10) }));
      return parts.length ? parts.join(' · ') : t('broadcasts.target.filterAll');
    }
  }
}

/** How it goes out: sendall to everyone or a tag, or openid batches. */
export function modeText(mode: BroadcastView['mode'], t: Translate): string {
  return t(`broadcasts.mode.${mode}`);
}
