import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import { ExportOutlined, PlusOutlined, UserDeleteOutlined } from '@ant-design/icons';
import type { StaffInput, StaffView } from '@zhanggui/shared';
import { staffApi } from '../../../api/loyalty.api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatDateTime, formatNumber, formatRelative } from '../../../i18n/format.ts';
import { useAccount } from '../../../session/account-context.tsx';
import { TILL_URL } from '../../../session/features.ts';
import { useErrorText, useNotifyError } from '../../../hooks/use-error-text.ts';
import { useResource } from '../../../hooks/use-resource.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { buttonTestId } from '../../../components/test-id.ts';
import { AddStaffModal } from './AddStaffModal.tsx';
import '../loyalty.css';

/** 核销员: the till logins that redeem coupons at the counter, and how much each has redeemed. */
export function StaffPage() {
  const { t, language } = useI18n();
  const { account } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const staff = useResource((signal) => staffApi.list(account.id, signal), [account.id]);
  const [adding, setAdding] = useState(false);
  const count = (n: number) => formatNumber(n, language);

  const add = async (input: StaffInput) => {
    const added = await staffApi.add(account.id, input);
    staff.setData((items) => [...(items ?? []).filter((item) => item.operatorId !== added.operatorId), added]);
    void message.success(t('loyalty.staff.added', { name: added.displayName }));
    setAdding(false);
  };
  const remove = (member: StaffView) =>
    void staffApi
      .remove(account.id, member.operatorId)
      .then(() => staff.setData((items) => items?.filter((item) => item.operatorId !== member.operatorId)))
      .catch(notifyError);

  const columns: TableColumnsType<StaffView> = [
    {
      key: 'name',
      title: t('loyalty.staff.col.name'),
      render: (_, member) => (
        <div className="zg-entry">
          <strong>{member.displayName}</strong>
          <span className="zg-entry-body">@{member.username}</span>
        </div>
      ),
    },
    { key: 'today', title: t('loyalty.staff.col.today'), align: 'right', width: 110, render: (_, member) => <span data-testid={`loyalty-staff-today-${member.operatorId}`}>{count(member.redeemedToday)}</span> },
    { key: 'total', title: t('loyalty.staff.col.total'), align: 'right', width: 110, render: (_, member) => count(member.redeemedTotal) },
    {
      key: 'last',
      title: t('loyalty.staff.col.last'),
      width: 160,
      render: (_, member) => (member.lastRedeemedAt ? <Tooltip title={formatDateTime(member.lastRedeemedAt)}>{formatRelative(member.lastRedeemedAt)}</Tooltip> : <span className="zg-muted">{t('loyalty.staff.never')}</span>),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      render: (_, member) => (
        <Popconfirm
          title={t('loyalty.staff.removeConfirm', { name: member.displayName })}
          description={<span className="zg-confirm-body">{t('loyalty.staff.removeBody')}</span>}
          okText={t('loyalty.staff.remove')}
          okButtonProps={{ danger: true, ...buttonTestId(`loyalty-staff-remove-confirm-${member.operatorId}`) }}
          cancelText={t('common.cancel')}
          onConfirm={() => remove(member)}
        >
          <Button type="link" size="small" danger icon={<UserDeleteOutlined />} data-testid={`loyalty-staff-remove-${member.operatorId}`}>
            {t('loyalty.staff.remove')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <div className="zg-page zg-page--narrow" data-testid="loyalty-staff-page">
      <PageHeader
        title={t('loyalty.staff.title')}
        subtitle={t('loyalty.staff.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<ExportOutlined />} href={TILL_URL} target="_blank" rel="noopener noreferrer" data-testid="loyalty-till-link">
              {t('loyalty.staff.tillLink')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="loyalty-staff-add">
              {t('loyalty.staff.add')}
            </Button>
          </Space>
        }
      />
      <Alert type="info" showIcon title={t('loyalty.staff.howTo', { url: `${window.location.origin}${TILL_URL}` })} className="zg-page-alert" data-testid="loyalty-staff-how" />
      {staff.error !== undefined && <Alert type="error" showIcon title={errorText(staff.error)} className="zg-page-alert" />}
      <Card variant="borderless">
        <Table<StaffView>
          rowKey="operatorId"
          columns={columns}
          dataSource={staff.data ?? []}
          loading={staff.loading}
          pagination={false}
          locale={{ emptyText: t('loyalty.staff.empty') }}
          onRow={(member) => ({ 'data-testid': `loyalty-staff-row-${member.operatorId}` }) as React.HTMLAttributes<HTMLElement>}
          data-testid="loyalty-staff-table"
        />
      </Card>
      <AddStaffModal open={adding} onAdd={add} onCancel={() => setAdding(false)} />
    </div>
  );
}
