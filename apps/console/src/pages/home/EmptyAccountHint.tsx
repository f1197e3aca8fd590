import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';

/** A freshly connected account has no fans yet: say what brings them in. */
export function EmptyAccountHint() {
  const { t } = useI18n();
  const { account, can } = useAccount();
  return (
    <Alert
      type="info"
      showIcon
      className="zg-home-alert"
      title={t('home.empty.title')}
      description={t('home.empty.body')}
      action={
        <span className="zg-home-empty-links">
          {can('account.manage') && <Link to={`/accounts/${account.id}/settings/connection`}>{t('home.empty.connection')}</Link>}
          {can('fans.sync') && <Link to={`/accounts/${account.id}/fans`}>{t('home.empty.sync')}</Link>}
        </span>
      }
      data-testid="home-empty-hint"
    />
  );
}
