import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Popconfirm, Skeleton, Tag, Timeline } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import type { CouponEvent, CouponView } from '@zhanggui/shared';
import { couponsApi } from '../../../api/loyalty.api.ts';
import { useI18n, type Translate } from '../../../i18n/i18n.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useAccount } from '../../../session/account-context.tsx';
import { useErrorText } from '../../../hooks/use-error-text.ts';
import { useResource } from '../../../hooks/use-resource.ts';
import { buttonTestId } from '../../../components/test-id.ts';
import { formatYuan } from '../../products/price.ts';
import { COUPON_STATUS_COLOURS, groupedCode } from '../loyalty-format.ts';

interface CouponDrawerProps {
  couponId: number | null;
  onClose: () => void;
  /** After a void, for the list the drawer was opened from. */
  onChanged: (coupon: CouponView) => void;
}

export function CouponDrawer({ couponId, onClose, onChanged }: CouponDrawerProps) {
  const { t } = useI18n();
  return (
    <Drawer open={couponId !== null} onClose={onClose} size={560} title={t('loyalty.coupon.title')} destroyOnHidden data-testid="loyalty-coupon-drawer">
      {couponId !== null && <CouponDetail key={couponId} couponId={couponId} onChanged={onChanged} />}
    </Drawer>
  );
}

const EVENT_COLOURS: Record<CouponEvent['action'], string> = { issued: 'green', redeemed: 'blue', refused: 'red', voided: 'gray' };

/** One coupon: what it is, whose, when it is valid, and its trail (issued, each redemption attempt, voided). */
function CouponDetail({ couponId, onChanged }: { couponId: number; onChanged: (coupon: CouponView) => void }) {
  const { t, language } = useI18n();
  const { account, can } = useAccount();
  const errorText = useErrorText();
  const detail = useResource((signal) => couponsApi.get(account.id, couponId, signal), [account.id, couponId]);
  const coupon = detail.data;

  if (detail.error !== undefined && !coupon) return <Alert type="error" showIcon title={errorText(detail.error)} />;
  if (!coupon) return <Skeleton active paragraph={{ rows: 8 }} />;
  const voidable = can('loyalty.edit') && (coupon.status === 'active' || coupon.status === 'pending');

  return (
    <div className="zg-coupon-detail" data-testid="loyalty-coupon-detail">
      <div className="zg-coupon-ticket">
        <div>
          <strong>{coupon.title}</strong>
          <span>{coupon.templateName}</span>
        </div>
        <Tag color={COUPON_STATUS_COLOURS[coupon.status]} data-testid="loyalty-coupon-status">
          {t(`loyalty.coupon.status.${coupon.status}`)}
        </Tag>
      </div>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('loyalty.coupon.code')}>
          <span className="zg-mono" data-testid="loyalty-coupon-code">
            {groupedCode(coupon.code)}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('loyalty.coupon.holder')}>
          {coupon.memberNo && <span className="zg-mono">{coupon.memberNo} · </span>}
          <span className="zg-mono zg-muted">{coupon.openid}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('loyalty.coupon.valid')}>
          {formatDateTime(coupon.validFrom).slice(0, 16)} – {formatDateTime(coupon.validTo).slice(0, 16)}
        </Descriptions.Item>
        {coupon.minSpendFen > 0 && <Descriptions.Item label={t('loyalty.template.minSpend')}>{formatYuan(coupon.minSpendFen, language)}</Descriptions.Item>}
        <Descriptions.Item label={t('loyalty.coupon.issued')}>
          {formatDateTime(coupon.issuedAt)} · {t(`loyalty.via.${coupon.issuedVia}`)}
        </Descriptions.Item>
        {coupon.redeemedAt && (
          <Descriptions.Item label={t('loyalty.coupon.redeemed')}>
            {formatDateTime(coupon.redeemedAt)}
            {coupon.redeemedBy && ` · ${coupon.redeemedBy.name}`}
            {coupon.orderAmountFen !== null && ` · ${t('loyalty.coupon.order', { amount: formatYuan(coupon.orderAmountFen, language) })}`}
          </Descriptions.Item>
        )}
        {coupon.voidedAt && (
          <Descriptions.Item label={t('loyalty.coupon.voided')}>
            {formatDateTime(coupon.voidedAt)}
            {coupon.voidReason && ` · ${coupon.voidReason}`}
          </Descriptions.Item>
        )}
      </Descriptions>

      <h3 className="zg-member-heading">{t('loyalty.coupon.trail')}</h3>
      {coupon.events.length ? (
        <Timeline
          className="zg-coupon-trail"
          items={coupon.events.map((event) => ({
            key: event.id,
            color: EVENT_COLOURS[event.action],
            title: formatDateTime(event.at),
            content: <EventLine event={event} t={t} language={language} />,
          }))}
          data-testid="loyalty-coupon-trail"
        />
      ) : (
        <p className="zg-muted">{t('loyalty.coupon.noTrail')}</p>
      )}

      {voidable && (
        <VoidForm
          couponId={coupon.id}
          onVoided={(voided) => {
            detail.reload();
            onChanged(voided);
          }}
        />
      )}
    </div>
  );
}

