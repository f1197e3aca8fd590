import { Button, Flex, Tooltip } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import type { AccountSummary } from '@zhanggui/shared';
import { useI18n } from '../i18n/i18n.tsx';
import { AccountSwitcher } from './AccountSwitcher.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { OperatorMenu } from './OperatorMenu.tsx';

interface HeaderBarProps {
  account: AccountSummary | undefined;
  collapsed: boolean;
  onToggleSidebar: () => void;
}

export function HeaderBar({ account, collapsed, onToggleSidebar }: HeaderBarProps) {
  const { t } = useI18n();
  return (
    <header className="zg-header">
      <Flex align="center" gap={8} className="zg-header-left">
        <Tooltip title={collapsed ? t('header.expandSidebar') : t('header.collapseSidebar')}>
          <Button
            type="text"
            aria-label={collapsed ? t('header.expandSidebar') : t('header.collapseSidebar')}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={onToggleSidebar}
          />
        </Tooltip>
        <AccountSwitcher current={account} />
      </Flex>
      <Flex align="center" gap={4}>
        <LanguageSwitch />
        <OperatorMenu account={account} />
      </Flex>
    </header>
  );
}
