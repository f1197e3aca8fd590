import { useState } from 'react';
import { Badge, Button, Form, Input, InputNumber, Select, Tooltip } from 'antd';
import { DeleteOutlined, DownOutlined, UpOutlined } from '@ant-design/icons';
import type { FlowChoice } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { MESSAGE_TYPES } from '../../components/replies/reply-actions.ts';
import { ReplyActionsEditor } from '../../components/replies/ReplyActionsEditor.tsx';
import { stepExists, useStepIds } from './use-step-ids.ts';
import { SetValuesField } from './SetValuesField.tsx';
import type { ChoiceValues } from './flow-form.ts';

type MatchKind = FlowChoice['match']['type'];
const MATCH_KINDS: MatchKind[] = ['exact', 'number', 'regex', 'any'];

interface ChoiceRowProps {
  step: number;
  field: number;
  testId: string;
  disabled: boolean;
  onRemove: () => void;
}

/** One answer of a choice step as a table row; its messages and remembered values open below it. */
export function ChoiceRow({ step, field, testId, disabled, onRemove }: ChoiceRowProps) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const path = ['steps', step, 'choices', field];
  const choice = Form.useWatch(path, { form, preserve: true }) as ChoiceValues | undefined;
  const matchType = choice?.match?.type ?? 'exact';
  const extras = (choice?.messages?.length ?? 0) + (choice?.set?.length ?? 0);
  const [open, setOpen] = useState(false);
  const stepIds = useStepIds().filter(Boolean);

  return (
    <div className={`zg-choice${open ? ' zg-choice--open' : ''}`} data-testid={testId}>
      <div className="zg-choice-grid">
        <Form.Item name={[field, 'match', 'type']}>
          <Select<MatchKind> options={MATCH_KINDS.map((kind) => ({ value: kind, label: t(`flows.match.${kind}`) }))} popupMatchSelectWidth={false} data-testid={`${testId}-match`} />
        </Form.Item>
        <div className="zg-choice-value">
          {matchType === 'any' && <span className="zg-muted">{t('flows.match.anyHelp')}</span>}
          {(matchType === 'exact' || matchType === 'regex') && (
            <Form.Item name={[field, 'match', 'value']} rules={[{ required: true, message: t('flows.choice.valueRequired') }]}>
              <Input className={matchType === 'regex' ? 'zg-mono' : undefined} placeholder={matchType === 'regex' ? '^(B|b)$' : t('flows.choice.exactPlaceholder')} data-testid={`${testId}-value`} />
            </Form.Item>
          )}
          {matchType === 'number' && (
            <div className="zg-choice-number">
              <Form.Item name={[field, 'match', 'value']}>
                <Input placeholder={t('flows.choice.numberPlaceholder')} className="zg-choice-number-value" data-testid={`${testId}-value`} />
              </Form.Item>
              <span className="zg-muted">{t('flows.choice.orRange')}</span>
              <Form.Item name={[field, 'match', 'min']}>
                <InputNumber placeholder={t('flows.choice.min')} className="zg-choice-range" />
              </Form.Item>
              <span className="zg-muted">–</span>
              <Form.Item name={[field, 'match', 'max']}>
                <InputNumber placeholder={t('flows.choice.max')} className="zg-choice-range" />
              </Form.Item>
            </div>
          )}
        </div>
        <Form.Item name={[field, 'next']} rules={[stepExists(stepIds, t)]}>
          <Select
            options={[{ value: '', label: t('flows.choice.stay') }, ...stepIds.map((id) => ({ value: id, label: `→ ${id}` }))]}
            popupMatchSelectWidth={false}
            data-testid={`${testId}-next`}
          />
        </Form.Item>
        <Form.Item name={[field, 'score']}>
          <InputNumber precision={0} placeholder="0" className="zg-choice-score" data-testid={`${testId}-score`} />
        </Form.Item>
        <span className="zg-choice-tools">
          <Tooltip title={t('flows.choice.more')}>
            <Badge count={extras} size="small" color="#07b05a" offset={[-4, 4]}>
              <Button type="text" size="small" icon={open ? <UpOutlined /> : <DownOutlined />} onClick={() => setOpen(!open)} aria-label={t('flows.choice.more')} data-testid={`${testId}-more`} />
            </Badge>
          </Tooltip>
          {!disabled && <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.delete')} data-testid={`${testId}-remove`} />}
        </span>
      </div>
      {open && (
        <div className="zg-choice-more">
          <h5>{t('flows.choice.messages')}</h5>
          <ReplyActionsEditor name={[field, 'messages']} path={[...path, 'messages']} types={MESSAGE_TYPES} disabled={disabled} max={5} testId={`${testId}-message`} />
          <h5>{t('flows.choice.set')}</h5>
          <SetValuesField field={field} disabled={disabled} />
        </div>
      )}
    </div>
  );
}
