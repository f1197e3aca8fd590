import { useState } from 'react';
import { Button } from 'antd';
import { PictureOutlined } from '@ant-design/icons';
import type { MaterialView } from '@zhanggui/shared';
import { materialsApi } from '../../../api/materials.api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAccount } from '../../../session/account-context.tsx';
import type { Materials } from '../use-materials.ts';
import { CoverPickerModal } from './CoverPickerModal.tsx';
import { CoverCropModal } from './CoverCropModal.tsx';

interface CoverFieldProps {
  value: number | null;
  onChange: (materialId: number) => void;
  materials: Materials;
  editable: boolean;
}

/** The cover: picked from the image library, cropped to 640 × 360 here, and saved as a new image material. */
export function CoverField({ value, onChange, materials, editable }: CoverFieldProps) {
  const { t } = useI18n();
  const { account } = useAccount();
  const [picking, setPicking] = useState(false);
  const [cropping, setCropping] = useState<MaterialView | null>(null);

  const saveCrop = async (jpeg: Blob) => {
    const base = (cropping?.name ?? 'cover').replace(/\.[^.]*$/, '').replace(/-cover$/, '');
    const cover = await materials.upload(jpeg, `${base}-cover.jpg`, { kind: 'image' });
    onChange(cover.id);
    setCropping(null);
  };

  return (
    <div className="zg-cover-field">
      <div className="zg-cover-box" data-testid="news-cover">
        {value ? (
          <img src={materialsApi.fileUrl(account.id, value)} alt={t('news.cover')} />
        ) : (
          <span className="zg-muted">
            <PictureOutlined /> {t('news.cover.none')}
          </span>
        )}
      </div>
      {editable && (
        <Button onClick={() => setPicking(true)} data-testid="news-cover-pick">
          {value ? t('news.cover.change') : t('news.cover.pick')}
        </Button>
      )}
      <CoverPickerModal
        open={picking}
        materials={materials}
        onCancel={() => setPicking(false)}
        onPick={(material) => {
          setPicking(false);
          setCropping(material);
        }}
      />
      <CoverCropModal source={cropping} onCancel={() => setCropping(null)} onCropped={saveCrop} />
    </div>
  );
}
