import { Card, Col, Row } from 'antd';
import dayjs from 'dayjs';
import type { AccountOverview } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { BarChart, type BarSeries } from '../../components/charts/BarChart.tsx';

/** The last 14 days: follows against unfollows, and messages received. */
export function TrendCards({ daily }: { daily: AccountOverview['daily'] }) {
  const { t } = useI18n();
  const label = (date: string) => dayjs(date).format('MM-DD');
  const growth: BarSeries[] = [
    { key: 'follows', label: t('home.series.follows'), color: '#07b05a' },
    { key: 'unfollows', label: t('home.series.unfollows'), color: '#f0a8a8' },
  ];
  const messages: BarSeries[] = [{ key: 'messages', label: t('home.series.messages'), color: '#4c8df6' }];
  const net = daily.reduce((sum, day) => sum + day.newFollows - day.unfollows, 0);

  return (
    <Row gutter={[16, 16]} className="zg-trends">
      <Col xs={24} xl={14}>
        <Card
          variant="borderless"
          title={t('home.growthTitle')}
          extra={<Legend series={growth} />}
          data-testid="trend-growth"
        >
          <p className="zg-trend-summary">{t('home.netGrowth', { n: net > 0 ? `+${net}` : String(net) })}</p>
          <BarChart points={daily.map((day) => ({ label: label(day.date), values: [day.newFollows, day.unfollows] }))} series={growth} />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card variant="borderless" title={t('home.messagesTitle')} extra={<Legend series={messages} />} data-testid="trend-messages">
          <p className="zg-trend-summary">{t('home.messagesTotal', { n: daily.reduce((sum, day) => sum + day.messages, 0) })}</p>
          <BarChart points={daily.map((day) => ({ label: label(day.date), values: [day.messages] }))} series={messages} />
        </Card>
      </Col>
    </Row>
  );
}

function Legend({ series }: { series: BarSeries[] }) {
  return (
    <span className="zg-chart-legend">
      {series.map((s) => (
        <span key={s.key}>
          <i style={{ background: s.color }} />
          {s.label}
        </span>
      ))}
    </span>
  );
}
