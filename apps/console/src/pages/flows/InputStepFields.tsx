import { Form, Input, InputNumber, Select } from 'antd';
import type { FlowInputSpec } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { stepExists, useStepIds } from './use-step-ids.ts';

const VALIDATIONS: Array<FlowInputSpec['validate']> = ['text', 'phone', 'number', 'regex'];

/** An input step: which value it collects, how the answer is checked, and where the fan goes next. */
export function InputStepFields({ step, stepIndex }: { step: number; stepIndex: number }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const validate = Form.useWatch(['steps', step, 'input', 'validate'], form) as FlowInputSpec['validate'] | undefined;
  const stepIds = useStepIds().filter(Boolean);
  const testId = `flow-step-${stepIndex}-input`;
  return (
    <>
      <h4>{t('flows.input')}</h4>
      <div className="zg-flow-grid">
        <Form.Item
          name={[step, 'input', 'key']}
          label={t('flows.input.key')}
          extra={t('flows.input.keyHelp')}
          rules={[
            { required: true, whitespace: true, message: t('flows.input.keyRequired') },
            { pattern: /^\w+$/, message: t('flows.input.keyInvalid') },
          ]}
        >
          <Input className="zg-mono" placeholder="address" maxLength={40} data-testid={`${testId}-key`} />
        </Form.Item>
        <Form.Item name={[step, 'input', 'next']} label={t('flows.input.next')} rules={[{ required: true, message: t('flows.input.nextRequired') }, stepExists(stepIds, t)]}>
          <Select options={stepIds.map((id) => ({ value: id, label: `→ ${id}` }))} data-testid={`${testId}-next`} />
        </Form.Item>
        <Form.Item name={[step, 'input', 'validate']} label={t('flows.input.validate')}>
          <Select options={VALIDATIONS.map((value) => ({ value, label: t(`flows.validate.${value}`) }))} data-testid={`${testId}-validate`} />
        </Form.Item>
        {validate === 'regex' ? (
          <Form.Item name={[step, 'input', 'pattern']} label={t('flows.input.pattern')} rules={[{ required: true, message: t('flows.input.patternRequired') }]}>
            <Input className="zg-mono" placeholder="^\d{6}$" data-testid={`${testId}-pattern`} />
          </Form.Item>
        ) : (
          <div className="zg-flow-lengths">
            <Form.Item name={[step, 'input', 'minLength']} label={t('flows.input.minLength')}>
              <InputNumber min={0} max={2000} precision={0} />
            </Form.Item>
            <Form.Item name={[step, 'input', 'maxLength']} label={t('flows.input.maxLength')}>
              <InputNumber min={1} max={2000} precision={0} />
            </Form.Item>
          </div>
        )}
        <Form.Item
          name={[step, 'input', 'invalidMessage']}
          label={t('flows.input.invalidMessage')}
          rules={[{ required: true, whitespace: true, message: t('flows.input.invalidRequired') }]}
          className="zg-flow-wide"
        >
          <Input maxLength={500} placeholder={t('flows.input.invalidPlaceholder')} data-testid={`${testId}-invalid`} />
        </Form.Item>
      </div>
    </>
  );
}
