import { Alert, Button, Empty, Table, Tooltip, type TableColumnsType } from 'antd';
import type { PointsEntry } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { useErrorText, useNotifyError } from '../../../hooks/use-error-text.ts';
import type { usePointsLedger } from './use-points-ledger.ts';

/** The points ledger: each change, why, by whom, and the balance after it. */
export function PointsLedger({ ledger }: { ledger: ReturnType<typeof usePointsLedger> }) {
  const { t, language } = useI18n();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const columns: TableColumnsType<PointsEntry> = [
    { key: 'at', title: t('loyalty.ledger.at'), width: 130, render: (_, entry) => <Tooltip title={formatDateTime(entry.createdAt)}>{formatDateTime(entry.createdAt).slice(5, 16)}</Tooltip> },
    {
      key: 'reason',
      title: t('loyalty.ledger.reason'),
      render: (_, entry) => (
        <div className="zg-entry">
          <span>{t(`loyalty.reason.${entry.reason}`)}</span>
          {(entry.note || entry.operator) && (
            <span className="zg-entry-body">
              {entry.note}
              {entry.operator && <> · {entry.operator.name}</>}
            </span>
          )}
        </div>
      ),
    },
    {
      key: 'delta',
      title: t('loyalty.ledger.delta'),
      align: 'right',
      width: 80,
      render: (_, entry) => <span className={entry.delta > 0 ? 'zg-points-plus' : 'zg-points-minus'}>{entry.delta > 0 ? `+${formatNumber(entry.delta, language)}` : formatNumber(entry.delta, language)}</span>,
    },
    { key: 'balance', title: t('loyalty.ledger.balance'), align: 'right', width: 80, render: (_, entry) => formatNumber(entry.balance, language) },
  ];

  if (ledger.error !== undefined) return <Alert type="error" showIcon title={errorText(ledger.error)} />;
  return (
    <>
      <Table<PointsEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={ledger.items}
        loading={ledger.loading && ledger.items.length === 0}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('loyalty.ledger.empty')} /> }}
        data-testid="loyalty-points-ledger"
      />
      {ledger.hasMore && (
        <div className="zg-load-more">
          <Button loading={ledger.loading} onClick={() => void ledger.loadMore().catch(notifyError)} data-testid="loyalty-points-more">
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}
