import { Button, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { CheckOutlined, FileSearchOutlined, StopOutlined } from '@ant-design/icons';
import type { BroadcastView, QrChannelView, TagView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber, formatShortTime } from '../../i18n/format.ts';
import { buttonTestId } from '../../components/test-id.ts';
import { isCancellable, STATUS_COLOURS, targetText } from './broadcast-labels.ts';
import { BroadcastProgress, BroadcastResults } from './BroadcastProgress.tsx';

interface BroadcastsTableProps {
  broadcasts: BroadcastView[];
  loading: boolean;
  tags: TagView[];
  channels: QrChannelView[];
  canSend: boolean;
  canApprove: boolean;
  onDetails: (broadcast: BroadcastView) => void;
  onCancel: (broadcast: BroadcastView) => void;
  onApprove: (broadcast: BroadcastView) => void;
}

/** The broadcasts, newest first: status, audience, progress, WeChat's results, and what can still be done. */
export function BroadcastsTable({ broadcasts, loading, tags, channels, canSend, canApprove, onDetails, onCancel, onApprove }: BroadcastsTableProps) {
  const { t, language } = useI18n();
  const columns: TableColumnsType<BroadcastView> = [
    {
      key: 'title',
      title: t('broadcasts.col.title'),
      width: 180,
      render: (_, broadcast) => (
        <div className="zg-broadcast-title">
          <strong>{broadcast.title}</strong>
          <small className="zg-muted">
            {t(`broadcasts.message.${broadcast.message.type}`)} · {formatShortTime(broadcast.createdAt)}
          </small>
        </div>
      ),
    },
    {
      key: 'status',
      title: t('broadcasts.col.status'),
      width: 100,
      render: (_, broadcast) => (
        <Tag color={STATUS_COLOURS[broadcast.status]} data-testid={`broadcast-status-${broadcast.id}`} data-status={broadcast.status}>
          {t(`broadcasts.status.${broadcast.status}`)}
        </Tag>
      ),
    },
    {
      key: 'target',
      title: t('broadcasts.col.target'),
      width: 120,
      responsive: ['md'],
      render: (_, broadcast) => <span className="zg-broadcast-target">{targetText(broadcast.target, t, tags, channels)}</span>,
    },
    {
      key: 'audience',
      title: t('broadcasts.col.audience'),
      align: 'right',
      width: 110,
      render: (_, broadcast) => (
        <div className="zg-broadcast-audience">
          <span data-testid={`broadcast-audience-${broadcast.id}`}>{broadcast.audience === null ? '—' : formatNumber(broadcast.audience, language)}</span>
          {broadcast.skipped > 0 && <small className="zg-muted">{t('broadcasts.skippedN', { n: formatNumber(broadcast.skipped, language) })}</small>}
        </div>
      ),
    },
    { key: 'progress', title: t('broadcasts.col.batches'), width: 130, responsive: ['lg'], render: (_, broadcast) => <BroadcastProgress broadcast={broadcast} /> },
    { key: 'results', title: t('broadcasts.col.results'), width: 120, render: (_, broadcast) => <BroadcastResults broadcast={broadcast} /> },
    {
      key: 'when',
      title: t('broadcasts.col.when'),
      width: 120,
      // The title cell already shows the time; this column is for wide screens.
      responsive: ['xxl'],
      render: (_, broadcast) => {
        const at = broadcast.finishedAt ?? broadcast.startedAt ?? broadcast.scheduledAt;
        return at ? formatShortTime(at) : <span className="zg-muted">{t('broadcasts.asap')}</span>;
      },
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 220,
      render: (_, broadcast) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<FileSearchOutlined />} onClick={() => onDetails(broadcast)} data-testid={`broadcast-details-${broadcast.id}`}>
            {t('broadcasts.details')}
          </Button>
          {canApprove && broadcast.status === 'pending_approval' && (
            <Popconfirm title={t('broadcasts.approveConfirm', { title: broadcast.title })} okText={t('broadcasts.approve')} okButtonProps={buttonTestId(`broadcast-approve-confirm-${broadcast.id}`)} cancelText={t('common.cancel')} onConfirm={() => onApprove(broadcast)}>
              <Button type="link" size="small" icon={<CheckOutlined />} data-testid={`broadcast-approve-${broadcast.id}`}>
                {t('broadcasts.approve')}
              </Button>
            </Popconfirm>
          )}
          {canSend && isCancellable(broadcast) && (
            <Popconfirm title={t('broadcasts.cancelConfirm', { title: broadcast.title })} okText={t('broadcasts.cancel')} okButtonProps={{ danger: true, ...buttonTestId(`broadcast-cancel-confirm-${broadcast.id}`) }} cancelText={t('common.close')} onConfirm={() => onCancel(broadcast)}>
              <Button type="link" size="small" danger icon={<StopOutlined />} data-testid={`broadcast-cancel-${broadcast.id}`}>
                {t('broadcasts.cancel')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Table<BroadcastView>
      rowKey="id"
      columns={columns}
      dataSource={broadcasts}
      loading={loading}
      onRow={(broadcast) => ({ 'data-testid': `broadcast-row-${broadcast.id}`, 'data-title': broadcast.title }) as React.HTMLAttributes<HTMLElement>}
      pagination={broadcasts.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 960 }}
      locale={{ emptyText: t('broadcasts.empty') }}
      data-testid="broadcasts-table"
    />
  );
}
