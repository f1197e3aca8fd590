import { App, Card, Skeleton, Switch } from 'antd';
import { accountsApi } from '../../api/accounts.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useNotifyError } from '../../hooks/use-error-text.ts';
import { useResource } from '../../hooks/use-resource.ts';

/** Round-robin assignment of new conversations to the account's agents. */
export function AutoAssignCard() {
  const { t } = useI18n();
  const { account } = useAccount();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const view = useResource(() => accountsApi.get(account.id), [account.id]);

  const toggle = async (autoAssign: boolean) => {
    try {
      view.setData(await accountsApi.update(account.id, { settings: { autoAssign } }));
      void message.success(t('common.saved'));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Card variant="borderless" className="zg-settings-section">
      {view.data ? (
        <div className="zg-setting-row">
          <div>
            <strong>{t('settings.autoAssign.title')}</strong>
            <p className="zg-muted">{t('settings.autoAssign.help')}</p>
          </div>
          <Switch checked={view.data.settings.autoAssign} onChange={(on) => void toggle(on)} data-testid="auto-assign" />
        </div>
      ) : (
        <Skeleton active paragraph={{ rows: 1 }} />
      )}
    </Card>
  );
}
