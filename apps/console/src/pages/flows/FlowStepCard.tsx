import { useRef } from 'react';
import { Button, Form, Input, Popconfirm, Segmented, Switch, Tooltip } from 'antd';
import { DeleteOutlined, EyeOutlined, FlagFilled } from '@ant-design/icons';
import type { FlowStep } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { MESSAGE_TYPES } from '../../components/replies/reply-actions.ts';
import { ReplyActionsEditor } from '../../components/replies/ReplyActionsEditor.tsx';
import { renameStepReferences, type FlowFormValues } from './flow-form.ts';
import { ChoicesEditor } from './ChoicesEditor.tsx';
import { InputStepFields } from './InputStepFields.tsx';

const KINDS: Array<FlowStep['kind']> = ['choice', 'input', 'end'];

interface FlowStepCardProps {
  field: number;
  index: number;
  disabled: boolean;
  onRemove?: () => void;
  onPreview: () => void;
}

/** One step: its id and name, what it sends on entering, and how the fan's answer is handled. */
export function FlowStepCard({ field, index, disabled, onRemove, onPreview }: FlowStepCardProps) {
  const { t } = useI18n();
  const form = Form.useFormInstance<FlowFormValues>();
  const kind = Form.useWatch(['steps', field, 'kind'], form) as FlowStep['kind'] | undefined;
  const id = Form.useWatch(['steps', field, 'id'], form) as string | undefined;
  const startStep = Form.useWatch('startStep', form) as string | undefined;
  const idWhenFocused = useRef('');

  // Renaming a step re-points the start step and every "next" that named it.
  const renamed = () => {
    const before = idWhenFocused.current;
    const after = ((form.getFieldValue(['steps', field, 'id']) as string | undefined) ?? '').trim();
    if (!before || !after || before === after) return;
    form.setFieldsValue(renameStepReferences(form.getFieldsValue(true) as FlowFormValues, before, after));
  };

  return (
    <section className="zg-step" data-testid={`flow-step-${index}`} onFocusCapture={onPreview} onClickCapture={onPreview}>
      <header className="zg-step-head">
        <span className="zg-step-number">{index + 1}</span>
        <Form.Item
          name={[field, 'id']}
          className="zg-step-id"
          rules={[
            { required: true, whitespace: true, message: t('flows.stepIdRequired') },
            { pattern: /^[\w-]+$/, message: t('flows.stepIdInvalid') },
            {
              validator: async (_, value: string | undefined) => {
                const ids = ((form.getFieldValue('steps') as Array<{ id?: string }> | undefined) ?? []).map((step) => step?.id?.trim());
                if (value && ids.filter((other) => other === value.trim()).length > 1) throw new Error(t('flows.stepIdTaken'));
              },
            },
          ]}
        >
          <Input
            prefix={<span className="zg-muted">#</span>}
            className="zg-mono"
            maxLength={40}
            onFocus={(event) => (idWhenFocused.current = event.target.value.trim())}
            onBlur={renamed}
            aria-label={t('flows.stepId')}
            data-testid={`flow-step-id-${index}`}
          />
        </Form.Item>
        <Form.Item name={[field, 'name']} className="zg-step-name">
          <Input maxLength={40} placeholder={t('flows.stepNamePlaceholder')} aria-label={t('flows.stepName')} />
        </Form.Item>
        <Form.Item name={[field, 'kind']} className="zg-step-kind">
          <Segmented options={KINDS.map((value) => ({ value, label: <span data-testid={`flow-step-kind-${index}-${value}`}>{t(`flows.kind.${value}`)}</span> }))} />
        </Form.Item>
        {id && id === startStep && (
          <Tooltip title={t('flows.startStepBadgeHelp')}>
            <span className="zg-step-start">
              <FlagFilled /> {t('flows.startStepBadge')}
            </span>
          </Tooltip>
        )}
        <span className="zg-step-tools">
          <Tooltip title={t('flows.previewStep')}>
            <Button type="text" size="small" icon={<EyeOutlined />} onClick={onPreview} aria-label={t('flows.previewStep')} />
          </Tooltip>
          {onRemove && !disabled && (
            <Popconfirm title={t('flows.deleteStepConfirm', { id: id ?? '' })} okText={t('common.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={onRemove}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid={`flow-step-remove-${index}`} />
            </Popconfirm>
          )}
        </span>
      </header>
      <div className="zg-step-body">
        <h4>{t('flows.onEnter')}</h4>
        <ReplyActionsEditor
          name={[field, 'messages']}
          path={['steps', field, 'messages']}
          types={MESSAGE_TYPES}
          disabled={disabled}
          max={5}
          testId={`flow-step-${index}-message`}
        />
        {kind === 'choice' && <ChoicesEditor step={field} stepIndex={index} disabled={disabled} />}
        {kind === 'input' && <InputStepFields step={field} stepIndex={index} />}
        {kind === 'end' && (
          <div className="zg-step-end">
            <Form.Item name={[field, 'submit']} valuePropName="checked" noStyle>
              <Switch data-testid={`flow-step-submit-${index}`} />
            </Form.Item>
            <div>
              <strong>{t('flows.submit')}</strong>
              <p>{t('flows.submitHelp')}</p>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
