import { Alert, Button, Col, Row, Skeleton, Tooltip } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useOverview } from './use-overview.ts';
import { OverviewCards } from './OverviewCards.tsx';
import { TrendCards } from './TrendCards.tsx';
import { EmptyAccountHint } from './EmptyAccountHint.tsx';
import './home.css';

export function HomePage() {
  const { t } = useI18n();
  const { account } = useAccount();
  const errorText = useErrorText();
  const { overview, error, loading, updatedAt, reload } = useOverview(account.id);

  return (
    <div className="zg-page" data-testid="home-page">
      <PageHeader
        title={t('home.title')}
        subtitle={t('home.subtitle', { name: account.name })}
        extra={
          <Tooltip title={updatedAt ? t('home.updatedAt', { time: dayjs(updatedAt).format('HH:mm:ss') }) : undefined}>
            <Button icon={<ReloadOutlined />} loading={loading && !!overview} onClick={reload}>
              {t('common.refresh')}
            </Button>
          </Tooltip>
        }
      />
      {error !== undefined && <Alert type="error" showIcon title={errorText(error)} className="zg-home-alert" />}
      {!overview ? (
        <Row gutter={[16, 16]}>
          {[0, 1, 2, 3].map((key) => (
            <Col key={key} xs={24} sm={12} xl={6}>
              <div className="zg-card-pad">
                <Skeleton active paragraph={{ rows: 2 }} />
              </div>
            </Col>
          ))}
        </Row>
      ) : (
        <>
          {overview.fans.total === 0 && <EmptyAccountHint />}
          <OverviewCards overview={overview} accountId={account.id} />
          <TrendCards daily={overview.daily} />
        </>
      )}
    </div>
  );
}
