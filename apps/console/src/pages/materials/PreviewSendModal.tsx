import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Segmented } from 'antd';
import type { FanView, MaterialMessage, PreviewInput } from '@zhanggui/shared';
import { materialsApi } from '../../api/materials.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { buttonTestId } from '../../components/test-id.ts';
import { FanPicker } from '../../components/fans/FanPicker.tsx';

export interface PreviewRequest {
  message: MaterialMessage;
  /** What is being previewed, for the title: a file name, a news headline. */
  label: string;
}

const OPENID = /^[\w-]{1,64}$/;

/**
 * 发送预览: sends a material or news to one follower (WeChat's mass-send preview), so the operator sees it on
 * a real phone before broadcasting. The fan is picked from the directory, or an openid is pasted.
 */
export function PreviewSendModal({ request, onClose }: { request: PreviewRequest | null; onClose: () => void }) {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const canPickFans = can('fans.view');
  const [by, setBy] = useState<'fan' | 'openid'>(canPickFans ? 'fan' : 'openid');
  // Kept between previews: an operator usually previews to the same phone again and again.
  const [fan, setFan] = useState<FanView | null>(null);
  const [openid, setOpenid] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const target = (): Omit<PreviewInput, 'message'> | null => {
    if (by === 'fan') return fan ? { fanId: fan.id } : null;
    return OPENID.test(openid.trim()) ? { openid: openid.trim() } : null;
  };
  const send = async () => {
    const to = target();
    if (!request || !to) return setFailure(t(by === 'fan' ? 'preview.send.pickFan' : 'preview.send.badOpenid'));
    setSending(true);
    setFailure(null);
    try {
      const result = await materialsApi.preview(account.id, { ...to, message: request.message } as PreviewInput);
      void message.success(t('preview.send.sent', { to: fan && by === 'fan' ? fan.displayName : result.openid }));
      onClose();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setSending(false);
    }
  };
  const close = () => {
    setFailure(null);
    onClose();
  };

  return (
    <Modal
      open={request !== null}
      title={request ? t('preview.send.title', { label: request.label }) : ''}
      onCancel={close}
      onOk={() => void send()}
      okText={t('preview.send')}
      cancelText={t('common.cancel')}
      confirmLoading={sending}
      okButtonProps={buttonTestId('preview-send-submit')}
      data-testid="preview-send-modal"
    >
      {failure && <Alert type="error" showIcon title={failure} className="zg-modal-alert" data-testid="preview-send-error" />}
      <Form layout="vertical" requiredMark={false}>
        {canPickFans && (
          <Form.Item>
            <Segmented
              value={by}
              onChange={(value) => setBy(value as 'fan' | 'openid')}
              options={[
                { value: 'fan', label: t('preview.send.byFan') },
                { value: 'openid', label: t('preview.send.byOpenid') },
              ]}
              data-testid="preview-by"
            />
          </Form.Item>
        )}
        {by === 'fan' ? (
          <Form.Item label={t('preview.send.fan')} extra={t('preview.send.fanHelp')}>
            <FanPicker accountId={account.id} value={fan} onChange={setFan} />
          </Form.Item>
        ) : (
          <Form.Item label="openid" extra={t('preview.send.openidHelp')}>
            <Input value={openid} onChange={(event) => setOpenid(event.target.value)} className="zg-mono" placeholder="oAbC…" data-testid="preview-openid" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
