import { Button, Form, Input } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n.tsx';
import { newChoice } from './flow-form.ts';
import { ChoiceRow } from './ChoiceRow.tsx';

interface ChoicesEditorProps {
  /** The step's name in the steps list. */
  step: number;
  stepIndex: number;
  disabled: boolean;
}

/** A choice step's answers: how each is matched, what it sends, where it leads; and the "otherwise" text. */
export function ChoicesEditor({ step, stepIndex, disabled }: ChoicesEditorProps) {
  const { t } = useI18n();
  return (
    <>
      <h4>{t('flows.choices')}</h4>
      <Form.List
        name={[step, 'choices']}
        rules={[{ validator: async (_, value: unknown[] | undefined) => (value?.length ? undefined : Promise.reject(new Error(t('flows.choicesRequired')))) }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div className="zg-choices" data-testid={`flow-step-${stepIndex}-choices`}>
            {fields.length > 0 && (
              <div className="zg-choice-grid zg-choice-header" aria-hidden>
                <span>{t('flows.choice.match')}</span>
                <span>{t('flows.choice.value')}</span>
                <span>{t('flows.choice.next')}</span>
                <span>{t('flows.choice.score')}</span>
                <span />
              </div>
            )}
            {fields.map((field, index) => (
              <ChoiceRow
                key={field.key}
                step={step}
                field={field.name}
                testId={`flow-step-${stepIndex}-choice-${index}`}
                disabled={disabled}
                onRemove={() => remove(field.name)}
              />
            ))}
            {fields.length === 0 && <p className="zg-muted zg-choices-empty">{t('flows.noChoices')}</p>}
            <Form.ErrorList errors={errors} />
            {!disabled && (
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add(newChoice())} data-testid={`flow-step-${stepIndex}-choice-add`}>
                {t('flows.addChoice')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
      <Form.Item name={[step, 'otherwise']} label={t('flows.otherwise')} extra={t('flows.otherwiseHelp')} className="zg-step-otherwise">
        <Input maxLength={500} placeholder={t('flows.otherwisePlaceholder')} data-testid={`flow-step-${stepIndex}-otherwise`} />
      </Form.Item>
    </>
  );
}
