import { Button, Form } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n.tsx';
import { freeStepId, newStep } from './flow-form.ts';
import { FlowStepCard } from './FlowStepCard.tsx';
import { useStepIds } from './use-step-ids.ts';

interface FlowStepsEditorProps {
  disabled: boolean;
  /** The step whose messages the phone shows (the card last worked on). */
  onPreview: (stepId: string) => void;
}

/** The flow's steps, one card each, in the order the operator arranges them. */
export function FlowStepsEditor({ disabled, onPreview }: FlowStepsEditorProps) {
  const { t } = useI18n();
  const stepIds = useStepIds();
  return (
    <Form.List name="steps">
      {(fields, { add, remove }) => (
        <div className="zg-steps" data-testid="flow-steps">
          <div className="zg-steps-head">
            <h2>{t('flows.section.steps')}</h2>
            <span className="zg-muted">{t('flows.stepsHelp')}</span>
          </div>
          {fields.map((field, index) => (
            <FlowStepCard
              key={field.key}
              field={field.name}
              index={index}
              disabled={disabled}
              onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
              onPreview={() => onPreview(stepIds[index] ?? '')}
            />
          ))}
          {!disabled && (
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => {
                const id = freeStepId(stepIds);
                add(newStep(id));
                onPreview(id);
              }}
              data-testid="flow-step-add"
            >
              {t('flows.addStep')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
