import type { MessageView } from '@zhanggui/shared';
import type { Translate } from '../../i18n/i18n.tsx';

/** What produced an automatic message (`welcome:<id>`, `rule:<id>`, `default:<id>`), in words; null for operators. */
export function sourceLabel(source: string | null, t: Translate): string | null {
  if (!source) return null;
  const [kind, id = ''] = source.split(':');
  switch (kind) {
    case 'welcome':
      return t('message.source.welcome');
    case 'rule':
      return t('message.source.rule', { id });
    case 'default':
      return t('message.source.default');
    case 'operator':
      return null;
    default:
      return source;
  }
}

/** A fan's event as a short notice: followed, unfollowed, clicked a menu, scanned a code… */
export function eventText(message: MessageView, t: Translate): string {
  const key = message.eventKey ?? '';
  switch ((message.event ?? '').toLowerCase()) {
    case 'subscribe':
      return key.startsWith('qrscene_') ? t('message.event.subscribeQr', { scene: key.slice('qrscene_'.length) }) : t('message.event.subscribe');
    case 'unsubscribe':
      return t('message.event.unsubscribe');
    case 'scan':
      return t('message.event.scan', { scene: key });
    case 'click':
      return t('message.event.click', { key: message.content || key });
    case 'view':
      return t('message.event.view', { url: key });
    case 'location':
      return t('message.event.location');
    default:
      return t('message.event.other', { event: message.event ?? message.msgType });
  }
}

export function isEvent(message: MessageView): boolean {
  return message.msgType === 'event' || (message.event !== null && message.event !== '');
}
