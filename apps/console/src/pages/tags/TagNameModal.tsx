import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { buttonTestId } from '../../components/test-id.ts';

interface TagNameModalProps {
  open: boolean;
  title: string;
  initialName: string;
  onSave: (name: string) => Promise<void>;
  onCancel: () => void;
}

/** Name a tag. WeChat limits tag names to 30 characters; its errors (e.g. the 100-tag cap) show inline. */
export function TagNameModal({ open, title, initialName, onSave, onCancel }: TagNameModalProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      form.setFieldsValue({ name: initialName });
      setFailure(null);
    }
  }, [open, initialName, form]);

  const submit = async ({ name }: { name: string }) => {
    setSaving(true);
    setFailure(null);
    try {
      await onSave(name.trim());
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={buttonTestId('tag-submit')}
      destroyOnHidden
      forceRender
    >
      {failure && <Alert type="error" showIcon title={failure} className="zg-modal-alert" data-testid="tag-error" />}
      <Form form={form} className="zg-modal-form" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="name"
          label={t('tags.col.name')}
          rules={[
            { required: true, whitespace: true, message: t('tags.nameRequired') },
            { max: 30, message: t('tags.nameTooLong') },
          ]}
        >
          <Input autoFocus maxLength={30} showCount data-testid="tag-name-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
