import { useState } from 'react';
import { Button, ConfigProvider, Form } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { InboundMessageType, KeywordSpec, ReplyAction, RuleTrigger } from '@zhanggui/shared';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { PhonePreview } from '../../components/replies/PhonePreview.tsx';
import type { FanMessage, PhoneItem } from '../../components/replies/phone-items.ts';
import { repliesPreview } from '../../components/replies/preview-items.ts';
import type { FlowOption } from '../../components/replies/ReplyActionFields.tsx';

/** What a fan would send to set this rule off, for the preview. */
function triggerPreview(trigger: RuleTrigger | undefined, keyword: KeywordSpec | undefined, messageType: InboundMessageType | undefined, accountName: string, t: Translate): PhoneItem | null {
  switch (trigger) {
    case 'subscribe':
      return { kind: 'event', text: t('preview.subscribed', { name: accountName }) };
    case 'default':
      return { kind: 'fan', message: { type: 'text', content: t('preview.sampleMessage') } };
    case 'message_type': {
      const type = messageType ?? 'image';
      const message: FanMessage =
        type === 'location' ? { type: 'location', latitude: 39.90923, longitude: 116.397428, label: t('preview.sampleLocation') } : { type: type === 'shortvideo' ? 'video' : type };
      return { kind: 'fan', message };
    }
    case 'keyword':
      if (!keyword?.text) return null;
      if (keyword.match === 'regex') return { kind: 'event', text: t('preview.regexSample', { pattern: keyword.text }) };
      return { kind: 'fan', message: { type: 'text', content: keyword.text } };
    default:
      return null;
  }
}

/** The phone preview beside the rule editor, following the form as it changes. */
export function RulePreview({ flows }: { flows: FlowOption[] }) {
  const { t } = useI18n();
  const { account } = useAccount();
  const form = Form.useFormInstance();
  const [shown, setShown] = useState(0);
  const trigger = Form.useWatch('trigger', form) as RuleTrigger | undefined;
  const keywords = Form.useWatch('keywords', form) as KeywordSpec[] | undefined;
  const messageTypes = Form.useWatch('messageTypes', form) as InboundMessageType[] | undefined;
  const replies = ((Form.useWatch('replies', { form, preserve: true }) as ReplyAction[] | undefined) ?? []).filter((reply) => reply?.type);
  const mode = (Form.useWatch('replyMode', { form, preserve: true }) as 'random' | 'all' | undefined) ?? 'random';
  const current = Math.min(shown, Math.max(0, replies.length - 1));

  const fan = triggerPreview(trigger, keywords?.[0], messageTypes?.[0], account.name, t);
  const items = [...(fan ? [fan] : []), ...repliesPreview(replies, mode, current, t, flows)];

  return (
    <div className="zg-rule-preview">
      <PhonePreview title={account.name} items={items} empty={t('preview.empty')} testId="rule-preview" />
      {replies.length > 1 && mode === 'random' && (
        // The pager works in read-only editors too.
        <ConfigProvider componentDisabled={false}>
        <div className="zg-preview-pager">
          <Button size="small" type="text" icon={<LeftOutlined />} disabled={current === 0} onClick={() => setShown(current - 1)} aria-label={t('common.previous')} />
          <span>{t('preview.random', { n: current + 1, total: replies.length })}</span>
          <Button size="small" type="text" icon={<RightOutlined />} disabled={current >= replies.length - 1} onClick={() => setShown(current + 1)} aria-label={t('common.next')} />
        </div>
        </ConfigProvider>
      )}
      {replies.length > 1 && mode === 'all' && <p className="zg-preview-note">{t('preview.allNote')}</p>}
    </div>
  );
}
