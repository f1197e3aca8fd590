import { useState } from 'react';
import { Alert, Button, Card, Popconfirm, Space, Switch, Table, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { FlowView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFlows } from './use-flows.ts';
import { NewFlowModal } from './NewFlowModal.tsx';
import { SubmissionsDrawer } from './SubmissionsDrawer.tsx';
import './flows.css';

/** 会话流程: multi-step conversations with state per fan (numbered menus, quizzes, orders by chat). */
export function FlowsPage() {
  const { t, language } = useI18n();
  const { account, can } = useAccount();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const flows = useFlows(account.id);
  const [picking, setPicking] = useState(false);
  const [submissionsOf, setSubmissionsOf] = useState<FlowView | null>(null);
  const editable = can('rules.edit');
  const url = (flowId: number | 'new') => `/accounts/${account.id}/flows/${flowId}`;
  const count = (n: number) => formatNumber(n, language);
  const stat = (key: keyof FlowView['stats'], title: string) => ({
    key,
    title,
    align: 'right' as const,
    width: 84,
    responsive: ['md' as const],
    render: (_: unknown, flow: FlowView) => (
      <span className={flow.stats[key] ? undefined : 'zg-muted'} data-testid={`flow-${key}-${flow.id}`}>
        {count(flow.stats[key])}
      </span>
    ),
  });

  const columns: TableColumnsType<FlowView> = [
    {
      key: 'name',
      title: t('flows.name'),
      render: (_, flow) => (
        <Link to={url(flow.id)} className="zg-flow-name" data-testid={`flow-open-${flow.id}`}>
          {flow.name}
        </Link>
      ),
    },
    {
      key: 'entry',
      title: t('flows.entryKeywords'),
      render: (_, flow) =>
        flow.entryKeywords.length ? (
          <span className="zg-rule-keywords">
            {flow.entryKeywords.map((word) => (
              <span key={word} className="zg-kw">
                <span>{word}</span>
              </span>
            ))}
          </span>
        ) : (
          <span className="zg-muted">{t('flows.noEntry')}</span>
        ),
    },
    stat('active', t('flows.col.active')),
    stat('completed', t('flows.col.completed')),
    stat('submissions', t('flows.col.submissions')),
    stat('winners', t('flows.col.winners')),
    {
      key: 'enabled',
      title: t('rules.col.enabled'),
      width: 72,
      render: (_, flow) => (
        <Switch
          size="small"
          checked={flow.enabled}
          disabled={!editable}
          onChange={(enabled) => void flows.setEnabled(flow, enabled).catch(notifyError)}
          data-testid={`flow-enabled-${flow.id}`}
        />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: editable ? 230 : 140,
      render: (_, flow) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<TableOutlined />} onClick={() => setSubmissionsOf(flow)} data-testid={`flow-submissions-${flow.id}`}>
            {t('flows.submissions')}
          </Button>
          {editable && (
            <>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => navigate(url(flow.id))}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('flows.deleteConfirm', { name: flow.name })}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => void flows.remove(flow.id).catch(notifyError)}
              >
                <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`flow-delete-${flow.id}`}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="zg-page" data-testid="flows-page">
      <PageHeader
        title={t('flows.title')}
        subtitle={t('flows.subtitle')}
        extra={
          editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPicking(true)} data-testid="flow-create">
              {t('flows.create')}
            </Button>
          )
        }
      />
      {flows.error !== undefined && <Alert type="error" showIcon title={errorText(flows.error)} className="zg-page-alert" />}
      <Card variant="borderless">
        <Table<FlowView> rowKey="id" columns={columns} dataSource={flows.data ?? []} loading={flows.loading} pagination={false} data-testid="flows-table" />
      </Card>
      <NewFlowModal
        open={picking}
        onCancel={() => setPicking(false)}
        onPick={(template) => navigate(url('new'), { state: { template } })}
      />
      <SubmissionsDrawer flow={submissionsOf} onClose={() => setSubmissionsOf(null)} />
    </div>
  );
}
