import { useState } from 'react';
import { Alert, Button, Drawer, Empty, Table, type TableColumnsType } from 'antd';
import { DownloadOutlined, TrophyFilled } from '@ant-design/icons';
import type { FlowSubmission, FlowView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { downloadCsv } from '../../components/csv.ts';
import { useSubmissions } from './use-submissions.ts';
import { submissionKeys, submissionsCsv } from './submissions-csv.ts';

/** What fans submitted through a flow (orders, sign-ups, quiz finishers), with a CSV made in the browser. */
export function SubmissionsDrawer({ flow, onClose }: { flow: FlowView | null; onClose: () => void }) {
  const { t } = useI18n();
  const { account } = useAccount();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const submissions = useSubmissions(account.id, flow?.id ?? null);
  const [exporting, setExporting] = useState(false);
  const keys = submissionKeys(submissions.items);

  const download = async () => {
    if (!flow) return;
    setExporting(true);
    try {
      const all = await submissions.all();
      const headers = {
        fan: t('flows.sub.fan'),
        openid: 'OpenID',
        score: t('flows.sub.score'),
        rank: t('flows.sub.rank'),
        winner: t('flows.sub.winner'),
        time: t('flows.sub.time'),
        yes: t('common.yes'),
      };
      downloadCsv(`${flow.name}-${new Date().toISOString().slice(0, 10)}.csv`, submissionsCsv(all, headers));
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<FlowSubmission> = [
    {
      key: 'fan',
      title: t('flows.sub.fan'),
      fixed: 'left',
      width: 180,
      render: (_, submission) => (
        <span className="zg-sub-fan">
          <strong>{submission.fan.displayName}</strong>
          <small className="zg-mono">{submission.fan.openid}</small>
        </span>
      ),
    },
    ...keys.map((key) => ({ key: `data-${key}`, title: <span className="zg-mono">{key}</span>, render: (_: unknown, submission: FlowSubmission) => submission.data[key] ?? '' })),
    { key: 'score', title: t('flows.sub.score'), dataIndex: 'score', align: 'right', width: 70 },
    { key: 'rank', title: t('flows.sub.rank'), width: 70, align: 'right', render: (_, submission) => submission.rank ?? '—' },
    {
      key: 'winner',
      title: t('flows.sub.winner'),
      width: 80,
      render: (_, submission) =>
        submission.winner ? (
          <span className="zg-chip zg-chip--warn">
            <TrophyFilled /> {t('flows.sub.won')}
          </span>
        ) : null,
    },
    { key: 'time', title: t('flows.sub.time'), width: 170, render: (_, submission) => formatDateTime(submission.createdAt) },
  ];

  return (
    <Drawer
      open={flow !== null}
      onClose={onClose}
      size={Math.min(1000, Math.max(640, 420 + keys.length * 140))}
      title={flow ? t('flows.sub.title', { name: flow.name }) : ''}
      destroyOnHidden
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting} disabled={submissions.items.length === 0} onClick={() => void download()} data-testid="submissions-csv">
          {t('flows.sub.csv')}
        </Button>
      }
      data-testid="submissions-drawer"
    >
      {submissions.error !== undefined && <Alert type="error" showIcon title={errorText(submissions.error)} className="zg-page-alert" />}
      <Table<FlowSubmission>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={submissions.items}
        loading={submissions.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('flows.sub.empty')} /> }}
        data-testid="submissions-table"
      />
      {submissions.hasMore && submissions.items.length > 0 && (
        <div className="zg-load-more">
          <Button onClick={() => void submissions.loadMore().catch(notifyError)} loading={submissions.loading}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </Drawer>
  );
}
