import type { ReplyAction } from '@zhanggui/shared';
import type { Translate } from '../../i18n/i18n.tsx';
import type { PhoneItem } from './phone-items.ts';
import type { FlowOption } from './ReplyActionFields.tsx';

/** How one action shows on the phone: a message as a bubble, the others as a grey note of what happens. */
export function actionPreview(action: ReplyAction, t: Translate, flows: FlowOption[] = [], caption?: string): PhoneItem {
  switch (action.type) {
    case 'transfer_customer_service':
      return { kind: 'notice', text: t('preview.transfer') };
    case 'flow': {
      const flow = flows.find((candidate) => candidate.id === action.flowId);
      return { kind: 'notice', text: flow ? t('preview.flow', { name: flow.name }) : t('preview.flowUnnamed') };
    }
    case 'search':
      return { kind: 'notice', text: t('preview.search', { scope: t(`reply.search.scope.${action.scope ?? 'all'}`) }) };
    case 'stores_nearby':
      return { kind: 'notice', text: t('preview.stores') };
    case 'member_card':
      return { kind: 'card', card: 'member', caption };
    case 'coupon':
      return { kind: 'card', card: 'coupon', templateId: action.templateId, caption };
    case 'checkin':
      return { kind: 'notice', text: t('preview.checkin') };
    default:
      return { kind: 'reply', reply: action, caption };
  }
}

/**
 * What the fan sees for a rule's replies: in "all" mode every action in order (the first passively, the
 * rest as customer-service messages); in "random" mode the one at `shown`.
 */
export function repliesPreview(actions: ReplyAction[], mode: 'random' | 'all', shown: number, t: Translate, flows?: FlowOption[]): PhoneItem[] {
  if (actions.length === 0) return [];
  if (mode === 'random') {
    const action = actions[Math.min(shown, actions.length - 1)];
    return action ? [actionPreview(action, t, flows)] : [];
  }
  return actions.map((action, index) => actionPreview(action, t, flows, index > 0 ? t('preview.followUp') : undefined));
}
