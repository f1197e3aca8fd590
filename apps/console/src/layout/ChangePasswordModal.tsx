import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { authApi } from '../api/auth.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../hooks/use-error-text.ts';
import { buttonTestId } from '../components/test-id.ts';

const MIN_PASSWORD = 10;

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** POST /api/auth/password; the server signs out the operator's other sessions. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async ({ currentPassword, newPassword }: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      await authApi.changePassword(currentPassword, newPassword);
      void message.success(t('password.changed'));
      form.resetFields();
      onClose();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('password.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={buttonTestId('password-submit')}
      forceRender
    >
      {failure && <Alert type="error" showIcon title={failure} className="zg-modal-alert" />}
      <Form form={form} className="zg-modal-form" layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} data-testid="password-form">
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('operators.passwordHelp', { n: MIN_PASSWORD })}
          rules={[{ required: true, message: t('login.passwordRequired') }, { min: MIN_PASSWORD, message: t('password.tooShort', { n: MIN_PASSWORD }) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('login.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
