import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import type { StaffInput } from '@zhanggui/shared';
import { fieldErrors } from '../../../api/field-errors.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useErrorText } from '../../../hooks/use-error-text.ts';
import { buttonTestId } from '../../../components/test-id.ts';
import { randomAlphanumeric } from '../../accounts/account-form.ts';

const MIN_PASSWORD = 10;

interface AddStaffModalProps {
  open: boolean;
  onAdd: (input: StaffInput) => Promise<void>;
  onCancel: () => void;
}

/** 添加核销员: a new till login, or the staff role on this account for an operator who already exists. */
export function AddStaffModal({ open, onAdd, onCancel }: AddStaffModalProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<StaffInput>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [showPassword, setShowPassword] = useState(false);

  const submit = async (values: StaffInput) => {
    setSaving(true);
    setFailure(null);
    try {
      const password = values.password?.trim() ? values.password : undefined;
      await onAdd({ username: values.username.trim(), displayName: values.displayName.trim(), ...(password ? { password } : {}) });
      form.resetFields();
      setShowPassword(false);
    } catch (error) {
      setFailure(errorText(error));
      form.setFields(fieldErrors(error, ['username', 'displayName', 'password'] as const));
    } finally {
      setSaving(false);
    }
  };
  const cancel = () => {
    setFailure(null);
    onCancel();
  };

  return (
    <Modal
      open={open}
      title={t('loyalty.staff.add')}
      onCancel={cancel}
      onOk={() => form.submit()}
      okText={t('loyalty.staff.addOk')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={buttonTestId('loyalty-staff-submit')}
      forceRender
    >
      {failure && <Alert type="error" showIcon title={failure} className="zg-modal-alert" data-testid="loyalty-staff-error" />}
      <Form form={form} className="zg-modal-form" layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false} data-testid="loyalty-staff-form">
        <Form.Item
          name="username"
          label={t('login.username')}
          extra={t('loyalty.staff.usernameHelp')}
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }, { pattern: /^[a-zA-Z0-9][a-zA-Z0-9._@-]{1,63}$/, message: t('operators.usernameRule') }]}
        >
          <Input autoComplete="off" data-testid="loyalty-staff-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('operators.displayName')} extra={t('loyalty.staff.displayNameHelp')} rules={[{ required: true, whitespace: true, message: t('operators.displayNameRequired') }]}>
          <Input maxLength={40} placeholder={t('loyalty.staff.displayNamePlaceholder')} data-testid="loyalty-staff-display-name" />
        </Form.Item>
        <Form.Item label={t('login.password')} extra={t('loyalty.staff.passwordHelp', { n: MIN_PASSWORD })}>
          <Space.Compact block>
            <Form.Item name="password" noStyle rules={[{ min: MIN_PASSWORD, message: t('operators.passwordHelp', { n: MIN_PASSWORD }) }]}>
              <Input.Password autoComplete="new-password" visibilityToggle={{ visible: showPassword, onVisibleChange: setShowPassword }} data-testid="loyalty-staff-password" />
            </Form.Item>
            <Button
              icon={<ThunderboltOutlined />}
              onClick={() => {
                // A generated password is shown so it can be passed on.
                form.setFieldValue('password', randomAlphanumeric(16));
                setShowPassword(true);
              }}
            >
              {t('wizard.generate')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
