import { useMemo, useState } from 'react';
import { Alert, Card, Segmented, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { MenuClickStats } from '@zhanggui/shared';
import { menusApi } from '../../api/menus.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useAccount } from '../../session/account-context.tsx';
import { useResource } from '../../hooks/use-resource.ts';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { BarChart, type BarSeries } from '../../components/charts/BarChart.tsx';

type Row = MenuClickStats['buttons'][number];

const PERIODS = [7, 14, 30] as const;
const COLORS = ['#07b05a', '#4c8df6', '#f5a623'];
/** The chart follows the most clicked buttons; the table lists them all. */
const CHARTED = 3;

/** 点击统计: clicks per button over the period, and the top buttons day by day. */
export function MenuStats() {
  const { t, language } = useI18n();
  const { account } = useAccount();
  const errorText = useErrorText();
  const [days, setDays] = useState<number>(30);
  const stats = useResource((signal) => menusApi.stats(account.id, days, signal), [account.id, days]);
  const rows = useMemo(() => [...(stats.data?.buttons ?? [])].sort((a, b) => b.total - a.total), [stats.data]);
  const charted = rows.slice(0, CHARTED).filter((row) => row.total > 0);
  const series: BarSeries[] = charted.map((row, index) => ({ key: `${row.menu}/${row.key}`, label: row.name, color: COLORS[index] ?? '#8f959e' }));
  const points = (stats.data?.days ?? []).map((day, index) => ({ label: dayjs(day).format('MM-DD'), values: charted.map((row) => row.daily[index] ?? 0) }));
  const menuName = (menu: string) => (!menu || menu === 'default' ? t('menus.default') : menu);

  const columns: TableColumnsType<Row> = [
    { key: 'menu', title: t('menus.stats.menu'), render: (_, row) => menuName(row.menu) },
    { key: 'name', title: t('menus.stats.button'), render: (_, row) => <strong className="zg-menu-stats-name">{row.name}</strong> },
    { key: 'type', title: t('menus.field.type'), responsive: ['md'], render: (_, row) => t(`menus.type.${row.type}`) },
    { key: 'key', title: 'KEY', responsive: ['lg'], render: (_, row) => <span className="zg-mono zg-muted">{row.key}</span> },
    {
      key: 'total',
      title: t('menus.stats.total', { n: days }),
      align: 'right',
      width: 130,
      sorter: (a, b) => a.total - b.total,
      render: (_, row) => <span data-testid={`menu-stats-total-${row.key}`}>{formatNumber(row.total, language)}</span>,
    },
  ];

  return (
    <div className="zg-menu-stats" data-testid="menu-stats">
      {stats.error !== undefined && <Alert type="error" showIcon title={errorText(stats.error)} className="zg-page-alert" />}
      <Card
        variant="borderless"
        title={t('menus.stats.chartTitle')}
        extra={
          <Segmented
            value={days}
            onChange={(value) => setDays(Number(value))}
            options={PERIODS.map((value) => ({ value, label: <span data-testid={`menu-stats-days-${value}`}>{t('menus.stats.days', { n: value })}</span> }))}
          />
        }
      >
        {series.length > 0 ? (
          <>
            <span className="zg-chart-legend">
              {series.map((s) => (
                <span key={s.key}>
                  <i style={{ background: s.color }} />
                  {s.label}
                </span>
              ))}
            </span>
            <BarChart points={points} series={series} height={220} testId="menu-stats-chart" />
          </>
        ) : (
          <p className="zg-muted">{stats.loading ? '…' : t('menus.stats.none')}</p>
        )}
      </Card>
      <Card variant="borderless">
        <Table<Row>
          rowKey={(row) => `${row.menu}/${row.key}`}
          columns={columns}
          dataSource={rows}
          loading={stats.loading}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: t('menus.stats.none') }}
          data-testid="menu-stats-table"
        />
      </Card>
    </div>
  );
}
