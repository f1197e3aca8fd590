import { App, Button, Input, Space, Tooltip } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n.tsx';

interface CopyFieldProps {
  value: string;
  testId?: string;
  /** Shown to screen readers and as the tooltip of the copy button. */
  label: string;
}

/** A read-only value with a copy button (callback URL, Token, EncodingAESKey). */
export function CopyField({ value, testId, label }: CopyFieldProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      void message.success(t('common.copied'));
    } catch {
      void message.warning(t('common.copyFailed'));
    }
  };
  return (
    <Space.Compact block>
      <Input readOnly value={value} className="zg-mono" aria-label={label} data-testid={testId} onFocus={(event) => event.target.select()} />
      <Tooltip title={`${t('common.copy')} ${label}`}>
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid={testId ? `${testId}-copy` : undefined}>
          {t('common.copy')}
        </Button>
      </Tooltip>
    </Space.Compact>
  );
}
