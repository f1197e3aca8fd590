import { Card, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { KeywordTagsInput } from '../../components/KeywordTagsInput.tsx';
import { stepExists, useStepIds } from './use-step-ids.ts';

/** Name, how fans get in and out, and where the flow starts. */
export function FlowSettingsCard() {
  const { t } = useI18n();
  const stepIds = useStepIds();
  return (
    <Card variant="borderless" title={t('flows.section.settings')} className="zg-flow-card">
      <div className="zg-form-row">
        <Form.Item name="name" label={t('flows.name')} rules={[{ required: true, whitespace: true, message: t('flows.nameRequired') }]} className="zg-grow">
          <Input maxLength={60} placeholder={t('flows.namePlaceholder')} data-testid="flow-name" />
        </Form.Item>
        <Form.Item name="enabled" label={t('rules.col.enabled')} valuePropName="checked">
          <Switch data-testid="flow-enabled" />
        </Form.Item>
      </div>
      <div className="zg-flow-grid">
        <Form.Item name="entryKeywords" label={t('flows.entryKeywords')} extra={t('flows.entryKeywordsHelp')}>
          <KeywordTagsInput placeholder={t('flows.entryKeywordsPlaceholder')} data-testid="flow-entry" />
        </Form.Item>
        <Form.Item name="startStep" label={t('flows.startStep')} rules={[{ required: true, message: t('flows.startStepRequired') }, stepExists(stepIds.filter(Boolean), t)]}>
          <Select options={stepIds.filter(Boolean).map((id) => ({ value: id, label: id }))} data-testid="flow-start" />
        </Form.Item>
        <Form.Item name="exitWords" label={t('flows.exitWords')} extra={t('flows.exitWordsHelp')}>
          <KeywordTagsInput placeholder={t('flows.exitWordsPlaceholder')} data-testid="flow-exit" />
        </Form.Item>
        <Form.Item name="exitMessage" label={t('flows.exitMessage')}>
          <Input maxLength={500} data-testid="flow-exit-message" />
        </Form.Item>
        <Form.Item name="timeoutMinutes" label={t('flows.timeout')} extra={t('flows.timeoutHelp')}>
          <InputNumber min={1} max={10080} precision={0} suffix={t('flows.minutes')} className="zg-flow-timeout" data-testid="flow-timeout" />
        </Form.Item>
      </div>
    </Card>
  );
}
