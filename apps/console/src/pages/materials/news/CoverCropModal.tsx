import { useRef, useState } from 'react';
import { Alert, Button, Modal, Slider, Spin } from 'antd';
import { ZoomInOutlined } from '@ant-design/icons';
import type { MaterialView } from '@zhanggui/shared';
import { materialsApi } from '../../../api/materials.api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAccount } from '../../../session/account-context.tsx';
import { useErrorText } from '../../../hooks/use-error-text.ts';
import { clampCrop, cropToJpeg, displaySize, initialCrop, MAX_ZOOM, zoomCrop, type CropState, type Sizes } from './cover-crop.ts';

const FRAME = { width: 480, height: 270 };

interface CoverCropModalProps {
  /** The picture to crop; null = closed. */
  source: MaterialView | null;
  onCancel: () => void;
  /** Uploads the 640 × 360 JPEG; the modal closes when it resolves. */
  onCropped: (jpeg: Blob) => Promise<void>;
}

/** 裁剪封面: drag the picture under a 16:9 frame, zoom with the slider; the frame's part becomes the cover. */
export function CoverCropModal({ source, onCancel, onCropped }: CoverCropModalProps) {
  const { t } = useI18n();
  return (
    <Modal
      open={source !== null}
      title={t('news.cover.cropTitle')}
      onCancel={onCancel}
      footer={null}
      width={540}
      destroyOnHidden
      data-testid="cover-crop-modal"
    >
      {source && <Cropper key={source.id} source={source} onCancel={onCancel} onCropped={onCropped} />}
    </Modal>
  );
}

function Cropper({ source, onCancel, onCropped }: { source: MaterialView; onCancel: () => void; onCropped: (jpeg: Blob) => Promise<void> }) {
  const { t } = useI18n();
  const { account } = useAccount();
  const errorText = useErrorText();
  const image = useRef<HTMLImageElement>(null);
  const drag = useRef<{ pointerX: number; pointerY: number; from: CropState } | null>(null);
  const [sizes, setSizes] = useState<Sizes | null>(null);
  const [crop, setCrop] = useState<CropState>({ zoom: 1, x: 0, y: 0 });
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const loaded = () => {
    const element = image.current;
    if (!element) return;
    const measured = { frame: FRAME, image: { width: element.naturalWidth, height: element.naturalHeight } };
    setSizes(measured);
    setCrop(initialCrop(measured));
  };
  const shown = sizes ? displaySize(sizes, crop.zoom) : null;

  const confirm = async () => {
    if (!sizes || !image.current) return;
    setSaving(true);
    setFailure(null);
    try {
      await onCropped(await cropToJpeg(image.current, sizes, crop));
    } catch (error) {
      setFailure(errorText(error));
      setSaving(false);
    }
  };

  return (
    <div className="zg-crop">
      {failure && <Alert type="error" showIcon title={failure} className="zg-modal-alert" />}
      <div
        className="zg-crop-frame"
        style={FRAME}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          drag.current = { pointerX: event.clientX, pointerY: event.clientY, from: crop };
        }}
        onPointerMove={(event) => {
          const start = drag.current;
          if (!start || !sizes) return;
          setCrop(clampCrop(sizes, { ...start.from, x: start.from.x + event.clientX - start.pointerX, y: start.from.y + event.clientY - start.pointerY }));
        }}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
        data-testid="cover-crop-frame"
      >
        <img
          ref={image}
          src={materialsApi.fileUrl(account.id, source.id)}
          alt=""
          draggable={false}
          onLoad={loaded}
          onError={() => setFailure(t('news.cover.loadFailed'))}
          style={shown ? { width: shown.width, height: shown.height, transform: `translate(${crop.x}px, ${crop.y}px)` } : { visibility: 'hidden' }}
        />
        {!sizes && !failure && <Spin className="zg-crop-spin" />}
        <span className="zg-crop-band" aria-hidden />
      </div>
      <p className="zg-muted zg-small">{t('news.cover.cropHelp')}</p>
      <div className="zg-crop-zoom">
        <ZoomInOutlined />
        <Slider
          min={1}
          max={MAX_ZOOM}
          step={0.01}
          value={crop.zoom}
          disabled={!sizes}
          tooltip={{ formatter: (value) => `${(value ?? 1).toFixed(1)}×` }}
          onChange={(zoom) => sizes && setCrop(zoomCrop(sizes, crop, zoom))}
          className="zg-grow"
          data-testid="cover-crop-zoom"
        />
      </div>
      <div className="zg-crop-actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" loading={saving} disabled={!sizes} onClick={() => void confirm()} data-testid="cover-crop-submit">
          {t('news.cover.useCrop')}
        </Button>
      </div>
    </div>
  );
}
