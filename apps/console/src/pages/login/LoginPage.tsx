import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginInput } from '@zhanggui/shared';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { BrandMark } from '../../components/BrandMark.tsx';
import { LanguageSwitch } from '../../layout/LanguageSwitch.tsx';
import { LoginShowcase } from './LoginShowcase.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const { login, state } = useSession();
  const errorText = useErrorText();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<{ text: string; throttled: boolean } | null>(null);
  const expired = state.status === 'anonymous' && state.expired;

  const submit = async (values: LoginInput) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await login(values);
    } catch (error) {
      const throttled = error instanceof ApiError && (error.code === 'AUTH_RATE_LIMITED' || error.code === 'RATE_LIMITED');
      setFailure({ text: errorText(error), throttled });
      setSubmitting(false);
    }
  };

  return (
    <div className="zg-login">
      <LoginShowcase />
      <main className="zg-login-panel">
        <div className="zg-login-top">
          <LanguageSwitch />
        </div>
        <div className="zg-login-card">
          <BrandMark />
          <h1 className="zg-login-title">{t('login.title')}</h1>
          <p className="zg-login-subtitle">{t('login.subtitle')}</p>
          {expired && !failure && <Alert className="zg-login-alert" type="info" showIcon title={t('login.expired')} />}
          {failure && (
            <Alert
              className="zg-login-alert"
              type={failure.throttled ? 'warning' : 'error'}
              showIcon
              title={failure.text}
              data-testid="login-error"
            />
          )}
          <Form<LoginInput> layout="vertical" requiredMark={false} onFinish={submit} data-testid="login-form" size="large">
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        </div>
        <p className="zg-login-footer">{t('login.footer')}</p>
      </main>
    </div>
  );
}
