import { Button, Descriptions } from 'antd';
import { ApiOutlined } from '@ant-design/icons';
import type { AccountView, ConnectionTestResult, MessageMode } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { ConnectionTestAlert } from './ConnectionTestAlert.tsx';
import { useConnectionTest } from './use-connection-test.ts';

interface CallbackStepProps {
  account: AccountView;
  /** What the operator just entered; unknown (null) when editing without changing them. */
  token: string | null;
  encodingAesKey: string | null;
  onTest: () => Promise<ConnectionTestResult>;
}

/** Step 3: what to paste into the WeChat console's 服务器配置, with copy buttons, and a last test. */
export function CallbackStep({ account, token, encodingAesKey, onTest }: CallbackStepProps) {
  const { t } = useI18n();
  const { testing, result, test } = useConnectionTest(onTest);
  const mode: MessageMode = account.messageMode;

  return (
    <div className="zg-callback" data-testid="wizard-callback">
      <ol className="zg-steps-text">
        <li>{t('wizard.callback.step1')}</li>
        <li>{t('wizard.callback.step2')}</li>
        <li>{t('wizard.callback.step3', { mode: t(`wizard.mode.${mode}`) })}</li>
        <li>{t('wizard.callback.step4')}</li>
      </ol>
      <Descriptions
        column={1}
        bordered
        size="small"
        className="zg-callback-table"
        items={[
          { key: 'url', label: t('wizard.callback.url'), children: <CopyField value={account.callbackUrl} label="URL" testId="callback-url" /> },
          {
            key: 'token',
            label: 'Token',
            children: token ? <CopyField value={token} label="Token" testId="callback-token" /> : <span className="zg-muted">{t('wizard.callback.savedSecret')}</span>,
          },
          {
            key: 'aes',
            label: 'EncodingAESKey',
            children: encodingAesKey ? (
              <CopyField value={encodingAesKey} label="EncodingAESKey" testId="callback-aes" />
            ) : (
              <span className="zg-muted">{account.hasAesKey ? t('wizard.callback.savedSecret') : t('common.none')}</span>
            ),
          },
          { key: 'mode', label: t('wizard.callback.modeLabel'), children: t(`wizard.mode.${mode}`) },
        ]}
      />
      <div className="zg-wizard-test">
        <Button icon={<ApiOutlined />} loading={testing} onClick={() => void test()} data-testid="wizard-test-connection">
          {t('wizard.test.button')}
        </Button>
        <span className="zg-muted">{t('wizard.callback.testHelp')}</span>
      </div>
      {result && <ConnectionTestAlert result={result} />}
    </div>
  );
}
