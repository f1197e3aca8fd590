import { Button, Checkbox, Form, Input, Radio } from 'antd';
import { ApiOutlined } from '@ant-design/icons';
import type { ConnectionTestResult } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { PATTERNS } from './account-form.ts';
import { ConnectionTestAlert } from './ConnectionTestAlert.tsx';
import { useConnectionTest } from './use-connection-test.ts';

interface CredentialsStepProps {
  /** Edit mode: AppID is fixed and the secret may be left empty (unchanged). */
  editing: boolean;
  /** Runs the test with the form's current AppID/AppSecret (or the saved ones when editing). */
  onTest: () => Promise<ConnectionTestResult>;
}

/** Step 1: who the account is — name, AppID, AppSecret, type — and whether WeChat accepts the secret. */
export function CredentialsStep({ editing, onTest }: CredentialsStepProps) {
  const { t } = useI18n();
  const { testing, result, test } = useConnectionTest(onTest);

  return (
    <>
      <Form.Item name="name" label={t('wizard.name')} rules={[{ required: true, whitespace: true, message: t('wizard.nameRequired') }, { max: 64 }]}>
        <Input placeholder={t('wizard.namePlaceholder')} data-testid="wizard-name" />
      </Form.Item>
      <Form.Item
        name="appId"
        label="AppID"
        extra={editing ? t('wizard.appIdFixed') : t('wizard.appIdHelp')}
        rules={[{ required: true, message: t('wizard.appIdRequired') }, { pattern: PATTERNS.appId, message: t('wizard.appIdInvalid') }]}
      >
        <Input className="zg-mono" disabled={editing} placeholder="wx0123456789abcdef" autoComplete="off" data-testid="wizard-appid" />
      </Form.Item>
      <Form.Item
        name="appSecret"
        label="AppSecret"
        extra={editing ? t('wizard.secretKeep') : t('wizard.secretHelp')}
        rules={[{ required: !editing, message: t('wizard.secretRequired') }, { pattern: PATTERNS.appSecret, message: t('wizard.secretInvalid') }]}
      >
        <Input.Password
          className="zg-mono"
          placeholder={editing ? t('wizard.secretPlaceholderSaved') : ''}
          autoComplete="new-password"
          data-testid="wizard-secret"
        />
      </Form.Item>
      <Form.Item name="accountType" label={t('wizard.accountType')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'subscription', label: t('wizard.type.subscription') },
            { value: 'service', label: t('wizard.type.service') },
          ]}
          data-testid="wizard-type"
        />
      </Form.Item>
      <Form.Item name="verified" valuePropName="checked" extra={t('wizard.verifiedHelp')}>
        <Checkbox data-testid="wizard-verified">{t('wizard.verified')}</Checkbox>
      </Form.Item>
      <div className="zg-wizard-test">
        <Button icon={<ApiOutlined />} loading={testing} onClick={() => void test()} data-testid="wizard-test">
          {t('wizard.test.button')}
        </Button>
        <span className="zg-muted">{t('wizard.test.help')}</span>
      </div>
      {result && <ConnectionTestAlert result={result} />}
    </>
  );
}
