import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Skeleton } from 'antd';
import type { AccountView } from '@zhanggui/shared';
import { accountsApi } from '../../api/accounts.api.ts';
import { fieldErrors } from '../../api/field-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useSession } from '../../session/session.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { fromAccount, STEP_FIELDS, toUpdateInput, type AccountFormValues } from '../accounts/account-form.ts';
import { CredentialsStep } from '../accounts/CredentialsStep.tsx';
import { KeysStep } from '../accounts/KeysStep.tsx';
import { CallbackStep } from '../accounts/CallbackStep.tsx';
import '../accounts/accounts.css';

/** The connection wizard's form, all steps at once, editing the saved account. Secrets are write-only. */
export function ConnectionSettings() {
  const { t } = useI18n();
  const { account: summary } = useAccount();
  const { refresh } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<AccountFormValues>();
  const account = useResource(() => accountsApi.get(summary.id), [summary.id]);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const token = Form.useWatch('token', form) ?? '';
  const aesKey = Form.useWatch('encodingAesKey', form) ?? '';

  useEffect(() => {
    if (account.data) form.setFieldsValue(fromAccount(account.data));
  }, [account.data, form]);

  if (account.error !== undefined && !account.data) return <Alert type="error" showIcon title={errorText(account.error)} />;
  if (!account.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const current: AccountView = account.data;

  const save = async (values: AccountFormValues) => {
    const input = toUpdateInput({ ...fromAccount(current), ...values }, current);
    if (Object.keys(input).length === 0) return void message.info(t('settings.connection.unchanged'));
    setSaving(true);
    setFailure(null);
    try {
      const saved = await accountsApi.update(current.id, input);
      account.setData(saved);
      void message.success(t('common.saved'));
      void refresh().catch(() => {});
    } catch (error) {
      setFailure(errorText(error));
      form.setFields(fieldErrors(error, [...STEP_FIELDS.flat()]));
    } finally {
      setSaving(false);
    }
  };

  const testWithForm = () => {
    const { appSecret } = form.getFieldsValue(['appSecret']) as Pick<AccountFormValues, 'appSecret'>;
    return appSecret?.trim() ? accountsApi.testCredentials(current.appId, appSecret.trim()) : accountsApi.testConnection(current.id);
  };

  return (
    <Form<AccountFormValues> form={form} layout="vertical" onFinish={(values) => void save(values)} requiredMark={false} data-testid="connection-form">
      {failure && <Alert type="error" showIcon title={failure} className="zg-page-alert" />}
      <Card variant="borderless" title={t('wizard.step.credentials')} className="zg-settings-section">
        <div className="zg-wizard-form">
          <CredentialsStep editing onTest={testWithForm} />
        </div>
      </Card>
      <Card variant="borderless" title={t('wizard.step.keys')} className="zg-settings-section">
        <div className="zg-wizard-form">
          {(token || aesKey) && <Alert type="warning" showIcon title={t('settings.connection.keysWarning')} className="zg-page-alert" />}
          <KeysStep form={form} editing />
        </div>
      </Card>
      <Card variant="borderless" title={t('wizard.step.callback')} className="zg-settings-section">
        <CallbackStep account={current} token={token || null} encodingAesKey={aesKey || null} onTest={() => accountsApi.testConnection(current.id)} />
      </Card>
      <div className="zg-sticky-actions">
        <Button type="primary" htmlType="submit" loading={saving} data-testid="connection-save">
          {t('common.save')}
        </Button>
      </div>
    </Form>
  );
}
