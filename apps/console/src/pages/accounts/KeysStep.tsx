import { Button, Form, Input, Radio, Space, type FormInstance } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import type { MessageMode } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { generateAesKey, generateToken, PATTERNS, type AccountFormValues } from './account-form.ts';

interface KeysStepProps {
  form: FormInstance<AccountFormValues>;
  /** Edit mode: the saved Token/EncodingAESKey are never shown; empty keeps them. */
  editing: boolean;
}

/** Step 2: the callback's Token and EncodingAESKey (generated here, in the browser) and the message mode. */
export function KeysStep({ form, editing }: KeysStepProps) {
  const { t } = useI18n();
  const mode = Form.useWatch('messageMode', form) as MessageMode | undefined;
  const aesRequired = !editing && mode !== 'plaintext';
  const generate = (field: 'token' | 'encodingAesKey') => {
    form.setFieldValue(field, field === 'token' ? generateToken() : generateAesKey());
    void form.validateFields([field]);
  };

  return (
    <>
      <Form.Item label="Token" required={!editing} extra={editing ? t('wizard.keyKeep') : t('wizard.tokenHelp')}>
        <Space.Compact block>
          <Form.Item
            name="token"
            noStyle
            rules={[{ required: !editing, message: t('wizard.tokenRequired') }, { pattern: PATTERNS.token, message: t('wizard.tokenInvalid') }]}
          >
            <Input className="zg-mono" placeholder={editing ? t('wizard.secretPlaceholderSaved') : ''} autoComplete="off" data-testid="wizard-token" />
          </Form.Item>
          <Button icon={<ThunderboltOutlined />} onClick={() => generate('token')} data-testid="wizard-generate-token">
            {t('wizard.generate')}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item label="EncodingAESKey" required={aesRequired} extra={editing ? t('wizard.keyKeep') : t('wizard.aesHelp')}>
        <Space.Compact block>
          <Form.Item
            name="encodingAesKey"
            noStyle
            rules={[{ required: aesRequired, message: t('wizard.aesRequired') }, { pattern: PATTERNS.encodingAesKey, message: t('wizard.aesInvalid') }]}
          >
            <Input className="zg-mono" placeholder={editing ? t('wizard.secretPlaceholderSaved') : ''} autoComplete="off" data-testid="wizard-aes" />
          </Form.Item>
          <Button icon={<ThunderboltOutlined />} onClick={() => generate('encodingAesKey')} data-testid="wizard-generate-aes">
            {t('wizard.generate')}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="messageMode" label={t('wizard.mode')}>
        <Radio.Group className="zg-mode-group" data-testid="wizard-mode">
          {(['safe', 'compatible', 'plaintext'] as const).map((value) => (
            <Radio key={value} value={value} className="zg-mode-option" data-testid={`wizard-mode-${value}`}>
              <strong>{t(`wizard.mode.${value}`)}</strong>
              {value === 'safe' && <span className="zg-chip zg-chip--ok">{t('wizard.recommended')}</span>}
              <small>{t(`wizard.mode.${value}.help`)}</small>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
    </>
  );
}
