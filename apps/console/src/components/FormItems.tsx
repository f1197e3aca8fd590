import { Form, Input, Switch } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

/** An optional http(s) address (picture, link); the server refuses anything else too. */
export function UrlItem({ name, label }: { name: string; label: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} rules={[{ type: 'url', message: t('reply.urlInvalid') }]}>
      <Input placeholder="https://" />
    </Form.Item>
  );
}

/** The "enabled" switch every catalogue entry has. */
export function EnabledItem() {
  const { t } = useI18n();
  return (
    <Form.Item name="enabled" label={t('rules.col.enabled')} valuePropName="checked">
      <Switch />
    </Form.Item>
  );
}
