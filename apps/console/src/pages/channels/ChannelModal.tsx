import { Form, Input, Radio, Select, Switch } from 'antd';
import type { QrChannelInput, QrChannelView, ReplyAction, TagView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { EntityModal } from '../../components/EntityModal.tsx';
import { ReplyActionsEditor } from '../../components/replies/ReplyActionsEditor.tsx';
import { LOYALTY_TYPES, MESSAGE_TYPES, type ReplyActionType } from '../../components/replies/reply-actions.ts';
import type { FlowOption } from '../../components/replies/ReplyActionFields.tsx';
import { channelInput, channelValues, type ChannelValues } from './channel-form.ts';

/** A welcome is a message, the start of a conversation flow (a sign-up at the shop door), or the card or a coupon. */
const WELCOME_TYPES: ReplyActionType[] = [...MESSAGE_TYPES, 'flow', ...LOYALTY_TYPES];

interface ChannelModalProps {
  channel: QrChannelView | 'new' | null;
  tags: TagView[];
  flows: FlowOption[];
  onSave: (input: QrChannelInput) => Promise<void>;
  onCancel: () => void;
}

/** Create or edit a channel: its name, the tags its fans get, its own welcome, the poster caption. */
export function ChannelModal({ channel, tags, flows, onSave, onCancel }: ChannelModalProps) {
  const { t } = useI18n();
  return (
    <EntityModal<ChannelValues>
      values={channel === null ? null : channelValues(channel)}
      title={channel === 'new' ? t('channels.create') : t('channels.edit')}
      onSave={(values) => onSave(channelInput(values))}
      onCancel={onCancel}
      width={720}
      testId="channel-form"
    >
      <div className="zg-modal-grid">
        <Form.Item name="name" label={t('channels.col.name')} rules={[{ required: true, whitespace: true, message: t('channels.nameRequired') }]}>
          <Input maxLength={60} placeholder={t('channels.namePlaceholder')} data-testid="channel-name" />
        </Form.Item>
        <Form.Item name="note" label={t('channels.col.note')}>
          <Input maxLength={200} placeholder={t('channels.notePlaceholder')} data-testid="channel-note" />
        </Form.Item>
      </div>
      <Form.Item name="tagIds" label={t('channels.col.tags')} extra={t('channels.tagsHelp')}>
        <Select<number[]>
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('channels.tagsPlaceholder')}
          options={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
          data-testid="channel-tags"
        />
      </Form.Item>
      <WelcomeFields flows={flows} />
      <Form.Item name="caption" label={t('channels.caption')} extra={t('channels.captionHelp')}>
        <Input maxLength={40} placeholder={t('channels.captionPlaceholder')} data-testid="channel-caption" />
      </Form.Item>
      <Form.Item name="enabled" label={t('rules.col.enabled')} valuePropName="checked" extra={t('channels.enabledHelp')}>
        <Switch data-testid="channel-enabled" />
      </Form.Item>
    </EntityModal>
  );
}

function WelcomeFields({ flows }: { flows: FlowOption[] }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const count = ((Form.useWatch('welcome', { form, preserve: true }) as ReplyAction[] | undefined) ?? []).length;
  return (
    <Form.Item label={t('channels.welcome')} extra={t('channels.welcomeHelp')} className="zg-channel-welcome">
      <ReplyActionsEditor name={['welcome']} path={['welcome']} types={WELCOME_TYPES} flows={flows} max={5} textHint={t('reply.text.linkHint')} testId="channel-welcome" />
      {count > 1 && (
        <Form.Item name="welcomeMode" label={t('reply.mode')} className="zg-channel-welcome-mode">
          <Radio.Group
            options={[
              { value: 'random', label: t('reply.mode.random') },
              { value: 'all', label: t('reply.mode.all') },
            ]}
          />
        </Form.Item>
      )}
    </Form.Item>
  );
}
