import { Alert, Button, Card, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@zhanggui/shared';
import { auditApi } from '../../api/members.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime, formatRelative } from '../../i18n/format.ts';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { useCursorPages } from '../../hooks/use-cursor-pages.ts';
import { auditActionKey } from './audit-actions.ts';

/** 操作日志: who did what to which target, when and from where; newest first, cursor paged. */
export function AuditLog() {
  const { t } = useI18n();
  const { account } = useAccount();
  const errorText = useErrorText();
  const pages = useCursorPages((cursor) => auditApi.list(account.id, cursor), String(account.id));

  const columns: TableColumnsType<AuditEntry> = [
    {
      key: 'at',
      title: t('audit.col.when'),
      width: 180,
      render: (_, entry) => <Tooltip title={formatRelative(entry.at)}>{formatDateTime(entry.at)}</Tooltip>,
    },
    { key: 'who', title: t('audit.col.who'), width: 160, render: (_, entry) => entry.operator?.displayName ?? <span className="zg-muted">{t('audit.system')}</span> },
    {
      key: 'action',
      title: t('audit.col.what'),
      render: (_, entry) => {
        const key = auditActionKey(entry.action);
        return key ? <Tooltip title={<span className="zg-mono">{entry.action}</span>}>{t(key)}</Tooltip> : <span className="zg-mono">{entry.action}</span>;
      },
    },
    { key: 'target', title: t('audit.col.target'), render: (_, entry) => entry.target ?? '—' },
    { key: 'ip', title: 'IP', width: 140, responsive: ['lg'], render: (_, entry) => <span className="zg-mono">{entry.ip ?? '—'}</span> },
  ];

  return (
    <Card variant="borderless" title={t('audit.title')}>
      {pages.error !== undefined && <Alert type="error" showIcon title={errorText(pages.error)} className="zg-page-alert" />}
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={pages.items}
        loading={pages.loading}
        pagination={false}
        scroll={{ x: 640 }}
        expandable={{
          rowExpandable: (entry) => !!entry.details && Object.keys(entry.details).length > 0,
          expandedRowRender: (entry) => <pre className="zg-audit-details">{JSON.stringify(entry.details, null, 2)}</pre>,
        }}
        data-testid="audit-table"
      />
      <div className="zg-pager">
        <span className="zg-muted">{t('fans.page', { n: pages.pageNumber })}</span>
        <Space>
          <Button icon={<LeftOutlined />} disabled={!pages.hasPrevious || pages.loading} onClick={pages.previous}>
            {t('common.previous')}
          </Button>
          <Button disabled={!pages.hasNext || pages.loading} onClick={pages.next} data-testid="audit-next">
            {t('common.next')} <RightOutlined />
          </Button>
        </Space>
      </div>
    </Card>
  );
}
