import { Select, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useCouponOptions } from '../../data/use-coupon-options.ts';

interface CouponTemplateSelectProps {
  value?: number;
  onChange?: (templateId: number) => void;
  testId: string;
}

/**
 * The account's coupon templates that can be issued; a template picked earlier and since switched off or
 * archived stays shown (marked) so the reply does not silently change.
 */
export function CouponTemplateSelect({ value, onChange, testId }: CouponTemplateSelectProps) {
  const { t } = useI18n();
  const { account } = useAccount();
  const options = useCouponOptions(account.id);
  const shown = options.filter((option) => option.issuing || option.id === value);
  const current = value ? options.find((option) => option.id === value) : undefined;

  return (
    <Select<number>
      value={value || undefined}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('reply.coupon.pick')}
      notFoundContent={t('reply.coupon.none')}
      options={[
        ...shown.map((option) => ({
          value: option.id,
          label: t(option.issuing ? 'reply.coupon.option' : 'reply.coupon.optionStopped', { name: option.name, title: option.title }),
        })),
        // Known by id only (the templates could not be read, or it is gone): keep it visible.
        ...(value && !current ? [{ value, label: `#${value}` }] : []),
      ]}
      labelRender={({ label }) => (current && !current.issuing ? <Tag color="orange">{label}</Tag> : label)}
      data-testid={testId}
    />
  );
}
