import { useState } from 'react';
import { App, Button, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { MATERIAL_LIMITS, type MaterialView } from '@zhanggui/shared';
import type { MaterialUploadFields } from '../../api/materials.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useNotifyError } from '../../hooks/use-error-text.ts';
import { acceptOf, materialFileProblem, type LibraryKind } from './material-files.ts';
import { VideoUploadModal } from './VideoUploadModal.tsx';

interface MaterialUploadButtonProps {
  kind: LibraryKind;
  onUpload: (file: Blob, fileName: string, fields: MaterialUploadFields) => Promise<MaterialView>;
}

/** Uploads images or voice straight from the file picker; a video first asks for its title and introduction. */
export function MaterialUploadButton({ kind, onUpload }: MaterialUploadButtonProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState(0);
  const [videoOpen, setVideoOpen] = useState(false);
  const label = t(`materials.upload.${kind}`);

  if (kind === 'video') {
    return (
      <>
        <Button type="primary" icon={<UploadOutlined />} onClick={() => setVideoOpen(true)} data-testid="material-upload-video">
          {label}
        </Button>
        <VideoUploadModal open={videoOpen} onClose={() => setVideoOpen(false)} onUpload={onUpload} />
      </>
    );
  }

  const upload = async (file: File) => {
    const problem = materialFileProblem(file, kind);
    if (problem) return void message.error(t(problem.key, problem.vars));
    setBusy((n) => n + 1);
    try {
      await onUpload(file, file.name, { kind });
      void message.success(t('materials.uploaded', { name: file.name }));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy((n) => n - 1);
    }
  };

  // The wrapper names the hidden file input for browser tests: [data-testid=material-upload-image-picker] input[type=file].
  return (
    <span data-testid={`material-upload-${kind}-picker`}>
      <Upload
        accept={acceptOf(MATERIAL_LIMITS[kind].formats)}
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button type="primary" icon={<UploadOutlined />} loading={busy > 0} data-testid={`material-upload-${kind}`}>
          {label}
        </Button>
      </Upload>
    </span>
  );
}
