import { useState } from 'react';
import { Alert, App, Avatar, Button, Card, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CreateOperatorInput, OperatorView } from '@zhanggui/shared';
import { operatorsApi } from '../../api/accounts.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { useSignedInSession } from '../../session/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { avatarColor, initials } from '../../components/avatar.ts';
import { CreateOperatorModal } from './CreateOperatorModal.tsx';
import '../settings/settings.css';

/** 操作员 (instance admins): everyone who can sign in; account access is granted per account in Settings. */
export function OperatorsPage() {
  const { t } = useI18n();
  const { operator: me } = useSignedInSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const operators = useResource(() => operatorsApi.list(), []);
  const [creating, setCreating] = useState(false);

  const create = async (input: CreateOperatorInput) => {
    await operatorsApi.create(input);
    void message.success(t('operators.created', { name: input.displayName }));
    setCreating(false);
    operators.reload();
  };

  const columns: TableColumnsType<OperatorView> = [
    {
      key: 'name',
      title: t('members.col.operator'),
      render: (_, operator) => (
        <span className="zg-member">
          <Avatar size={30} style={{ background: avatarColor(operator.username) }}>
            {initials(operator.displayName)}
          </Avatar>
          <span>
            <strong>
              {operator.displayName}
              {operator.id === me.id && <span className="zg-chip zg-member-me">{t('members.me')}</span>}
            </strong>
            <small>@{operator.username}</small>
          </span>
        </span>
      ),
    },
    {
      key: 'admin',
      title: t('operators.col.kind'),
      render: (_, operator) =>
        operator.isAdmin ? <span className="zg-chip zg-chip--ok">{t('operator.instanceAdmin')}</span> : <span className="zg-chip">{t('operators.regular')}</span>,
    },
  ];

  return (
    <div className="zg-page zg-page--narrow" data-testid="operators-page">
      <PageHeader
        title={t('nav.operators')}
        subtitle={t('operators.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="operator-create">
            {t('operators.create')}
          </Button>
        }
      />
      {operators.error !== undefined && <Alert type="error" showIcon title={errorText(operators.error)} className="zg-page-alert" />}
      <Card variant="borderless">
        <Table<OperatorView> rowKey="id" columns={columns} dataSource={operators.data ?? []} loading={operators.loading} pagination={false} data-testid="operators-table" />
      </Card>
      <CreateOperatorModal open={creating} onCreate={create} onCancel={() => setCreating(false)} />
    </div>
  );
}
