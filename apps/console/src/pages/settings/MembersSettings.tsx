import { App, Avatar, Button, Card, Popconfirm, Select, Table, type TableColumnsType } from 'antd';
import { ROLES, type MemberView, type Role } from '@zhanggui/shared';
import { membersApi } from '../../api/members.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useSession, useSignedInSession } from '../../session/session.tsx';
import { useNotifyError } from '../../hooks/use-error-text.ts';
import { useMembers } from '../../data/use-members.ts';
import { roleLabel } from '../../components/role-label.ts';
import { avatarColor, initials } from '../../components/avatar.ts';
import { AddMemberForm } from './AddMemberForm.tsx';
import { AccountSwitchesCard } from './AccountSwitchesCard.tsx';

/** Who works on this account and in which role; adding is by an existing operator's username. */
export function MembersSettings() {
  const { t, language } = useI18n();
  const { account, can } = useAccount();
  const { operator } = useSignedInSession();
  const { refresh } = useSession();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const members = useMembers(account.id);
  const roleOptions = ROLES.map((role) => ({ value: role, label: roleLabel(role, language) }));

  const act = async (action: () => Promise<unknown>, touchesMe: boolean): Promise<boolean> => {
    try {
      await action();
      void message.success(t('common.saved'));
      members.reload();
      if (touchesMe) void refresh().catch(() => {});
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    }
  };

  const columns: TableColumnsType<MemberView> = [
    {
      key: 'operator',
      title: t('members.col.operator'),
      render: (_, member) => (
        <span className="zg-member">
          <Avatar size={30} style={{ background: avatarColor(member.operator.username) }}>
            {initials(member.operator.displayName)}
          </Avatar>
          <span>
            <strong>
              {member.operator.displayName}
              {member.operator.id === operator.id && <span className="zg-chip zg-member-me">{t('members.me')}</span>}
            </strong>
            <small>@{member.operator.username}</small>
          </span>
        </span>
      ),
    },
    {
      key: 'role',
      title: t('members.col.role'),
      width: 200,
      render: (_, member) => (
        <Select<Role>
          value={member.role}
          options={roleOptions}
          className="zg-role-select"
          onChange={(role) => void act(() => membersApi.setRole(account.id, member.operator.id, role), member.operator.id === operator.id)}
          data-testid={`member-role-${member.operator.id}`}
        />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_, member) => (
        <Popconfirm
          title={t('members.removeConfirm', { name: member.operator.displayName })}
          okText={t('members.remove')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => act(() => membersApi.remove(account.id, member.operator.id), member.operator.id === operator.id)}
        >
          <Button type="link" danger size="small" data-testid={`member-remove-${member.operator.id}`}>
            {t('members.remove')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      {can('account.manage') && <AccountSwitchesCard />}
      <Card variant="borderless" title={t('members.title')} className="zg-settings-section" extra={<span className="zg-muted">{t('members.rolesHelp')}</span>}>
        <AddMemberForm roleOptions={roleOptions} onAdd={(username, role) => act(() => membersApi.add(account.id, username, role), false)} />
        <Table<MemberView>
          rowKey={(member) => member.operator.id}
          columns={columns}
          dataSource={members.data ?? []}
          loading={members.loading}
          pagination={false}
          data-testid="members-table"
        />
      </Card>
    </>
  );
}
