import { useState } from 'react';
import { Alert, Card, Col, Row, Segmented, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import type { LoyaltyReport } from '@zhanggui/shared';
import { loyaltyReportApi } from '../../../api/loyalty.api.ts';
import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { useAccount } from '../../../session/account-context.tsx';
import { useErrorText } from '../../../hooks/use-error-text.ts';
import { useResource } from '../../../hooks/use-resource.ts';
import { BarChart, type BarSeries } from '../../../components/charts/BarChart.tsx';

const PERIODS = [7, 14, 30, 90] as const;
type Series = 'coupons' | 'members';
type Day = LoyaltyReport['days'][number];

/** Redemption as a share of what was issued (the report's own rate is not relied on for its scale). */
function rateText(redeemed: number, issued: number): string {
  return issued ? `${Math.round((redeemed / issued) * 1000) / 10}%` : '—';
}

/** How the programme is used: totals, a daily chart, coupons by template, redemptions by staff. */
export function LoyaltyReportPane() {
  const { t, language } = useI18n();
  const { account } = useAccount();
  const errorText = useErrorText();
  const [days, setDays] = useState<number>(30);
  const [series, setSeries] = useState<Series>('coupons');
  const report = useResource((signal) => loyaltyReportApi.get(account.id, days, signal), [account.id, days]);
  const data = report.data;
  const count = (n: number) => formatNumber(n, language);
  const sum = (pick: keyof Omit<Day, 'date'>) => (data?.days ?? []).reduce((total, day) => total + day[pick], 0);

  const legend: BarSeries[] =
    series === 'coupons'
      ? [
          { key: 'issued', label: t('loyalty.report.issued'), color: '#ee903c' },
          { key: 'redeemed', label: t('loyalty.report.redeemed'), color: '#07b05a' },
        ]
      : [
          { key: 'cards', label: t('loyalty.report.cards'), color: '#4c8df6' },
          { key: 'checkins', label: t('loyalty.report.checkins'), color: '#d4a017' },
        ];
  const points = (data?.days ?? []).map((day) => ({
    label: dayjs(day.date).format('MM-DD'),
    values: series === 'coupons' ? [day.issued, day.redeemed] : [day.cards, day.checkins],
  }));
  const cards: Array<{ key: string; title: MessageKey; value: number; foot?: string }> = data
    ? [
        { key: 'members', title: 'loyalty.report.members', value: data.totals.members, foot: t('loyalty.report.newCards', { n: count(sum('cards')) }) },
        { key: 'points', title: 'loyalty.report.pointsOutstanding', value: data.totals.pointsOutstanding, foot: t('loyalty.report.checkinsIn', { n: count(sum('checkins')) }) },
        { key: 'active', title: 'loyalty.report.couponsActive', value: data.totals.couponsActive, foot: t('loyalty.report.issuedIn', { n: count(sum('issued')) }) },
        { key: 'redeemed', title: 'loyalty.report.redeemedIn', value: sum('redeemed'), foot: t('loyalty.report.rate', { rate: rateText(sum('redeemed'), sum('issued')) }) },
      ]
    : [];

  return (
    <div className="zg-loyalty-report" data-testid="loyalty-report">
      <div className="zg-list-toolbar">
        <Segmented value={days} onChange={(value) => setDays(Number(value))} options={PERIODS.map((value) => ({ value, label: t('menus.stats.days', { n: value }) }))} data-testid="loyalty-report-days" />
      </div>
      {report.error !== undefined && <Alert type="error" showIcon title={errorText(report.error)} className="zg-page-alert" />}
      <Row gutter={[16, 16]}>
        {cards.map((card) => (
          <Col key={card.key} xs={12} xl={6}>
            <Card variant="borderless" className="zg-loyalty-stat" data-testid={`loyalty-report-${card.key}`}>
              <Statistic title={t(card.title)} value={card.value} formatter={(value) => count(Number(value))} />
              {card.foot && <div className="zg-muted zg-small">{card.foot}</div>}
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        variant="borderless"
        title={t('loyalty.report.daily')}
        className="zg-loyalty-report-card"
        loading={report.loading && !data}
        extra={
          <Segmented<Series>
            value={series}
            onChange={setSeries}
            options={[
              { value: 'coupons', label: t('loyalty.report.seriesCoupons') },
              { value: 'members', label: t('loyalty.report.seriesMembers') },
            ]}
            data-testid="loyalty-report-series"
          />
        }
      >
        <span className="zg-chart-legend">
          {legend.map((item) => (
            <span key={item.key}>
              <i style={{ background: item.color }} />
              {item.label}
            </span>
          ))}
        </span>
        <BarChart points={points} series={legend} height={220} testId="loyalty-report-chart" />
      </Card>
      <Row gutter={[16, 16]} className="zg-loyalty-report-card">
        <Col xs={24} xl={14}>
          <Card variant="borderless" title={t('loyalty.report.byTemplate')}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              loading={report.loading && !data}
              dataSource={data?.templates ?? []}
              locale={{ emptyText: t('loyalty.report.noCoupons') }}
              columns={[
                { key: 'name', title: t('loyalty.template.name'), render: (_, row) => row.name },
                { key: 'issued', title: t('loyalty.template.col.issued'), align: 'right', render: (_, row) => count(row.issued) },
                { key: 'redeemed', title: t('loyalty.template.col.redeemed'), align: 'right', render: (_, row) => count(row.redeemed) },
                { key: 'rate', title: t('loyalty.template.col.rate'), align: 'right', render: (_, row) => rateText(row.redeemed, row.issued) },
              ]}
              data-testid="loyalty-report-templates"
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card variant="borderless" title={t('loyalty.report.byStaff')}>
            <Table
              rowKey="operatorId"
              size="small"
              pagination={false}
              loading={report.loading && !data}
              dataSource={data?.staff ?? []}
              locale={{ emptyText: t('loyalty.report.noRedemptions') }}
              columns={[
                { key: 'name', title: t('loyalty.staff.col.name'), render: (_, row) => row.name },
                { key: 'redeemed', title: t('loyalty.template.col.redeemed'), align: 'right', render: (_, row) => count(row.redeemed) },
              ]}
              data-testid="loyalty-report-staff"
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
