import type { MenuButton } from '@zhanggui/shared';
import type { Translate } from '../../i18n/i18n.tsx';
import type { PhoneItem } from '../../components/replies/phone-items.ts';
import type { FlowOption } from '../../components/replies/ReplyActionFields.tsx';
import { repliesPreview } from '../../components/replies/preview-items.ts';
import { hasSubButtons, isKeyType } from './menu-form.ts';

/** What the chat shows after a fan taps this button: the tap, what the client does, and the replies. */
export function buttonChat(button: MenuButton | undefined, t: Translate, flows: FlowOption[] = []): PhoneItem[] {
  if (!button?.type || hasSubButtons(button)) return [];
  const tapped: PhoneItem = { kind: 'event', text: t('menus.phone.tapped', { name: button.name || t('menus.untitled') }) };
  const replies = (button.replies ?? []).filter((reply) => reply?.type);
  const type = button.type;
  if (isKeyType(type)) {
    const client: PhoneItem[] = type === 'click' ? [] : [{ kind: 'notice', text: t(`menus.phone.${type}`) }];
    const answer = replies.length ? repliesPreview(replies, button.replyMode ?? 'random', 0, t, flows) : [{ kind: 'notice' as const, text: t('menus.phone.noReply') }];
    return [tapped, ...client, ...answer];
  }
  switch (type) {
    case 'view':
      return [tapped, { kind: 'notice', text: t('menus.phone.view', { url: button.url || '—' }) }];
    case 'miniprogram':
      return [tapped, { kind: 'notice', text: t('menus.phone.miniprogram', { appid: button.appid || '—', page: button.pagepath || '—' }) }];
    case 'media_id':
    case 'view_limited':
      return [tapped, { kind: 'notice', text: t(`menus.phone.${type}`, { id: button.mediaId || '—' }) }];
    default:
      return [tapped, { kind: 'notice', text: t(`menus.phone.${type}`, { id: button.articleId || '—' }) }];
  }
}
