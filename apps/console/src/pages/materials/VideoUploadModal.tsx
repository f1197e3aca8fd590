import { useState } from 'react';
import { App, Button, Form, Input, Modal, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { MATERIAL_LIMITS, VIDEO_LIMITS, type MaterialView } from '@zhanggui/shared';
import type { MaterialUploadFields } from '../../api/materials.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSaveErrors } from '../../components/replies/use-save-errors.ts';
import { SaveErrorAlert } from '../../components/replies/SaveErrorAlert.tsx';
import { buttonTestId } from '../../components/test-id.ts';
import { acceptOf, formatBytes, limitVars, materialFileProblem } from './material-files.ts';

interface VideoUploadModalProps {
  open: boolean;
  onClose: () => void;
  onUpload: (file: Blob, fileName: string, fields: MaterialUploadFields) => Promise<MaterialView>;
}

interface VideoValues {
  title: string;
  description: string;
}

/** A video material: the file, and the title and introduction WeChat shows with it (add_material needs both). */
export function VideoUploadModal({ open, onClose, onUpload }: VideoUploadModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<VideoValues>();
  const errors = useSaveErrors(form);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const close = () => {
    form.resetFields();
    errors.clear();
    setFile(null);
    setFileError(null);
    onClose();
  };
  const pick = (picked: File) => {
    const problem = materialFileProblem(picked, 'video');
    setFile(problem ? null : picked);
    setFileError(problem ? t(problem.key, problem.vars) : null);
  };
  const submit = async () => {
    // A refused file keeps its own reason; only a missing one says "choose a file".
    if (!file) return setFileError((current) => current ?? t('materials.video.fileRequired'));
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    errors.clear();
    try {
      await onUpload(file, file.name, { kind: 'video', title: values.title.trim(), description: values.description.trim() });
      void message.success(t('materials.uploaded', { name: file.name }));
      close();
    } catch (error) {
      errors.show(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('materials.upload.video')}
      onCancel={close}
      onOk={() => void submit()}
      okText={t('materials.upload.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={buttonTestId('video-upload-submit')}
      destroyOnHidden
    >
      <SaveErrorAlert failure={errors.failure} className="zg-modal-alert" />
      <Form form={form} layout="vertical" requiredMark={false} data-testid="video-upload-form">
        <Form.Item label={t('materials.video.file')} validateStatus={fileError ? 'error' : undefined} help={fileError ?? t('materials.limit', limitVars('video'))}>
          <Upload accept={acceptOf(MATERIAL_LIMITS.video.formats)} showUploadList={false} beforeUpload={(picked) => (pick(picked), false)}>
            <Button icon={<UploadOutlined />} data-testid="video-upload-file">
              {file ? `${file.name} · ${formatBytes(file.size)}` : t('materials.video.choose')}
            </Button>
          </Upload>
        </Form.Item>
        <Form.Item name="title" label={t('materials.video.title')} rules={[{ required: true, whitespace: true, message: t('materials.video.titleRequired') }]}>
          <Input maxLength={VIDEO_LIMITS.title} showCount data-testid="video-upload-title" />
        </Form.Item>
        <Form.Item name="description" label={t('materials.video.description')} rules={[{ required: true, whitespace: true, message: t('materials.video.descriptionRequired') }]}>
          <Input.TextArea maxLength={VIDEO_LIMITS.description} showCount autoSize={{ minRows: 2, maxRows: 4 }} data-testid="video-upload-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
