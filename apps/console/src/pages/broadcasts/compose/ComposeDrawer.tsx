import { useEffect, useState } from 'react';
import { App, Button, Drawer, Form, Input, Space, type FormInstance } from 'antd';
import type { BroadcastView, QrChannelView, QuotaLedger, TagView } from '@zhanggui/shared';
import { broadcastsApi } from '../../../api/broadcasts.api.ts';
import { pathIssues } from '../../../api/field-errors.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useAccount } from '../../../session/account-context.tsx';
import { broadcastInputOf, composeDefaults, estimateInputOf, type ComposeValues } from './compose-form.ts';
import { useComposeSources } from './use-compose-sources.ts';
import { useAudienceEstimate } from './use-audience-estimate.ts';
import { MessageFields } from './MessageFields.tsx';
import { TargetFields } from './TargetFields.tsx';
import { OptionsFields } from './OptionsFields.tsx';
import { AudiencePanel } from './AudiencePanel.tsx';
import { BroadcastPhone } from './BroadcastPhone.tsx';
import { ComposeErrorAlert } from './ComposeErrorAlert.tsx';

interface ComposeDrawerProps {
  open: boolean;
  quota: QuotaLedger | undefined;
  tags: TagView[];
  channels: QrChannelView[];
  onClose: () => void;
  onCreated: (broadcast: BroadcastView) => void;
}

/** 新建群发: message, audience (estimated live), fatigue and quiet hours, now or later; the phone shows the message. */
export function ComposeDrawer({ open, quota, tags, channels, onClose, onCreated }: ComposeDrawerProps) {
  const { t } = useI18n();
  const { account } = useAccount();
  const { message } = App.useApp();
  const [form] = Form.useForm<ComposeValues>();
  const values = Form.useWatch([], { form, preserve: true }) as ComposeValues | undefined;
  const sources = useComposeSources(account.id, open);
  const estimate = useAudienceEstimate(account.id, open ? estimateInputOf(values) : null);
  const [error, setError] = useState<unknown>(undefined);
  const [sending, setSending] = useState(false);
  const canList = quota?.canSendToList ?? false;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(composeDefaults());
    setError(undefined);
  }, [open, form]);

  const submit = async () => {
    const checked = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (!checked) return;
    setSending(true);
    setError(undefined);
    try {
      const created = await broadcastsApi.create(account.id, broadcastInputOf(form.getFieldsValue(true) as ComposeValues));
      onCreated(created);
      void message.success(
        created.status === 'pending_approval'
          ? t('broadcasts.created.pending')
          : created.scheduledAt
            ? t('broadcasts.created.scheduledAt', { at: formatDateTime(created.scheduledAt) })
            : t('broadcasts.created.now'),
      );
      onClose();
    } catch (failure) {
      setError(failure);
      // The server's paths (message.content, target.tagId) are the form's field names.
      (form as FormInstance).setFields(pathIssues(failure).filter((issue) => issue.path.length > 0).map((issue) => ({ name: issue.path, errors: [issue.message] })));
    } finally {
      setSending(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('broadcasts.create')}
      size={1040}
      destroyOnHidden
      forceRender
      data-testid="broadcast-compose"
      footer={
        <Space className="zg-drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={sending} onClick={() => void submit()} data-testid="broadcast-submit">
            {values?.when === 'later' ? t('broadcasts.submitLater') : t('broadcasts.submitNow')}
          </Button>
        </Space>
      }
    >
      <ComposeErrorAlert error={error} />
      <div className="zg-compose">
        <Form form={form} layout="vertical" requiredMark={false} className="zg-compose-form" data-testid="broadcast-form">
          <Form.Item name="title" label={t('broadcasts.col.title')} extra={t('broadcasts.titleHelp')} rules={[{ required: true, whitespace: true, message: t('broadcasts.titleRequired') }]}>
            <Input maxLength={64} showCount placeholder={t('broadcasts.titlePlaceholder')} data-testid="broadcast-title" />
          </Form.Item>
          <MessageFields sources={sources} />
          <TargetFields tags={tags} channels={channels} canFilter={canList} />
          <OptionsFields canCap={canList} />
        </Form>
        <aside className="zg-compose-side">
          <AudiencePanel state={estimate} quota={quota} />
          <BroadcastPhone message={values?.message} sources={sources} />
        </aside>
      </div>
    </Drawer>
  );
}
