import { Button, Card, Popconfirm, Tooltip } from 'antd';
import { DeleteOutlined, SendOutlined } from '@ant-design/icons';
import type { MaterialView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatShortTime } from '../../i18n/format.ts';
import { buttonTestId } from '../../components/test-id.ts';
import { formatBytes } from './material-files.ts';
import { MaterialMedia } from './MaterialMedia.tsx';
import { isInUse, MaterialUsageTags } from './MaterialUsageTags.tsx';

interface MaterialCardProps {
  accountId: number;
  material: MaterialView;
  /** Absent without materials.edit / broadcasts.send. */
  onDelete?: (material: MaterialView) => void;
  onPreview?: (material: MaterialView) => void;
}

/** One material: the picture or player, its name and size, where it is used, and what may be done with it. */
export function MaterialCard({ accountId, material, onDelete, onPreview }: MaterialCardProps) {
  const { t } = useI18n();
  const name = material.title || material.name;
  const actions = [
    onPreview && (
      <Tooltip key="preview" title={t('preview.send.help')}>
        <Button type="text" size="small" icon={<SendOutlined />} onClick={() => onPreview(material)} data-testid={`material-preview-${material.id}`}>
          {t('preview.send')}
        </Button>
      </Tooltip>
    ),
    onDelete && (
      <Popconfirm
        key="delete"
        title={t('materials.deleteConfirm', { name })}
        description={isInUse(material.usage) ? t('materials.deleteInUse') : t('materials.deleteConfirmBody')}
        okText={t('common.delete')}
        okButtonProps={{ danger: true, ...buttonTestId(`material-delete-confirm-${material.id}`) }}
        cancelText={t('common.cancel')}
        onConfirm={() => onDelete(material)}
      >
        <Button type="text" size="small" danger icon={<DeleteOutlined />} data-testid={`material-delete-${material.id}`}>
          {t('common.delete')}
        </Button>
      </Popconfirm>
    ),
  ].filter(Boolean);

  return (
    <Card
      size="small"
      className={`zg-material-card zg-material-card--${material.kind}`}
      cover={<MaterialMedia accountId={accountId} material={material} />}
      actions={actions.length ? actions : undefined}
      data-testid={`material-card-${material.id}`}
      data-name={material.name}
    >
      <strong className="zg-material-name" title={material.name}>
        {name}
      </strong>
      {material.kind === 'video' && material.description && <p className="zg-material-description">{material.description}</p>}
      <p className="zg-muted zg-small">
        {formatBytes(material.bytes)} · {formatShortTime(material.createdAt)}
      </p>
      <MaterialUsageTags usage={material.usage} testId={`material-usage-${material.id}`} />
    </Card>
  );
}
