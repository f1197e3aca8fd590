import { Form, Select } from 'antd';
import type { MessageReply } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { PhonePreview } from '../../components/replies/PhonePreview.tsx';
import type { PhoneItem } from '../../components/replies/phone-items.ts';
import type { ChoiceValues, StepValues } from './flow-form.ts';

interface FlowPreviewProps {
  step: string | null;
  onStep: (stepId: string) => void;
}

/** A choice as the fan would type it: "2", "^(B|b)$", "1–5", "任意内容". */
function choiceLabel(choice: ChoiceValues, anything: string): string {
  const { type, value, min, max } = choice.match ?? { type: 'any' };
  if (type === 'any') return anything;
  if (type === 'number' && !value && (min !== undefined || max !== undefined)) return `${min ?? ''}–${max ?? ''}`;
  return value ?? '';
}

/** The phone showing what a step sends when the fan enters it (the start step opens with the entry keyword). */
export function FlowPreview({ step, onStep }: FlowPreviewProps) {
  const { t } = useI18n();
  const { account } = useAccount();
  const form = Form.useFormInstance();
  const steps = ((Form.useWatch('steps', { form, preserve: true }) as StepValues[] | undefined) ?? []).filter(Boolean);
  const startStep = Form.useWatch('startStep', form) as string | undefined;
  const entry = (Form.useWatch('entryKeywords', form) as string[] | undefined)?.[0];
  const current = steps.find((candidate) => candidate.id === step) ?? steps.find((candidate) => candidate.id === startStep) ?? steps[0];

  const items: PhoneItem[] = [];
  if (current && current.id === startStep && entry) items.push({ kind: 'fan', message: { type: 'text', content: entry } });
  for (const message of (current?.messages ?? []).filter((reply): reply is MessageReply => Boolean(reply?.type))) items.push({ kind: 'reply', reply: message });
  if (current?.kind === 'end') items.push({ kind: 'notice', text: t('flows.preview.ends') });

  return (
    <div className="zg-flow-preview">
      <Select
        value={current?.id}
        onChange={onStep}
        options={steps.map((candidate) => ({ value: candidate.id, label: `#${candidate.id}${candidate.name ? ` · ${candidate.name}` : ''}` }))}
        className="zg-flow-preview-select"
        disabled={false}
        data-testid="flow-preview-step"
      />
      <PhonePreview title={account.name} items={items} empty={t('flows.preview.empty')} testId="flow-preview" />
      {current?.kind === 'choice' && (current.choices ?? []).length > 0 && (
        <ul className="zg-flow-preview-choices">
          {(current.choices ?? []).map((choice, index) => (
            <li key={index}>
              <code>{choiceLabel(choice, t('flows.match.anyHelp'))}</code>
              <span>→ {choice.next || t('flows.choice.stay')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
