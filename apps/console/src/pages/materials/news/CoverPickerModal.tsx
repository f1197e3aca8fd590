import { Empty, Modal } from 'antd';
import type { MaterialView } from '@zhanggui/shared';
import { materialsApi } from '../../../api/materials.api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAccount } from '../../../session/account-context.tsx';
import type { Materials } from '../use-materials.ts';
import { MaterialUploadButton } from '../MaterialUploadButton.tsx';

interface CoverPickerModalProps {
  open: boolean;
  materials: Materials;
  onPick: (material: MaterialView) => void;
  onCancel: () => void;
}

/** Choose the picture a cover is cut from: an image in the library, or one uploaded here (it joins the library). */
export function CoverPickerModal({ open, materials, onPick, onCancel }: CoverPickerModalProps) {
  const { t } = useI18n();
  const { account } = useAccount();
  const images = (materials.data ?? []).filter((material) => material.kind === 'image');
  const uploadAndPick: Materials['upload'] = async (file, fileName, fields) => {
    const material = await materials.upload(file, fileName, fields);
    onPick(material);
    return material;
  };
  return (
    <Modal open={open} title={t('news.cover.pickTitle')} onCancel={onCancel} footer={null} width={760} destroyOnHidden data-testid="cover-picker-modal">
      <div className="zg-list-toolbar">
        <span className="zg-muted">{t('news.cover.pickHelp')}</span>
        <MaterialUploadButton kind="image" onUpload={uploadAndPick} />
      </div>
      {images.length === 0 ? (
        <Empty description={t('materials.empty.image')} />
      ) : (
        <div className="zg-cover-choices">
          {images.map((material) => (
            <button key={material.id} type="button" className="zg-cover-choice" onClick={() => onPick(material)} title={material.name} data-testid={`cover-choice-${material.id}`}>
              <img src={materialsApi.fileUrl(account.id, material.id)} alt={material.name} loading="lazy" />
            </button>
          ))}
        </div>
      )}
    </Modal>
  );
}
