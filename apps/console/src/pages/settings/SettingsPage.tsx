import { Tabs } from 'antd';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { settingsTabs, type SettingsTab } from '../../session/features.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ConnectionSettings } from './ConnectionSettings.tsx';
import { MembersSettings } from './MembersSettings.tsx';
import { CannedSettings } from './CannedSettings.tsx';
import { AuditLog } from './AuditLog.tsx';
import './settings.css';

const PANES: Record<SettingsTab, () => React.ReactNode> = {
  connection: () => <ConnectionSettings />,
  members: () => <MembersSettings />,
  canned: () => <CannedSettings />,
  audit: () => <AuditLog />,
};

/** 设置: one tab per area the role may manage; the tab is part of the URL. */
export function SettingsPage() {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const navigate = useNavigate();
  const tabs = settingsTabs(can);
  const requested = useParams().tab as SettingsTab | undefined;
  const active = requested && tabs.includes(requested) ? requested : tabs[0];
  if (!active) return null;
  if (requested !== active) return <Navigate to={`/accounts/${account.id}/settings/${active}`} replace />;

  return (
    <div className="zg-page zg-page--narrow" data-testid="settings-page">
      <PageHeader title={t('settings.title')} subtitle={account.name} />
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/accounts/${account.id}/settings/${key}`)}
        destroyOnHidden
        items={tabs.map((tab) => ({ key: tab, label: <span data-testid={`settings-tab-${tab}`}>{t(`settings.tab.${tab}`)}</span>, children: PANES[tab]() }))}
      />
    </div>
  );
}
