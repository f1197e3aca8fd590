import { Avatar, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { FanView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime, formatRelative } from '../../i18n/format.ts';
import { avatarColor, initials } from '../../components/avatar.ts';
import { sourceKey } from '../../components/fans/fan-sources.ts';

interface FansTableProps {
  fans: FanView[];
  loading: boolean;
  selectable: boolean;
  selectedIds: number[];
  onSelect: (ids: number[]) => void;
  onOpen: (fan: FanView) => void;
}

export function FansTable({ fans, loading, selectable, selectedIds, onSelect, onOpen }: FansTableProps) {
  const { t } = useI18n();
  const columns: TableColumnsType<FanView> = [
    {
      key: 'fan',
      title: t('fans.col.fan'),
      render: (_, fan) => (
        <button type="button" className="zg-fan-cell" onClick={() => onOpen(fan)} data-testid={`fan-open-${fan.id}`}>
          <Avatar size={32} style={{ background: avatarColor(fan.openid) }} className={fan.subscribed ? undefined : 'zg-avatar-gone'}>
            {initials(fan.displayName)}
          </Avatar>
          <span>
            <strong>{fan.remark || fan.displayName}</strong>
            <small className="zg-mono">{fan.openid}</small>
          </span>
        </button>
      ),
    },
    {
      key: 'tags',
      title: t('fan.tags'),
      render: (_, fan) =>
        fan.tags.length ? (
          <span className="zg-fan-tags">
            {fan.tags.slice(0, 3).map((tag) => (
              <Tag key={tag.id} variant="filled" color="green">
                {tag.name}
              </Tag>
            ))}
            {fan.tags.length > 3 && (
              <Tooltip title={fan.tags.slice(3).map((tag) => tag.name).join('、')}>
                <Tag variant="filled">+{fan.tags.length - 3}</Tag>
              </Tooltip>
            )}
          </span>
        ) : (
          <span className="zg-muted">—</span>
        ),
    },
    {
      key: 'state',
      title: t('fans.col.state'),
      width: 130,
      render: (_, fan) => (
        <span className="zg-fan-chips">
          <span className={`zg-chip ${fan.subscribed ? 'zg-chip--ok' : ''}`}>{fan.subscribed ? t('fan.subscribed') : t('fan.unsubscribed')}</span>
          {fan.blacklisted && <span className="zg-chip zg-chip--danger">{t('fan.blacklisted')}</span>}
        </span>
      ),
    },
    {
      key: 'source',
      title: t('fan.source'),
      responsive: ['lg'],
      render: (_, fan) => {
        const key = sourceKey(fan.source);
        return key ? t(key) : (fan.source ?? '—');
      },
    },
    {
      key: 'subscribedAt',
      title: t('fan.subscribedAt'),
      responsive: ['xl'],
      render: (_, fan) => formatDateTime(fan.subscribedAt),
    },
    {
      key: 'last',
      title: t('fan.lastInteraction'),
      render: (_, fan) => <Tooltip title={formatDateTime(fan.lastInteractionAt)}>{formatRelative(fan.lastInteractionAt)}</Tooltip>,
    },
  ];

  return (
    <Table<FanView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={fans}
      loading={loading}
      pagination={false}
      scroll={{ x: 720 }}
      rowSelection={selectable ? { selectedRowKeys: selectedIds, onChange: (keys) => onSelect(keys.map(Number)), preserveSelectedRowKeys: true } : undefined}
      data-testid="fans-table"
      onRow={(fan) => ({ 'data-testid': `fan-row-${fan.id}` }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
