import { useMemo, useState } from 'react';
import { Avatar, Dropdown, Input, Typography } from 'antd';
import { PlusOutlined, SearchOutlined, SwapOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import type { AccountSummary, Permission } from '@zhanggui/shared';
import { useI18n } from '../i18n/i18n.tsx';
import { useSignedInSession } from '../session/session.tsx';
import { canUse, type Feature } from '../session/features.ts';
import { roleLabel } from '../components/role-label.ts';
import { avatarColor, initials } from '../components/avatar.ts';

const SEARCH_FROM = 7;

/** Switches the account in the URL, staying on the same screen when the role there allows it. */
export function AccountSwitcher({ current }: { current: AccountSummary | undefined }) {
  const { t, language } = useI18n();
  const session = useSignedInSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);

  const accounts = useMemo(() => {
    const needle = query.trim().toLowerCase();
    if (!needle) return session.accounts;
    return session.accounts.filter((a) => a.name.toLowerCase().includes(needle) || a.appId.toLowerCase().includes(needle));
  }, [query, session.accounts]);

  const switchTo = (account: AccountSummary) => {
    const feature = /^\/accounts\/\d+\/(\w+)/.exec(pathname)?.[1] as Feature | undefined;
    const can = (permission: Permission) => account.permissions.includes(permission);
    const keep = feature && canUse(feature, can) ? `/${feature}` : '';
    setOpen(false);
    setQuery('');
    navigate(`/accounts/${account.id}${keep}`);
  };

  if (session.accounts.length === 0 && !session.operator.isAdmin) return null;
  return (
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={setOpen}
      popupRender={(menu) => (
        <div className="zg-switcher-popup">
          {session.accounts.length >= SEARCH_FROM && (
            <Input
              autoFocus
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('switcher.search')}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              className="zg-switcher-search"
            />
          )}
          {menu}
        </div>
      )}
      menu={{
        selectedKeys: current ? [String(current.id)] : [],
        items: [
          ...accounts.map((account) => ({
            key: String(account.id),
            'data-testid': `account-option-${account.id}`,
            onClick: () => switchTo(account),
            label: (
              <div className="zg-switcher-item">
                <Avatar shape="square" size={28} style={{ background: avatarColor(account.appId) }}>
                  {initials(account.name)}
                </Avatar>
                <div className="zg-switcher-item-text">
                  <span>{account.name}</span>
                  <Typography.Text type="secondary" className="zg-small">
                    {roleLabel(account.role, language)} · {account.appId}
                  </Typography.Text>
                </div>
              </div>
            ),
          })),
          ...(session.operator.isAdmin
            ? [
                { type: 'divider' as const },
                {
                  key: 'connect',
                  icon: <PlusOutlined />,
                  label: t('switcher.connect'),
                  'data-testid': 'account-option-connect',
                  onClick: () => {
                    setOpen(false);
                    navigate('/accounts/new');
                  },
                },
              ]
            : []),
        ],
      }}
    >
      <button type="button" className="zg-header-button zg-switcher" data-testid="account-switcher">
        {current ? (
          <>
            <Avatar shape="square" size={30} style={{ background: avatarColor(current.appId) }}>
              {initials(current.name)}
            </Avatar>
            <span className="zg-switcher-text">
              <strong>{current.name}</strong>
              <small>{current.appId}</small>
            </span>
          </>
        ) : (
          <span className="zg-switcher-text">
            <strong>{t('switcher.none')}</strong>
          </span>
        )}
        <SwapOutlined className="zg-muted-icon" />
      </button>
    </Dropdown>
  );
}
