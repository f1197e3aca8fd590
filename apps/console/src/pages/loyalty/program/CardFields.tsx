import { useState } from 'react';
import { App, Button, Card, ColorPicker, Form, Input, InputNumber, Popconfirm, Space, Switch, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import type { ProgramView } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useNotifyError } from '../../../hooks/use-error-text.ts';
import { buttonTestId } from '../../../components/test-id.ts';
import { CARD_COLOURS } from '../loyalty-format.ts';

const LOGO_TYPES = ['image/png', 'image/jpeg'];
const LOGO_MAX_BYTES = 1024 * 1024;

interface CardFieldsProps {
  view: ProgramView | null;
  editable: boolean;
  logoVersion: number;
  onUploadLogo: (file: File) => Promise<void>;
  onRemoveLogo: () => Promise<void>;
}

/** The card itself (on/off, name, colour, logo, member numbers, terms) and the keywords fans send for it. */
export function CardFields({ view, editable, logoVersion, onUploadLogo, onRemoveLogo }: CardFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <Card variant="borderless" title={t('loyalty.program.cardSection')} className="zg-loyalty-section">
        <Form.Item name="enabled" label={t('loyalty.program.enabled')} valuePropName="checked" extra={t('loyalty.program.enabledHelp')}>
          <Switch data-testid="loyalty-program-enabled" />
        </Form.Item>
        <div className="zg-modal-grid">
          <Form.Item name="cardName" label={t('loyalty.program.cardName')} rules={[{ required: true, whitespace: true, message: t('loyalty.program.cardNameRequired') }]}>
            <Input maxLength={20} showCount placeholder={t('loyalty.program.cardNamePlaceholder')} data-testid="loyalty-program-card-name" />
          </Form.Item>
          <Form.Item
            name="color"
            label={t('loyalty.program.color')}
            getValueFromEvent={(color: { toHexString: () => string }) => color.toHexString()}
            rules={[{ required: true, pattern: /^#[0-9a-fA-F]{6}$/, message: t('loyalty.colorInvalid') }]}
          >
            <ColorPicker disabledAlpha showText presets={[{ label: t('loyalty.colorPresets'), colors: CARD_COLOURS }]} data-testid="loyalty-program-color" />
          </Form.Item>
        </div>
        <Form.Item label={t('loyalty.program.logo')} extra={t('loyalty.program.logoHelp')}>
          <LogoControls view={view} editable={editable} logoVersion={logoVersion} onUpload={onUploadLogo} onRemove={onRemoveLogo} />
        </Form.Item>
        <div className="zg-modal-grid">
          <Form.Item
            name="memberNoPrefix"
            label={t('loyalty.program.prefix')}
            extra={t('loyalty.program.prefixHelp')}
            normalize={(value: string) => value.toUpperCase()}
            rules={[{ pattern: /^[A-Z0-9]{0,6}$/, message: t('loyalty.program.prefixInvalid') }]}
          >
            <Input maxLength={6} className="zg-mono" placeholder="VIP" data-testid="loyalty-program-prefix" />
          </Form.Item>
          <Form.Item name="memberNoDigits" label={t('loyalty.program.digits')} extra={t('loyalty.program.digitsHelp')} rules={[{ required: true, message: t('loyalty.program.digitsHelp') }]}>
            <InputNumber min={6} max={12} precision={0} className="zg-full-width" data-testid="loyalty-program-digits" />
          </Form.Item>
        </div>
        <Form.Item name="notice" label={t('loyalty.program.notice')} extra={t('loyalty.program.noticeHelp')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount data-testid="loyalty-program-notice" />
        </Form.Item>
      </Card>
      <Card variant="borderless" title={t('loyalty.program.keywordsSection')} className="zg-loyalty-section">
        <p className="zg-field-help zg-loyalty-section-help">{t('loyalty.program.keywordsHelp')}</p>
        <div className="zg-modal-grid">
          <Form.Item name="cardKeyword" label={t('loyalty.program.cardKeyword')} extra={t('loyalty.program.cardKeywordHelp')}>
            <Input maxLength={30} allowClear placeholder={t('loyalty.program.keywordOff')} data-testid="loyalty-program-card-keyword" />
          </Form.Item>
          <Form.Item name="checkinKeyword" label={t('loyalty.program.checkinKeyword')} extra={t('loyalty.program.checkinKeywordHelp')}>
            <Input maxLength={30} allowClear placeholder={t('loyalty.program.keywordOff')} data-testid="loyalty-program-checkin-keyword" />
          </Form.Item>
        </div>
      </Card>
    </>
  );
}

interface LogoControlsProps {
  view: ProgramView | null;
  editable: boolean;
  logoVersion: number;
  onUpload: (file: File) => Promise<void>;
  onRemove: () => Promise<void>;
}

/** The logo is saved at once (not with the form): upload or remove, with the picture shown beside. */
function LogoControls({ view, editable, logoVersion, onUpload, onRemove }: LogoControlsProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState<'upload' | 'remove' | null>(null);
  const logoUrl = view?.logoUrl ?? null;

  const run = async (action: 'upload' | 'remove', call: () => Promise<void>) => {
    setBusy(action);
    try {
      await call();
      void message.success(t(action === 'upload' ? 'loyalty.program.logoUploaded' : 'loyalty.program.logoRemoved'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };
  const upload = (file: File) => {
    // The server checks the same; saying it here spares the upload.
    if (!LOGO_TYPES.includes(file.type) || file.size > LOGO_MAX_BYTES) {
      void message.error(t('loyalty.program.logoInvalid'));
      return;
    }
    void run('upload', () => onUpload(file));
  };

  return (
    <div className="zg-logo-field">
      <span className="zg-logo-thumb" data-testid="loyalty-logo-thumb">
        {logoUrl ? <img src={versioned(logoUrl, logoVersion)} alt={t('loyalty.program.logo')} /> : <span className="zg-muted">{t('loyalty.program.noLogo')}</span>}
      </span>
      {editable && (
        <Space wrap>
          <Upload
            accept={LOGO_TYPES.join(',')}
            showUploadList={false}
            beforeUpload={(file) => {
              upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy === 'upload'} data-testid="loyalty-logo-upload">
              {logoUrl ? t('loyalty.program.logoReplace') : t('loyalty.program.logoUpload')}
            </Button>
          </Upload>
          {logoUrl && (
            <Popconfirm
              title={t('loyalty.program.logoRemoveConfirm')}
              okText={t('common.confirm')}
              okButtonProps={buttonTestId('loyalty-logo-remove-confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => void run('remove', onRemove)}
            >
              <Button icon={<DeleteOutlined />} loading={busy === 'remove'} data-testid="loyalty-logo-remove">
                {t('loyalty.program.logoRemove')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </div>
  );
}

/** The same address with a version, so a replaced logo is fetched again. */
export function versioned(url: string, version: number): string {
  return version ? `${url}${url.includes('?') ? '&' : '?'}v=${version}` : url;
}