const VIAS = ['scan', 'keyword', 'menu', 'page', 'manual', 'claim', 'campaign', 'exchange'] as const;
const isVia = (value: string): value is (typeof VIAS)[number] => (VIAS as readonly string[]).includes(value);

function EventLine({ event, t, language }: { event: CouponEvent; t: Translate; language: string }) {
  const extra = Object.entries(event.detail ?? {}).flatMap(([key, value]) => {
    if (value === null || value === undefined || value === '') return [];
    if (key === 'orderAmountFen' && typeof value === 'number') return [t('loyalty.coupon.order', { amount: formatYuan(value, language) })];
    if (key === 'via' && typeof value === 'string' && isVia(value)) return [t(`loyalty.via.${value}`)];
    if (key === 'reason' && typeof value === 'string') return [`${t('loyalty.issue.reason')}${t('common.colon')}${value}`];
    if (typeof value === 'object') return [];
    return [`${key}: ${String(value)}`];
  });
  return (
    <div className="zg-coupon-event" data-testid={`loyalty-coupon-event-${event.action}`}>
      <strong>{t(`loyalty.event.${event.action}`)}</strong>
      {event.code && <Tag className="zg-mono">{event.code}</Tag>}
      {event.operator && <span className="zg-muted"> · {event.operator.name}</span>}
      {extra.length > 0 && <div className="zg-muted zg-small">{extra.join(' · ')}</div>}
    </div>
  );
}

/** 作废: the coupon can no longer be redeemed; the reason goes in its trail. */
function VoidForm({ couponId, onVoided }: { couponId: number; onVoided: (coupon: CouponView) => void }) {
  const { t } = useI18n();
  const { account } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    let reason: string;
    try {
      reason = (await form.validateFields()).reason.trim();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const voided = await couponsApi.void(account.id, couponId, reason);
      void message.success(t('loyalty.coupon.voidDone'));
      onVoided(voided);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="zg-void-form">
      <h3 className="zg-member-heading">{t('loyalty.coupon.void')}</h3>
      {failure && <Alert type="error" showIcon title={failure} className="zg-modal-alert" data-testid="loyalty-coupon-void-error" />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="reason" label={t('loyalty.coupon.voidReason')} rules={[{ required: true, whitespace: true, message: t('loyalty.coupon.voidReasonRequired') }]}>
          <Input maxLength={200} placeholder={t('loyalty.coupon.voidPlaceholder')} data-testid="loyalty-coupon-void-reason" />
        </Form.Item>
        <Popconfirm
          title={t('loyalty.coupon.voidConfirm')}
          okText={t('loyalty.coupon.void')}
          okButtonProps={{ danger: true, ...buttonTestId('loyalty-coupon-void-confirm') }}
          cancelText={t('common.cancel')}
          onConfirm={() => void submit()}
        >
          <Button danger icon={<StopOutlined />} loading={busy} data-testid="loyalty-coupon-void">
            {t('loyalty.coupon.void')}
          </Button>
        </Popconfirm>
      </Form>
    </div>
  );
}
