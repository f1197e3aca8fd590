import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import type { CannedReply } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { buttonTestId } from '../../components/test-id.ts';

interface CannedReplyModalProps {
  reply: CannedReply | 'new' | null;
  onSave: (input: Omit<CannedReply, 'id'>) => Promise<void>;
  onCancel: () => void;
}

export function CannedReplyModal({ reply, onSave, onCancel }: CannedReplyModalProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<Omit<CannedReply, 'id'>>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (reply === null) return;
    setFailure(null);
    form.setFieldsValue(reply === 'new' ? { title: '', content: '' } : { title: reply.title, content: reply.content });
  }, [reply, form]);

  const submit = async (values: Omit<CannedReply, 'id'>) => {
    setSaving(true);
    try {
      await onSave({ title: values.title.trim(), content: values.content });
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={reply !== null}
      title={reply === 'new' ? t('canned.create') : t('canned.edit')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={buttonTestId('canned-submit')}
      forceRender
    >
      {failure && <Alert type="error" showIcon title={failure} className="zg-modal-alert" />}
      <Form form={form} className="zg-modal-form" layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
        <Form.Item name="title" label={t('canned.col.title')} rules={[{ required: true, whitespace: true, message: t('canned.titleRequired') }, { max: 40 }]}>
          <Input placeholder={t('canned.titlePlaceholder')} maxLength={40} data-testid="canned-title" />
        </Form.Item>
        <Form.Item name="content" label={t('canned.col.content')} rules={[{ required: true, whitespace: true, message: t('canned.contentRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={600} showCount data-testid="canned-content" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
