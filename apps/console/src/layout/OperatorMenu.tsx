import { lazy, Suspense, useState } from 'react';
import { App, Avatar, Dropdown, Flex, Typography } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import type { AccountSummary } from '@zhanggui/shared';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession, useSignedInSession } from '../session/session.tsx';
import { roleLabel } from '../components/role-label.ts';
import { avatarColor, initials } from '../components/avatar.ts';

// Loaded on first use: it brings antd's Form, which the shell itself does not need.
const ChangePasswordModal = lazy(() => import('./ChangePasswordModal.tsx').then((m) => ({ default: m.ChangePasswordModal })));

export function OperatorMenu({ account }: { account: AccountSummary | undefined }) {
  const { t, language } = useI18n();
  const { operator } = useSignedInSession();
  const { logout } = useSession();
  const { modal } = App.useApp();
  const [changingPassword, setChangingPassword] = useState(false);
  const role = account ? roleLabel(account.role, language) : null;
  const subtitle = [operator.isAdmin ? t('operator.instanceAdmin') : null, role].filter(Boolean).join(' · ');

  const confirmLogout = () =>
    modal.confirm({
      title: t('operator.logoutConfirm'),
      okText: t('operator.logout'),
      cancelText: t('common.cancel'),
      onOk: () => logout(),
    });

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              disabled: true,
              label: (
                <div className="zg-operator-card">
                  <strong>{operator.displayName}</strong>
                  <Typography.Text type="secondary">@{operator.username}</Typography.Text>
                  {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
                </div>
              ),
            },
            { type: 'divider' },
            { key: 'password', icon: <KeyOutlined />, label: t('password.title'), onClick: () => setChangingPassword(true), 'data-testid': 'change-password' },
            { key: 'logout', icon: <LogoutOutlined />, label: t('operator.logout'), onClick: confirmLogout, 'data-testid': 'logout' },
          ],
        }}
      >
        <button type="button" className="zg-header-button" data-testid="operator-menu">
          <Flex align="center" gap={8}>
            <Avatar size={28} style={{ background: avatarColor(operator.username) }}>
              {initials(operator.displayName)}
            </Avatar>
            <span className="zg-header-name">{operator.displayName}</span>
            <DownOutlined className="zg-muted-icon" />
          </Flex>
        </button>
      </Dropdown>
      {changingPassword && (
        <Suspense fallback={null}>
          <ChangePasswordModal open onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
    </>
  );
}
