import { Alert, Card, Switch } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { replySettingsApi } from '../../api/catalogue.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { useResource } from '../../hooks/use-resource.ts';

/** Reply settings: whether LOCATION events (reported when a fan opens the chat) get the nearby stores. */
export function LocationRepliesCard() {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const settings = useResource((signal) => replySettingsApi.get(account.id, signal), [account.id]);

  const toggle = async (replyToLocationEvents: boolean) => {
    const before = settings.data;
    settings.setData({ replyToLocationEvents });
    try {
      settings.setData(await replySettingsApi.update(account.id, { replyToLocationEvents }));
    } catch (error) {
      settings.setData(before);
      notifyError(error);
    }
  };

  return (
    <Card variant="borderless" className="zg-location-card" data-testid="reply-settings">
      <div className="zg-setting-line">
        <span className="zg-setting-icon">
          <AimOutlined />
        </span>
        <div>
          <strong>{t('stores.locationEvents')}</strong>
          <p>{t('stores.locationEventsHelp')}</p>
        </div>
        <Switch
          checked={settings.data?.replyToLocationEvents ?? false}
          loading={settings.loading && !settings.data}
          disabled={!can('rules.edit') || settings.data === undefined}
          onChange={(checked) => void toggle(checked)}
          data-testid="reply-location-events"
        />
      </div>
      {settings.error !== undefined && <Alert type="error" showIcon title={errorText(settings.error)} className="zg-location-error" />}
    </Card>
  );
}
