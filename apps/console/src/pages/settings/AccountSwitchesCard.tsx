import { App, Card, Divider, Skeleton, Switch } from 'antd';
import type { AccountSettings } from '@zhanggui/shared';
import { accountsApi } from '../../api/accounts.api.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useNotifyError } from '../../hooks/use-error-text.ts';
import { useResource } from '../../hooks/use-resource.ts';

type Setting = 'autoAssign' | 'broadcastApproval';

/** Each switch: its words and its test id. */
const SWITCHES: Array<{ setting: Setting; title: MessageKey; help: MessageKey; testId: string }> = [
  // Round-robin assignment of new conversations to the account's agents.
  { setting: 'autoAssign', title: 'settings.autoAssign.title', help: 'settings.autoAssign.help', testId: 'auto-assign' },
  // Broadcasts by editors wait for an owner's or admin's approval.
  { setting: 'broadcastApproval', title: 'settings.broadcastApproval.title', help: 'settings.broadcastApproval.help', testId: 'broadcast-approval' },
];

/** How the team works on this account: who gets new conversations, and who lets broadcasts go out. */
export function AccountSwitchesCard() {
  const { t } = useI18n();
  const { account } = useAccount();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const view = useResource(() => accountsApi.get(account.id), [account.id]);

  const toggle = async (setting: Setting, on: boolean) => {
    try {
      const settings: Partial<AccountSettings> = { [setting]: on };
      view.setData(await accountsApi.update(account.id, { settings }));
      void message.success(t('common.saved'));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Card variant="borderless" className="zg-settings-section">
      {view.data
        ? SWITCHES.map(({ setting, title, help, testId }, index) => (
            <div key={setting}>
              {index > 0 && <Divider className="zg-setting-divider" />}
              <div className="zg-setting-row">
                <div>
                  <strong>{t(title)}</strong>
                  <p className="zg-muted">{t(help)}</p>
                </div>
                <Switch checked={view.data!.settings[setting]} onChange={(on) => void toggle(setting, on)} data-testid={testId} />
              </div>
            </div>
          ))
        : <Skeleton active paragraph={{ rows: 2 }} />}
    </Card>
  );
}
