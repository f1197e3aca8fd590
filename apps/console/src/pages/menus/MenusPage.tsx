import { Alert, App, Form, Tabs } from 'antd';
import { AimOutlined, BarChartOutlined, EditOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { useFlowOptions } from '../../data/use-flow-options.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageSpinner } from '../../components/Spinners.tsx';
import { cleanSet, type Path } from './menu-form.ts';
import { issueTarget } from './menu-issues.ts';
import { useMenuState } from './use-menu-state.ts';
import { useMenuDraft } from './use-menu-draft.ts';
import { MenuActions } from './MenuActions.tsx';
import { MenuStatus } from './MenuStatus.tsx';
import { MenuFailureAlert } from './MenuFailureAlert.tsx';
import { MenuEditor } from './MenuEditor.tsx';
import { MenuTryMatch } from './MenuTryMatch.tsx';
import { MenuStats } from './MenuStats.tsx';
import './menus.css';

const TABS = ['editor', 'trymatch', 'stats'] as const;
type Tab = (typeof TABS)[number];

/** 自定义菜单: the default and personalised menus edited on a phone, published to WeChat; trymatch; clicks. */
export function MenusPage() {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((key) => key === params.get('tab')) ?? 'editor';
  const [form] = Form.useForm();
  const menus = useMenuState(account.id, form);
  const draft = useMenuDraft(form);
  const flows = useFlowOptions(account.id, true);
  const editable = can('menus.edit');
  const unsaved = menus.saved !== undefined && JSON.stringify(draft.clean) !== JSON.stringify(cleanSet(menus.saved.draft));

  /** Rendered fields first (a reply's text, a flow to pick): the menu check itself is live. */
  const fieldsValid = async () => {
    try {
      await form.validateFields();
      return true;
    } catch {
      void message.error(t('menus.fixFields'));
      return false;
    }
  };
  const save = async () => {
    if ((await fieldsValid()) && (await menus.save())) void message.success(t('menus.saved'));
  };
  const publish = async () => {
    if ((await fieldsValid()) && (await menus.publish())) void message.success(t('menus.published'));
  };
  const importFromWechat = async () => {
    if (await menus.importFromWechat()) {
      draft.openMenu(null);
      void message.success(t('menus.imported'));
    }
  };
  const openIssue = (path: Path) => {
    const target = issueTarget(path);
    draft.openMenu(target.menuIndex === null ? null : (draft.draft.conditional[target.menuIndex]?.id ?? null));
    draft.select(target.ref);
    if (tab !== 'editor') setParams({}, { replace: true });
  };

  if (menus.loading) return <PageSpinner />;
  return (
    <div className="zg-page" data-testid="menus-page">
      <PageHeader
        title={t('menus.title')}
        subtitle={menus.saved ? <MenuStatus state={menus.saved} unsaved={unsaved} /> : t('menus.subtitle')}
        extra={
          editable &&
          menus.saved && (
            <MenuActions busy={menus.busy} issueCount={draft.issues.length} onSave={() => void save()} onPublish={() => void publish()} onImport={() => void importFromWechat()} />
          )
        }
      />
      {menus.error !== undefined && !menus.saved && <Alert type="error" showIcon title={errorText(menus.error)} className="zg-page-alert" />}
      <MenuFailureAlert failure={menus.failure} set={draft.draft} onClose={menus.clearFailure} />
      <Tabs
        activeKey={tab === 'trymatch' && !editable ? 'editor' : tab}
        onChange={(key) => setParams(key === 'editor' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'editor',
            label: <span data-testid="menus-tab-editor"><EditOutlined /> {t('menus.tab.editor')}</span>,
            // The form stays mounted on the other tabs: the draft is not lost by looking at the statistics.
            forceRender: true,
            children: menus.saved && (
              <Form form={form} layout="vertical" requiredMark={false} disabled={!editable}>
                <MenuEditor draft={draft} editable={editable} flows={flows} onOpenIssue={openIssue} />
              </Form>
            ),
          },
          // trymatch spends WeChat's quota: the server keeps it to those who may edit menus.
          ...(editable ? [{ key: 'trymatch', label: <span data-testid="menus-tab-trymatch"><AimOutlined /> {t('menus.tab.trymatch')}</span>, children: <MenuTryMatch /> }] : []),
          { key: 'stats', label: <span data-testid="menus-tab-stats"><BarChartOutlined /> {t('menus.tab.stats')}</span>, children: <MenuStats /> },
        ]}
      />
    </div>
  );
}
