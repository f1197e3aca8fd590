import { useState } from 'react';
import { Alert, Button, Card, Form, Steps } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { AccountView } from '@zhanggui/shared';
import { accountsApi } from '../../api/accounts.api.ts';
import { fieldErrors } from '../../api/field-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { NEW_ACCOUNT, STEP_FIELDS, toCreateInput, type AccountFormValues } from './account-form.ts';
import { CredentialsStep } from './CredentialsStep.tsx';
import { KeysStep } from './KeysStep.tsx';
import { CallbackStep } from './CallbackStep.tsx';
import './accounts.css';

/** 公众号接入: credentials → callback keys → what to paste into WeChat. The account is created at step 2. */
export function ConnectAccountPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const errorText = useErrorText();
  const [form] = Form.useForm<AccountFormValues>();
  const [step, setStep] = useState(0);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<{ account: AccountView; token: string; aesKey: string } | null>(null);

  const next = async () => {
    await form.validateFields([...(STEP_FIELDS[0] ?? [])]);
    setStep(1);
  };

  const create = async () => {
    const values = { ...NEW_ACCOUNT, ...form.getFieldsValue(true) } as AccountFormValues;
    await form.validateFields([...(STEP_FIELDS[1] ?? [])]);
    setSaving(true);
    setFailure(null);
    try {
      const account = await accountsApi.create(toCreateInput(values));
      setCreated({ account, token: values.token, aesKey: values.encodingAesKey });
      setStep(2);
      void refresh().catch(() => {});
    } catch (error) {
      setFailure(errorText(error));
      const fields = fieldErrors(error, [...STEP_FIELDS.flat()]);
      form.setFields(fields);
      if (fields.some((field) => (STEP_FIELDS[0] ?? []).includes(field.name))) setStep(0);
    } finally {
      setSaving(false);
    }
  };

  const testCredentials = () => {
    const { appId, appSecret } = form.getFieldsValue(['appId', 'appSecret']) as Pick<AccountFormValues, 'appId' | 'appSecret'>;
    return form.validateFields(['appId', 'appSecret']).then(() => accountsApi.testCredentials(appId.trim(), appSecret.trim()));
  };

  return (
    <div className="zg-page zg-page--narrow" data-testid="wizard-page">
      <PageHeader title={t('wizard.title')} subtitle={t('wizard.subtitle')} />
      <Card variant="borderless" className="zg-wizard">
        <Steps
          current={step}
          className="zg-wizard-steps"
          items={[
            { title: t('wizard.step.credentials'), content: t('wizard.step.credentialsHelp') },
            { title: t('wizard.step.keys'), content: t('wizard.step.keysHelp') },
            { title: t('wizard.step.callback'), content: t('wizard.step.callbackHelp') },
          ]}
          data-testid="wizard-steps"
        />
        {failure && <Alert type="error" showIcon title={failure} className="zg-page-alert" data-testid="wizard-error" />}
        <Form<AccountFormValues> form={form} layout="vertical" initialValues={NEW_ACCOUNT} requiredMark={false} className="zg-wizard-form">
          <div hidden={step !== 0} data-testid="wizard-step-1">
            <CredentialsStep editing={false} onTest={testCredentials} />
          </div>
          <div hidden={step !== 1} data-testid="wizard-step-2">
            <KeysStep form={form} editing={false} />
          </div>
        </Form>
        {step === 2 && created && (
          <div data-testid="wizard-step-3">
            <CallbackStep
              account={created.account}
              token={created.token}
              encodingAesKey={created.aesKey || null}
              onTest={() => accountsApi.testConnection(created.account.id)}
            />
          </div>
        )}
        <div className="zg-wizard-actions">
          {step === 1 && (
            <Button onClick={() => setStep(0)} data-testid="wizard-back">
              {t('common.back')}
            </Button>
          )}
          {step === 0 && (
            <Button type="primary" onClick={() => void next().catch(() => {})} data-testid="wizard-next">
              {t('common.continue')}
            </Button>
          )}
          {step === 1 && (
            <Button type="primary" loading={saving} onClick={() => void create().catch(() => {})} data-testid="wizard-create">
              {t('wizard.create')}
            </Button>
          )}
          {step === 2 && created && (
            <Button type="primary" onClick={() => navigate(`/accounts/${created.account.id}`)} data-testid="wizard-done">
              {t('wizard.done')}
            </Button>
          )}
        </div>
      </Card>
    </div>
  );
}
