import { useMemo } from 'react';
import { ColorPicker, DatePicker, Form, Input, InputNumber, Radio, Switch } from 'antd';
import dayjs from 'dayjs';
import type { CouponKind, CouponTemplateInput, CouponTemplateView } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import { EntityModal } from '../../../components/EntityModal.tsx';
import { CARD_COLOURS, couponTitle, textOnColour, zheToPercent } from '../loyalty-format.ts';
import { yuanToFen } from '../../products/price.ts';
import { newTemplateValues, templateInput, templateValues, type TemplateValues } from './template-form.ts';

interface TemplateModalProps {
  template: CouponTemplateView | 'new' | null;
  onSave: (input: CouponTemplateInput) => Promise<void>;
  onCancel: () => void;
}

const KINDS: CouponKind[] = ['amount', 'percent', 'gift'];

/** Create or edit a coupon template: what it gives, for how long, how many, and who may get it how. */
export function TemplateModal({ template, onSave, onCancel }: TemplateModalProps) {
  const { t } = useI18n();
  // The list behind is read again every 10 s; the form must not be reset by that.
  const values = useMemo(() => (template === null ? null : template === 'new' ? newTemplateValues() : templateValues(template)), [template]);
  return (
    <EntityModal<TemplateValues>
      values={values}
      title={template === 'new' ? t('loyalty.template.create') : t('loyalty.template.edit')}
      onSave={(values) => onSave(templateInput(values))}
      onCancel={onCancel}
      width={760}
      testId="coupon-template-form"
    >
      <TemplatePreview />
      <div className="zg-modal-grid">
        <Form.Item name="name" label={t('loyalty.template.name')} rules={[{ required: true, whitespace: true, message: t('loyalty.template.nameRequired') }]}>
          <Input maxLength={30} placeholder={t('loyalty.template.namePlaceholder')} data-testid="coupon-template-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('loyalty.template.kind')}>
          <Radio.Group optionType="button" options={KINDS.map((kind) => ({ value: kind, label: t(`loyalty.kind.${kind}`) }))} data-testid="coupon-template-kind" />
        </Form.Item>
      </div>
      <ValueFields />
      <ValidityFields />
      <div className="zg-modal-grid">
        <Form.Item name="stock" label={t('loyalty.template.stock')} extra={template && template !== 'new' ? t('loyalty.template.stockIssued', { n: template.issued }) : t('loyalty.template.stockHelp')}>
          <InputNumber min={template && template !== 'new' ? Math.max(1, template.issued) : 1} max={10_000_000} precision={0} placeholder={t('loyalty.template.unlimited')} className="zg-full-width" data-testid="coupon-template-stock" />
        </Form.Item>
        <Form.Item name="perFanLimit" label={t('loyalty.template.perFanLimit')} extra={t('loyalty.template.perFanLimitHelp')} rules={[{ required: true, message: t('loyalty.template.perFanLimitHelp') }]}>
          <InputNumber min={1} max={1000} precision={0} suffix={t('loyalty.template.sheets')} className="zg-full-width" data-testid="coupon-template-per-fan" />
        </Form.Item>
        <Form.Item name="pointsPrice" label={t('loyalty.template.pointsPrice')} extra={t('loyalty.template.pointsPriceHelp')}>
          <InputNumber min={1} max={10_000_000} precision={0} placeholder={t('loyalty.template.notForPoints')} suffix={t('loyalty.points.unit')} className="zg-full-width" data-testid="coupon-template-points-price" />
        </Form.Item>
        <Form.Item name="color" label={t('loyalty.template.color')} getValueFromEvent={(color: { toHexString: () => string }) => color.toHexString()}>
          <ColorPicker disabledAlpha showText presets={[{ label: t('loyalty.colorPresets'), colors: CARD_COLOURS }]} data-testid="coupon-template-color" />
        </Form.Item>
      </div>
      <Form.Item name="description" label={t('loyalty.template.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount placeholder={t('loyalty.template.descriptionPlaceholder')} data-testid="coupon-template-description" />
      </Form.Item>
      <div className="zg-modal-grid">
        <Form.Item name="claimable" label={t('loyalty.template.claimable')} valuePropName="checked" extra={t('loyalty.template.claimableHelp')}>
          <Switch data-testid="coupon-template-claimable" />
        </Form.Item>
        <Form.Item name="enabled" label={t('loyalty.template.enabled')} valuePropName="checked" extra={t('loyalty.template.enabledHelp')}>
          <Switch data-testid="coupon-template-enabled" />
        </Form.Item>
      </div>
    </EntityModal>
  );
}

/** The fields of the kind picked: a discount in 折, an amount off in yuan, or a gift. */
function ValueFields() {
  const { t } = useI18n();
  const kind = Form.useWatch('kind') as CouponKind | undefined;
  const payPercent = zheToPercent(Form.useWatch('payPercent') as number | null | undefined);
  const minSpend = (
    <Form.Item name="minSpendFen" label={t('loyalty.template.minSpend')} extra={t('loyalty.template.minSpendHelp')}>
      <InputNumber min={0} max={1_000_000} precision={2} prefix="¥" placeholder={t('loyalty.template.noMinSpend')} className="zg-full-width" data-testid="coupon-template-min-spend" />
    </Form.Item>
  );
  switch (kind) {
    case 'percent':
      return (
        <div className="zg-modal-grid">
          <Form.Item
            name="payPercent"
            label={t('loyalty.template.discount')}
            extra={payPercent === null ? t('loyalty.template.discountHelp') : t('loyalty.levels.discountMeans', { percent: payPercent })}
            rules={[{ required: true, message: t('loyalty.template.discountRequired') }]}
          >
            <InputNumber min={1} max={9.9} step={0.5} precision={1} suffix={t('loyalty.zhe')} placeholder="8.5" className="zg-full-width" data-testid="coupon-template-discount" />
          </Form.Item>
          {minSpend}
        </div>
      );
    case 'gift':
      return (
        <Form.Item name="gift" label={t('loyalty.template.gift')} rules={[{ required: true, whitespace: true, message: t('loyalty.template.giftRequired') }]}>
          <Input maxLength={40} placeholder={t('loyalty.template.giftPlaceholder')} data-testid="coupon-template-gift" />
        </Form.Item>
      );
    default:
      return (
        <div className="zg-modal-grid">
          <Form.Item name="amountOffFen" label={t('loyalty.template.amountOff')} rules={[{ required: true, message: t('loyalty.template.amountOffRequired') }]}>
            <InputNumber min={0.01} max={100_000} precision={2} prefix="¥" className="zg-full-width" data-testid="coupon-template-amount" />
          </Form.Item>
          {minSpend}
        </div>
      );
  }
}

/** Valid between two dates, or for N days from the moment a fan gets it. */
function ValidityFields() {
  const { t } = useI18n();
  const type = Form.useWatch(['validity', 'type']) as 'fixed' | 'relative' | undefined;
  return (
    <div className="zg-modal-grid">
      <Form.Item name={['validity', 'type']} label={t('loyalty.template.validity')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'relative', label: t('loyalty.template.relative') },
            { value: 'fixed', label: t('loyalty.template.fixed') },
          ]}
          data-testid="coupon-template-validity"
        />
      </Form.Item>
      {type === 'fixed' ? (
        <Form.Item name="validityRange" label={t('loyalty.template.dates')} extra={t('loyalty.template.datesHelp')} rules={[{ required: true, message: t('loyalty.template.datesRequired') }]}>
          <DatePicker.RangePicker className="zg-full-width" disabledDate={(day) => day.isBefore(dayjs(), 'day')} data-testid="coupon-template-dates" />
        </Form.Item>
      ) : (
        <Form.Item name={['validity', 'days']} label={t('loyalty.template.days')} extra={t('loyalty.template.daysHelp')} rules={[{ required: true, message: t('loyalty.template.daysRequired') }]}>
          <InputNumber min={1} max={3650} precision={0} suffix={t('loyalty.points.days')} className="zg-full-width" data-testid="coupon-template-days" />
        </Form.Item>
      )}
    </div>
  );
}

