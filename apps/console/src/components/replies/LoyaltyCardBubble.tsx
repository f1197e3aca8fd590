import { CreditCardOutlined, GiftOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useCouponOptions } from '../../data/use-coupon-options.ts';

/**
 * The card or coupon a reply gives, as a placeholder card in the chat: what the fan really gets (their
 * number, their coupon code) only exists once it is issued to them.
 */
export function LoyaltyCardBubble({ card, templateId }: { card: 'member' | 'coupon'; templateId?: number }) {
  const { t } = useI18n();
  if (card === 'member') {
    return (
      <div className="zg-phone-card zg-phone-loyalty" data-testid="phone-member-card">
        <div className="zg-phone-loyalty-face zg-phone-loyalty-face--member">
          <CreditCardOutlined />
          <strong>{t('preview.memberCard')}</strong>
        </div>
        <div className="zg-phone-card-foot">{t('preview.memberCardFoot')}</div>
      </div>
    );
  }
  return <CouponBubble templateId={templateId} />;
}

function CouponBubble({ templateId }: { templateId?: number }) {
  const { t } = useI18n();
  const { account } = useAccount();
  const template = useCouponOptions(account.id).find((option) => option.id === templateId);
  return (
    <div className="zg-phone-card zg-phone-loyalty" data-testid="phone-coupon">
      <div className="zg-phone-loyalty-face" style={template ? { background: template.color } : undefined}>
        <GiftOutlined />
        <strong>{template ? template.title : t('preview.coupon')}</strong>
        {template && <small>{template.name}</small>}
      </div>
      <div className="zg-phone-card-foot">{t('preview.couponFoot')}</div>
    </div>
  );
}
