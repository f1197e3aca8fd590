import { useState } from 'react';
import { Alert, Form, Input, Modal, Segmented } from 'antd';
import type { FanView, LoyaltyMemberView } from '@zhanggui/shared';
import { loyaltyMembersApi } from '../../../api/loyalty.api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAccount } from '../../../session/account-context.tsx';
import { useErrorText } from '../../../hooks/use-error-text.ts';
import { buttonTestId } from '../../../components/test-id.ts';
import { FanPicker } from '../../../components/fans/FanPicker.tsx';

const OPENID = /^[\w-]{1,64}$/;

interface IssueCardModalProps {
  open: boolean;
  onClose: () => void;
  /** The card issued (or the one the fan already held). */
  onIssued: (member: LoyaltyMemberView) => void;
}

/** 发放会员卡: gives a fan their card by hand (the same card when they already hold one). */
export function IssueCardModal({ open, onClose, onIssued }: IssueCardModalProps) {
  const { t } = useI18n();
  const { account } = useAccount();
  const errorText = useErrorText();
  const [by, setBy] = useState<'fan' | 'openid'>('fan');
  const [fan, setFan] = useState<FanView | null>(null);
  const [openid, setOpenid] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setFailure(null);
    setFan(null);
    setOpenid('');
    onClose();
  };
  const issue = async () => {
    const target = by === 'fan' ? fan?.openid : openid.trim();
    if (!target || !OPENID.test(target)) return setFailure(t(by === 'fan' ? 'preview.send.pickFan' : 'preview.send.badOpenid'));
    setBusy(true);
    setFailure(null);
    try {
      const member = await loyaltyMembersApi.issue(account.id, target);
      onIssued(member);
      close();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('loyalty.members.issue')}
      onCancel={close}
      onOk={() => void issue()}
      okText={t('loyalty.members.issueOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={buttonTestId('loyalty-issue-card-submit')}
      data-testid="loyalty-issue-card-modal"
    >
      <p className="zg-field-help">{t('loyalty.members.issueHelp')}</p>
      {failure && <Alert type="error" showIcon title={failure} className="zg-modal-alert" data-testid="loyalty-issue-card-error" />}
      <Form layout="vertical" requiredMark={false}>
        <Form.Item>
          <Segmented
            value={by}
            onChange={(value) => setBy(value as 'fan' | 'openid')}
            options={[
              { value: 'fan', label: t('preview.send.byFan') },
              { value: 'openid', label: t('preview.send.byOpenid') },
            ]}
            data-testid="loyalty-issue-card-by"
          />
        </Form.Item>
        {by === 'fan' ? (
          <Form.Item label={t('preview.send.fan')}>
            <FanPicker accountId={account.id} value={fan} onChange={setFan} testId="loyalty-issue-card-fan" />
          </Form.Item>
        ) : (
          <Form.Item label="openid" extra={t('preview.send.openidHelp')}>
            <Input value={openid} onChange={(event) => setOpenid(event.target.value)} className="zg-mono" placeholder="oAbC…" data-testid="loyalty-issue-card-openid" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
