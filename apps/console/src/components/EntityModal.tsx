import { useEffect, useState, type ReactNode } from 'react';
import { Form, Modal } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { buttonTestId } from './test-id.ts';
import { useSaveErrors } from './replies/use-save-errors.ts';
import { SaveErrorAlert } from './replies/SaveErrorAlert.tsx';

interface EntityModalProps<Values> {
  /** The values to edit; null = closed. */
  values: Values | null;
  title: string;
  onSave: (values: Values) => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
  width?: number;
  /** data-testid of the OK button is `${testId}-submit`. */
  testId: string;
}

/** A modal form for one item: validates, saves, and shows the server's refusals on the fields they name. */
export function EntityModal<Values extends object>({ values, title, onSave, onCancel, children, width = 560, testId }: EntityModalProps<Values>) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const errors = useSaveErrors(form);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (values === null) return;
    errors.clear();
    form.resetFields();
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, [values, form]);

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    errors.clear();
    try {
      await onSave(form.getFieldsValue(true) as Values);
    } catch (error) {
      errors.show(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={values !== null}
      title={title}
      width={width}
      onCancel={onCancel}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={buttonTestId(`${testId}-submit`)}
      destroyOnHidden
      forceRender
    >
      <SaveErrorAlert failure={errors.failure} className="zg-modal-alert" />
      <Form form={form} layout="vertical" requiredMark={false} className="zg-modal-form" data-testid={testId}>
        {children}
      </Form>
    </Modal>
  );
}