/** The coupon as the fan will see it, following the form. */
function TemplatePreview() {
  const form = Form.useFormInstance<TemplateValues>();
  return (
    <Form.Item noStyle shouldUpdate>
      {() => <CouponFace values={form.getFieldsValue(true) as TemplateValues | undefined} />}
    </Form.Item>
  );
}

function CouponFace({ values }: { values: TemplateValues | undefined }) {
  const { t, language } = useI18n();
  if (!values?.kind) return null;
  const title = couponTitle(
    {
      kind: values.kind,
      payPercent: zheToPercent(values.payPercent),
      amountOffFen: values.amountOffFen ? yuanToFen(values.amountOffFen) : null,
      minSpendFen: values.minSpendFen ? yuanToFen(values.minSpendFen) : 0,
      gift: values.gift,
    },
    language,
  );
  const colour = values.color || '#ee903c';
  return (
    <div className="zg-coupon-preview" style={{ background: colour, color: textOnColour(colour) }} data-testid="coupon-template-preview">
      <strong>{title || t('loyalty.template.previewEmpty')}</strong>
      <span>{values.name?.trim() || t('loyalty.template.namePlaceholder')}</span>
      <em className="zg-coupon-preview-stub">{t(`loyalty.kind.${values.kind ?? 'amount'}`)}</em>
    </div>
  );
}
