import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber } from 'antd';
import type { PointsEntry } from '@zhanggui/shared';
import { loyaltyMembersApi } from '../../../api/loyalty.api.ts';
import { fieldErrors } from '../../../api/field-errors.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAccount } from '../../../session/account-context.tsx';
import { useErrorText } from '../../../hooks/use-error-text.ts';

interface AdjustValues {
  delta: number | null;
  reason: string;
}

/** 调整积分: add (positive) or take away (negative) points, always with a reason for the ledger. */
export function AdjustPointsForm({ memberId, balance, onAdjusted }: { memberId: number; balance: number; onAdjusted: (entry: PointsEntry) => void }) {
  const { t } = useI18n();
  const { account } = useAccount();
  const errorText = useErrorText();
  const [form] = Form.useForm<AdjustValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: AdjustValues) => {
    setBusy(true);
    setFailure(null);
    try {
      const entry = await loyaltyMembersApi.adjustPoints(account.id, memberId, { delta: values.delta ?? 0, reason: values.reason.trim() });
      form.resetFields();
      onAdjusted(entry);
    } catch (error) {
      // POINTS_INSUFFICIENT and the like come with the server's words.
      setFailure(errorText(error));
      form.setFields(fieldErrors(error, ['delta', 'reason'] as const));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} className="zg-adjust-form" data-testid="loyalty-adjust-form">
      {failure && <Alert type="error" showIcon title={failure} className="zg-modal-alert" data-testid="loyalty-adjust-error" />}
      <div className="zg-adjust-row">
        <Form.Item
          name="delta"
          label={t('loyalty.adjust.delta')}
          rules={[{ validator: async (_, value: number | null | undefined) => (value ? undefined : Promise.reject(new Error(t('loyalty.adjust.deltaRequired')))) }]}
        >
          <InputNumber min={-1_000_000} max={1_000_000} precision={0} placeholder="+100 / -50" className="zg-full-width" data-testid="loyalty-adjust-delta" />
        </Form.Item>
        <Form.Item name="reason" label={t('loyalty.adjust.reason')} rules={[{ required: true, whitespace: true, message: t('loyalty.adjust.reasonRequired') }]} className="zg-grow">
          <Input maxLength={200} placeholder={t('loyalty.adjust.reasonPlaceholder')} data-testid="loyalty-adjust-reason" />
        </Form.Item>
        <Form.Item label=" ">
          <Button type="primary" htmlType="submit" loading={busy} data-testid="loyalty-adjust-submit">
            {t('loyalty.adjust.submit')}
          </Button>
        </Form.Item>
      </div>
      <p className="zg-field-help zg-adjust-help">{t('loyalty.adjust.deltaHelp', { n: balance })}</p>
    </Form>
  );
}
