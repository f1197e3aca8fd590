import type { Translate } from '../../i18n/i18n.tsx';
import type { PhoneItem } from '../../components/replies/phone-items.ts';
import type { TesterRun } from './use-rule-tester.ts';

/** The tested exchange on the phone: what the fan sent, the passive reply, then the customer-service follow-ups. */
export function testerPhoneItems(run: TesterRun, accountName: string, t: Translate): PhoneItem[] {
  const { message } = run.input;
  const items: PhoneItem[] = [
    message.type === 'event' ? { kind: 'event', text: t('preview.subscribed', { name: accountName }) } : { kind: 'fan', message },
  ];
  const result = run.result;
  if (!result) return items;
  if (result.passive) items.push({ kind: 'reply', reply: result.passive });
  for (const followUp of result.followUps) items.push({ kind: 'reply', reply: followUp, caption: t('preview.followUp') });
  if (!result.passive && result.followUps.length === 0) items.push({ kind: 'notice', text: t('preview.noReply') });
  return items;
}
