import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../hooks/use-error-text.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('status.notFound.title')}
      subTitle={t('status.notFound.body')}
      extra={<Link to="/"><Button type="primary">{t('status.backHome')}</Button></Link>}
    />
  );
}

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={t('status.forbidden.title')}
      subTitle={t('status.forbidden.body')}
      extra={<Link to="/"><Button type="primary">{t('status.backHome')}</Button></Link>}
    />
  );
}

export function NoAccountsPage() {
  const { t } = useI18n();
  return <Result status="info" title={t('status.noAccounts.title')} subTitle={t('status.noAccounts.body')} />;
}

export function SessionFailedPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  return (
    <div className="zg-center-screen">
      <Result
        status="warning"
        title={t('status.sessionFailed.title')}
        subTitle={errorText(error)}
        extra={<Button type="primary" onClick={onRetry}>{t('common.retry')}</Button>}
      />
    </div>
  );
}
