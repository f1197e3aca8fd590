import { Button, Popconfirm, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, QrcodeOutlined } from '@ant-design/icons';
import type { QrChannelView, Retention, TagView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { buttonTestId } from '../../components/test-id.ts';
import { retentionText } from './channel-form.ts';

interface ChannelsTableProps {
  channels: QrChannelView[];
  loading: boolean;
  tags: TagView[];
  editable: boolean;
  onEdit: (channel: QrChannelView) => void;
  onCodes: (channel: QrChannelView) => void;
  onDelete: (channel: QrChannelView) => void;
}

/** The channels with what their codes brought: scans, follows, later unfollows, and who stayed. */
export function ChannelsTable({ channels, loading, tags, editable, onEdit, onCodes, onDelete }: ChannelsTableProps) {
  const { t, language } = useI18n();
  const count = (n: number) => formatNumber(n, language);
  const tagName = new Map(tags.map((tag) => [tag.id, tag.name]));
  const number = (key: 'scans' | 'newFollows' | 'unfollowed', title: string) => ({
    key,
    title,
    align: 'right' as const,
    width: 92,
    render: (_: unknown, channel: QrChannelView) => (
      <span className={channel.stats[key] ? undefined : 'zg-muted'} data-testid={`channel-${key}-${channel.id}`}>
        {count(channel.stats[key])}
      </span>
    ),
  });
  const retention = (key: 'retained7' | 'retained30', title: string) => ({
    key,
    title: <Tooltip title={t('channels.retentionHelp')}>{title}</Tooltip>,
    align: 'right' as const,
    width: 92,
    responsive: ['lg' as const],
    render: (_: unknown, channel: QrChannelView) => {
      const value: Retention = channel.stats[key];
      return (
        <Tooltip title={t('channels.retentionOf', { retained: value.retained, eligible: value.eligible })}>
          <span className={value.eligible ? undefined : 'zg-muted'}>{retentionText(value)}</span>
        </Tooltip>
      );
    },
  });

  const columns: TableColumnsType<QrChannelView> = [
    {
      key: 'name',
      title: t('channels.col.name'),
      width: 160,
      render: (_, channel) => (
        <span className="zg-channel-name">
          <strong>{channel.name}</strong>
          {!channel.enabled && <Tag>{t('channels.disabled')}</Tag>}
        </span>
      ),
    },
    { key: 'note', title: t('channels.col.note'), responsive: ['xl'], width: 160, ellipsis: true, render: (_, channel) => channel.note || <span className="zg-muted">—</span> },
    {
      key: 'tags',
      title: t('channels.col.tags'),
      responsive: ['md'],
      width: 140,
      render: (_, channel) =>
        channel.tagIds.length ? channel.tagIds.map((id) => <Tag key={id}>{tagName.get(id) ?? `#${id}`}</Tag>) : <span className="zg-muted">—</span>,
    },
    number('scans', t('channels.col.scans')),
    number('newFollows', t('channels.col.follows')),
    { ...number('unfollowed', t('channels.col.unfollowed')), responsive: ['md' as const] },
    retention('retained7', t('channels.col.retained7')),
    retention('retained30', t('channels.col.retained30')),
    { key: 'codes', title: t('channels.col.codes'), align: 'right', width: 92, render: (_, channel) => count(channel.codeCount) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: editable ? 210 : 100,
      render: (_, channel) => (
        <Space size={0}>
          {editable && (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(channel)} data-testid={`channel-edit-${channel.id}`}>
              {t('common.edit')}
            </Button>
          )}
          <Button type="link" size="small" icon={<QrcodeOutlined />} onClick={() => onCodes(channel)} data-testid={`channel-codes-${channel.id}`}>
            {t('channels.codes')}
          </Button>
          {editable && (
            <Popconfirm
              title={t('channels.deleteConfirm', { name: channel.name })}
              description={<span className="zg-channel-confirm">{t('channels.deleteConfirmBody')}</span>}
              okText={t('common.delete')}
              okButtonProps={{ danger: true, ...buttonTestId(`channel-delete-confirm-${channel.id}`) }}
              cancelText={t('common.cancel')}
              onConfirm={() => onDelete(channel)}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`channel-delete-${channel.id}`}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Table<QrChannelView>
      rowKey="id"
      columns={columns}
      dataSource={channels}
      loading={loading}
      rowClassName={(channel) => (channel.enabled ? '' : 'zg-row-off')}
      onRow={(channel) => ({ 'data-testid': `channel-row-${channel.id}`, 'data-name': channel.name }) as React.HTMLAttributes<HTMLElement>}
      pagination={channels.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 1100 }}
      locale={{ emptyText: t('channels.empty') }}
      data-testid="channels-table"
    />
  );
}
