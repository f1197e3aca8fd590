import { Empty, Spin } from 'antd';
import type { MaterialView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { limitVars, type LibraryKind } from './material-files.ts';
import type { Materials } from './use-materials.ts';
import { MaterialCard } from './MaterialCard.tsx';
import { MaterialUploadButton } from './MaterialUploadButton.tsx';

interface MaterialPaneProps {
  kind: LibraryKind;
  materials: Materials;
  onDelete?: (material: MaterialView) => void;
  onPreview?: (material: MaterialView) => void;
}

/** One kind of material: the upload control with WeChat's limits beside it, then the cards, newest first. */
export function MaterialPane({ kind, materials, onDelete, onPreview }: MaterialPaneProps) {
  const { t } = useI18n();
  const { account, can } = useAccount();
  // Covers cropped in the news editor are images too; thumbs (64 KB JPEG) are listed with them.
  const items = (materials.data ?? []).filter((material) => material.kind === kind || (kind === 'image' && material.kind === 'thumb'));

  return (
    <div className="zg-material-pane" data-testid={`materials-pane-${kind}`}>
      <div className="zg-list-toolbar">
        <span className="zg-muted">{t('materials.limit', limitVars(kind))}</span>
        {can('materials.edit') && <MaterialUploadButton kind={kind} onUpload={materials.upload} />}
      </div>
      {materials.loading && !materials.data ? (
        <div className="zg-page-spinner">
          <Spin />
        </div>
      ) : items.length === 0 ? (
        <Empty description={t(`materials.empty.${kind}`)} />
      ) : (
        <div className={`zg-material-grid zg-material-grid--${kind}`} data-testid={`materials-grid-${kind}`}>
          {items.map((material) => (
            <MaterialCard key={material.id} accountId={account.id} material={material} onDelete={onDelete} onPreview={material.kind === 'thumb' ? undefined : onPreview} />
          ))}
        </div>
      )}
    </div>
  );
}
