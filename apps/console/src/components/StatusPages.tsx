import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../hooks/use-error-text.ts';
import { TILL_URL } from '../session/features.ts';

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

/** Store staff (核销员) have nothing to do in the console: their page is the till on their phone. */
export function TillOnlyPage() {
  const { t } = useI18n();
  return (
    <Result
      status="info"
      title={t('loyalty.tillOnly.title')}
      subTitle={t('loyalty.tillOnly.body')}
      extra={
        <Button type="primary" href={TILL_URL} target="_blank" rel="noopener noreferrer" data-testid="till-open">
          {t('loyalty.staff.tillLink')}
        </Button>
      }
      data-testid="till-only"
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
