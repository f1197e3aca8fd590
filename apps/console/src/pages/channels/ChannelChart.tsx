import { useState } from 'react';
import { Card, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { qrChannelsApi } from '../../api/qr-channels.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useAccount } from '../../session/account-context.tsx';
import { useResource } from '../../hooks/use-resource.ts';
import { BarChart, type BarSeries } from '../../components/charts/BarChart.tsx';

const PERIODS = [7, 14, 30] as const;

/** Daily scans and follows, of all channels together or of one; `version` reloads it after changes. */
export function ChannelChart({ version }: { version: number }) {
  const { t, language } = useI18n();
  const { account } = useAccount();
  const [days, setDays] = useState<number>(30);
  const [channelId, setChannelId] = useState<number | 'all'>('all');
  const series = useResource((signal) => qrChannelsApi.series(account.id, days, signal), [account.id, days, version]);
  const channels = series.data?.channels ?? [];
  const shown = channelId === 'all' ? channels : channels.filter((channel) => channel.id === channelId);
  const sum = (pick: 'scans' | 'follows', index: number) => shown.reduce((total, channel) => total + (channel[pick][index] ?? 0), 0);
  const points = (series.data?.days ?? []).map((day, index) => ({ label: dayjs(day).format('MM-DD'), values: [sum('scans', index), sum('follows', index)] }));
  const legend: BarSeries[] = [
    { key: 'scans', label: t('channels.col.scans'), color: '#4c8df6' },
    { key: 'follows', label: t('channels.col.follows'), color: '#07b05a' },
  ];
  const totals = points.reduce<[number, number]>((acc, point) => [acc[0] + (point.values[0] ?? 0), acc[1] + (point.values[1] ?? 0)], [0, 0]);

  return (
    <Card
      variant="borderless"
      title={t('channels.chartTitle')}
      className="zg-channel-chart"
      extra={
        <Space wrap>
          <Select<number | 'all'>
            value={channelId}
            onChange={setChannelId}
            className="zg-channel-chart-select"
            popupMatchSelectWidth={false}
            options={[{ value: 'all', label: t('channels.allChannels') }, ...channels.map((channel) => ({ value: channel.id, label: channel.name }))]}
            data-testid="channels-chart-channel"
          />
          <Segmented
            value={days}
            onChange={(value) => setDays(Number(value))}
            options={PERIODS.map((value) => ({ value, label: t('menus.stats.days', { n: value }) }))}
          />
        </Space>
      }
    >
      <div className="zg-channel-chart-head">
        <span className="zg-chart-legend">
          {legend.map((s) => (
            <span key={s.key}>
              <i style={{ background: s.color }} />
              {s.label}
            </span>
          ))}
        </span>
        <span className="zg-muted">{t('channels.chartTotals', { scans: formatNumber(totals[0], language), follows: formatNumber(totals[1], language) })}</span>
      </div>
      <BarChart points={points} series={legend} height={200} testId="channels-chart" />
    </Card>
  );
}
