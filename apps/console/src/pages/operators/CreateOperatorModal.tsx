import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Modal, Space } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import type { CreateOperatorInput } from '@zhanggui/shared';
import { fieldErrors } from '../../api/field-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { randomAlphanumeric } from '../accounts/account-form.ts';
import { buttonTestId } from '../../components/test-id.ts';

interface CreateOperatorModalProps {
  open: boolean;
  onCreate: (input: CreateOperatorInput) => Promise<void>;
  onCancel: () => void;
}

const MIN_PASSWORD = 10;

export function CreateOperatorModal({ open, onCreate, onCancel }: CreateOperatorModalProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<CreateOperatorInput>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [showPassword, setShowPassword] = useState(false);

  const submit = async (values: CreateOperatorInput) => {
    setSaving(true);
    setFailure(null);
    try {
      await onCreate({ ...values, username: values.username.trim(), displayName: values.displayName.trim(), isAdmin: !!values.isAdmin });
      form.resetFields();
    } catch (error) {
      setFailure(errorText(error));
      form.setFields(fieldErrors(error, ['username', 'displayName', 'password'] as const));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('operators.create')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={buttonTestId('operator-submit')}
      forceRender
    >
      {failure && <Alert type="error" showIcon title={failure} className="zg-modal-alert" data-testid="operator-error" />}
      <Form form={form} className="zg-modal-form" layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false} data-testid="operator-form">
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }, { pattern: /^[a-zA-Z0-9][a-zA-Z0-9._@-]{1,63}$/, message: t('operators.usernameRule') }]}>
          <Input autoComplete="off" data-testid="operator-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('operators.displayName')} rules={[{ required: true, whitespace: true, message: t('operators.displayNameRequired') }]}>
          <Input maxLength={40} data-testid="operator-display-name" />
        </Form.Item>
        <Form.Item label={t('login.password')} required extra={t('operators.passwordHelp', { n: MIN_PASSWORD })}>
          <Space.Compact block>
            <Form.Item name="password" noStyle rules={[{ required: true, message: t('login.passwordRequired') }, { min: MIN_PASSWORD, message: t('operators.passwordHelp', { n: MIN_PASSWORD }) }]}>
              <Input.Password
                autoComplete="new-password"
                visibilityToggle={{ visible: showPassword, onVisibleChange: setShowPassword }}
                data-testid="operator-password"
              />
            </Form.Item>
            <Button icon={<ThunderboltOutlined />} onClick={() => {
                // A generated password is shown so it can be passed on.
                form.setFieldValue('password', randomAlphanumeric(16));
                setShowPassword(true);
              }}>
              {t('wizard.generate')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="isAdmin" valuePropName="checked" extra={t('operators.adminHelp')}>
          <Checkbox data-testid="operator-admin">{t('operator.instanceAdmin')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
