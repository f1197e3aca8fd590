import { Alert, Descriptions, Drawer, Tag } from 'antd';
import type { BroadcastView, QrChannelView, TagView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { modeText, STATUS_COLOURS, targetText } from './broadcast-labels.ts';
import { BroadcastProgress, filteredOut } from './BroadcastProgress.tsx';

interface BroadcastDrawerProps {
  broadcast: BroadcastView | null;
  tags: TagView[];
  channels: QrChannelView[];
  onClose: () => void;
}

/** 群发报告: who it was for, who the fatigue cap left out, batches, WeChat's totals, times, and any error. */
export function BroadcastDrawer({ broadcast, tags, channels, onClose }: BroadcastDrawerProps) {
  const { t, language } = useI18n();
  const count = (n: number | null) => (n === null ? '—' : formatNumber(n, language));
  return (
    <Drawer open={broadcast !== null} onClose={onClose} title={broadcast?.title} size={560} destroyOnHidden data-testid="broadcast-drawer">
      {broadcast && (
        <>
          {broadcast.error && <Alert type="error" showIcon title={t('broadcasts.report.error')} description={broadcast.error} className="zg-page-alert" data-testid="broadcast-error" />}
          <Descriptions column={1} size="small" bordered data-testid="broadcast-report">
            <Descriptions.Item label={t('broadcasts.col.status')}>
              <Tag color={STATUS_COLOURS[broadcast.status]}>{t(`broadcasts.status.${broadcast.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('broadcasts.report.message')}>{t(`broadcasts.message.${broadcast.message.type}`)}</Descriptions.Item>
            {broadcast.message.type === 'text' && (
              <Descriptions.Item label={t('broadcasts.report.text')}>
                <span className="zg-pre-line">{broadcast.message.content}</span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('broadcasts.col.target')}>{targetText(broadcast.target, t, tags, channels)}</Descriptions.Item>
            <Descriptions.Item label={t('broadcasts.report.mode')}>{modeText(broadcast.mode, t)}</Descriptions.Item>
            <Descriptions.Item label={t('broadcasts.col.audience')}>{count(broadcast.audience)}</Descriptions.Item>
            <Descriptions.Item label={t('broadcasts.report.skipped')}>
              {count(broadcast.skipped)}
              {broadcast.options.monthlyCap ? <span className="zg-muted"> · {t('broadcasts.report.cap', { n: broadcast.options.monthlyCap })}</span> : null}
            </Descriptions.Item>
            {broadcast.options.quietHours && (
              <Descriptions.Item label={t('broadcasts.quiet')}>
                {broadcast.options.quietHours.start} – {broadcast.options.quietHours.end}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('broadcasts.col.batches')}>
              <BroadcastProgress broadcast={broadcast} />
            </Descriptions.Item>
            <Descriptions.Item label={t('broadcasts.report.wechatTotal')}>{count(broadcast.results.total)}</Descriptions.Item>
            <Descriptions.Item label={t('broadcasts.results.filtered')}>{count(filteredOut(broadcast.results))}</Descriptions.Item>
            <Descriptions.Item label={t('broadcasts.results.afterFilter')}>{count(broadcast.results.filtered)}</Descriptions.Item>
            <Descriptions.Item label={t('broadcasts.results.sent')}>
              <span data-testid="broadcast-report-sent">{count(broadcast.results.sent)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('broadcasts.results.errors')}>{count(broadcast.results.errors)}</Descriptions.Item>
            <Descriptions.Item label={t('broadcasts.report.reported')}>{t('broadcasts.report.reportedValue', { reported: broadcast.results.reported, total: broadcast.batches.total })}</Descriptions.Item>
            <Descriptions.Item label={t('broadcasts.report.created')}>{formatDateTime(broadcast.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('broadcasts.report.scheduled')}>{broadcast.scheduledAt ? formatDateTime(broadcast.scheduledAt) : t('broadcasts.asap')}</Descriptions.Item>
            <Descriptions.Item label={t('broadcasts.report.started')}>{formatDateTime(broadcast.startedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('broadcasts.report.finished')}>{formatDateTime(broadcast.finishedAt)}</Descriptions.Item>
          </Descriptions>
          <p className="zg-field-help">{t('broadcasts.report.help')}</p>
        </>
      )}
    </Drawer>
  );
}
