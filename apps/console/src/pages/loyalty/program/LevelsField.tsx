import { Button, Card, Form, Input, InputNumber, Tooltip } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProgramView } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { zheToPercent } from '../loyalty-format.ts';
import type { LevelValues } from './program-form.ts';

const MAX_LEVELS = 10;

/** The levels, lowest first: a name, the lifetime points that reach it, its discount and its benefits. */
export function LevelsField({ view }: { view: ProgramView | null }) {
  const { t } = useI18n();
  const members = new Map((view?.levels ?? []).map((level) => [level.id, level.members]));

  return (
    <Card variant="borderless" title={t('loyalty.levels.title')} className="zg-loyalty-section">
      <p className="zg-field-help zg-loyalty-section-help">{t('loyalty.levels.help')}</p>
      <Form.List
        name="levels"
        rules={[{ validator: async (_, levels: unknown[] | undefined) => (levels?.length ? undefined : Promise.reject(new Error(t('loyalty.levels.required')))) }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div className="zg-levels" data-testid="loyalty-levels">
            {fields.map((field, index) => (
              <LevelRow key={field.key} field={field.name} index={index} members={members} canRemove={fields.length > 1} onRemove={() => remove(field.name)} />
            ))}
            <Form.ErrorList errors={errors} />
            {fields.length < MAX_LEVELS && (
              <AddLevelButton onAdd={(threshold) => add({ name: '', threshold, payPercent: null, benefits: '' } satisfies LevelValues)} />
            )}
          </div>
        )}
      </Form.List>
    </Card>
  );
}

interface LevelRowProps {
  field: number;
  index: number;
  members: Map<number, number>;
  canRemove: boolean;
  onRemove: () => void;
}

function LevelRow({ field, index, members, canRemove, onRemove }: LevelRowProps) {
  const { t, language } = useI18n();
  const form = Form.useFormInstance();
  const level = Form.useWatch(['levels', field], { form, preserve: true }) as LevelValues | undefined;
  const count = level?.id ? members.get(level.id) : undefined;
  const percent = zheToPercent(level?.payPercent);

  return (
    <div className="zg-level" data-testid={`loyalty-level-${index}`}>
      <div className="zg-level-head">
        <span className="zg-level-index">{index + 1}</span>
        <span className="zg-muted">{count === undefined ? t('loyalty.levels.new') : t('loyalty.levels.members', { n: formatNumber(count, language) })}</span>
        {canRemove && (
          <Tooltip title={t('common.delete')}>
            <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.delete')} data-testid={`loyalty-level-remove-${index}`} />
          </Tooltip>
        )}
      </div>
      <div className="zg-level-grid">
        <Form.Item name={[field, 'name']} label={t('loyalty.levels.name')} rules={[{ required: true, whitespace: true, message: t('loyalty.levels.nameRequired') }]}>
          <Input maxLength={20} placeholder={t('loyalty.levels.namePlaceholder')} data-testid={`loyalty-level-name-${index}`} />
        </Form.Item>
        <Form.Item
          name={[field, 'threshold']}
          label={t('loyalty.levels.threshold')}
          extra={index === 0 ? t('loyalty.levels.firstThreshold') : undefined}
          rules={index === 0 ? [] : [{ required: true, message: t('loyalty.levels.thresholdRequired') }]}
        >
          <InputNumber min={index === 0 ? 0 : 1} max={index === 0 ? 0 : 100_000_000} precision={0} disabled={index === 0} suffix={t('loyalty.points.unit')} className="zg-full-width" data-testid={`loyalty-level-threshold-${index}`} />
        </Form.Item>
        <Form.Item
          name={[field, 'payPercent']}
          label={t('loyalty.levels.discount')}
          extra={percent === null ? t('loyalty.levels.noDiscount') : t('loyalty.levels.discountMeans', { percent })}
        >
          <InputNumber min={1} max={9.9} step={0.5} precision={1} placeholder={t('loyalty.levels.discountPlaceholder')} suffix={t('loyalty.zhe')} className="zg-full-width" data-testid={`loyalty-level-discount-${index}`} />
        </Form.Item>
      </div>
      <Form.Item name={[field, 'benefits']} label={t('loyalty.levels.benefits')} className="zg-level-benefits">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} placeholder={t('loyalty.levels.benefitsPlaceholder')} data-testid={`loyalty-level-benefits-${index}`} />
      </Form.Item>
    </div>
  );
}

/** A new level starts above the highest threshold so far. */
function AddLevelButton({ onAdd }: { onAdd: (threshold: number) => void }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const levels = (Form.useWatch('levels', { form, preserve: true }) as LevelValues[] | undefined) ?? [];
  const highest = Math.max(0, ...levels.map((level) => level?.threshold ?? 0));
  return (
    <Button type="dashed" block icon={<PlusOutlined />} onClick={() => onAdd(highest ? highest * 2 : 1000)} data-testid="loyalty-level-add">
      {t('loyalty.levels.add')}
    </Button>
  );
}
