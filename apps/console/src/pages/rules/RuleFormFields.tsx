import { Checkbox, Form, Input, InputNumber, Radio, Switch } from 'antd';
import type { RuleTrigger } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { ACTION_TYPES } from '../../components/replies/reply-actions.ts';
import { ReplyActionsEditor } from '../../components/replies/ReplyActionsEditor.tsx';
import type { FlowOption } from '../../components/replies/ReplyActionFields.tsx';
import { INBOUND_TYPES, TRIGGERS } from './rule-labels.ts';
import { KeywordsField } from './KeywordsField.tsx';
import { ScheduleField } from './ScheduleField.tsx';

interface RuleFormFieldsProps {
  disabled: boolean;
  flows: FlowOption[];
}

/** The rule editor's sections: what it is, when it fires, when it is active, what it answers. */
export function RuleFormFields({ disabled, flows }: RuleFormFieldsProps) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const trigger = Form.useWatch('trigger', form) as RuleTrigger | undefined;
  const replyCount = ((Form.useWatch('replies', form) as unknown[] | undefined) ?? []).length;

  return (
    <>
      <section className="zg-form-section">
        <h3>{t('rules.section.basics')}</h3>
        <div className="zg-form-row">
          <Form.Item name="name" label={t('rules.col.name')} rules={[{ required: true, whitespace: true, message: t('rules.nameRequired') }]} className="zg-grow">
            <Input maxLength={60} placeholder={t('rules.namePlaceholder')} data-testid="rule-name" />
          </Form.Item>
          <Form.Item name="priority" label={t('rules.col.priority')} tooltip={t('rules.priorityHelp')}>
            <InputNumber min={-1000} max={1000} precision={0} className="zg-priority" data-testid="rule-priority" />
          </Form.Item>
          <Form.Item name="enabled" label={t('rules.col.enabled')} valuePropName="checked">
            <Switch data-testid="rule-enabled" />
          </Form.Item>
        </div>
      </section>

      <section className="zg-form-section">
        <h3>{t('rules.section.trigger')}</h3>
        <Form.Item name="trigger" extra={trigger ? t(`rules.triggerHelp.${trigger}`) : undefined}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={TRIGGERS.map((value) => ({ value, label: <span data-testid={`rule-trigger-${value}`}>{t(`rules.trigger.${value}`)}</span> }))}
          />
        </Form.Item>
        {trigger === 'keyword' && (
          <>
            <KeywordsField disabled={disabled} />
            <div className="zg-form-switches">
              <Form.Item name="ignoreCase" valuePropName="checked" noStyle>
                <Switch size="small" data-testid="rule-ignore-case" />
              </Form.Item>
              <span>{t('rules.ignoreCase')}</span>
              <Form.Item name="foldWidth" valuePropName="checked" noStyle>
                <Switch size="small" data-testid="rule-fold-width" />
              </Form.Item>
              <span>{t('rules.foldWidth')}</span>
            </div>
          </>
        )}
        {trigger === 'message_type' && (
          <Form.Item name="messageTypes" rules={[{ type: 'array', min: 1, message: t('rules.messageTypesRequired') }]}>
            <Checkbox.Group options={INBOUND_TYPES.map((type) => ({ value: type, label: t(`rules.inbound.${type}`) }))} data-testid="rule-message-types" />
          </Form.Item>
        )}
      </section>

      <section className="zg-form-section">
        <h3>{t('rules.section.schedule')}</h3>
        <ScheduleField disabled={disabled} />
      </section>

      <section className="zg-form-section">
        <h3>{t('rules.section.replies')}</h3>
        <ReplyActionsEditor name={['replies']} path={['replies']} types={ACTION_TYPES} flows={flows} disabled={disabled} required testId="rule-reply" />
        {replyCount > 1 && (
          <Form.Item name="replyMode" label={t('reply.mode')} className="zg-reply-mode" extra={t('reply.mode.help')}>
            <Radio.Group
              options={[
                { value: 'random', label: <span data-testid="rule-mode-random">{t('reply.mode.random')}</span> },
                { value: 'all', label: <span data-testid="rule-mode-all">{t('reply.mode.all')}</span> },
              ]}
            />
          </Form.Item>
        )}
      </section>
    </>
  );
}
