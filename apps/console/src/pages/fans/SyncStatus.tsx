import { Button, Dropdown, Progress, Space, Tooltip } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, DownOutlined, SyncOutlined } from '@ant-design/icons';
import type { JobView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime, formatNumber, formatRelative } from '../../i18n/format.ts';
import { isActive } from './use-fan-sync.ts';

interface SyncButtonProps {
  job: JobView | null;
  starting: boolean;
  onStart: (mode: 'full' | 'incremental') => void;
}

/** "Sync from WeChat": a full sync by default, an incremental one from the menu. */
export function SyncButton({ job, starting, onStart }: SyncButtonProps) {
  const { t } = useI18n();
  const busy = starting || isActive(job);
  return (
    <Space.Compact>
      <Button icon={<SyncOutlined spin={busy} />} disabled={busy} onClick={() => onStart('full')} data-testid="fans-sync">
        {t('fans.sync.button')}
      </Button>
      <Dropdown
        disabled={busy}
        trigger={['click']}
        menu={{ items: [{ key: 'incremental', label: t('fans.sync.incremental'), onClick: () => onStart('incremental') }] }}
      >
        <Button icon={<DownOutlined />} aria-label={t('fans.sync.more')} />
      </Dropdown>
    </Space.Compact>
  );
}

/** The last sync: progress while it runs, else when it ended and how. */
export function SyncProgress({ job, onCancel }: { job: JobView | null; onCancel: (() => void) | null }) {
  const { t, language } = useI18n();
  if (!job) return null;
  const { done, total, message } = job.progress;
  if (isActive(job)) {
    const percent = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
    return (
      <div className="zg-sync" data-testid="fans-sync-progress" data-state={job.state}>
        <div className="zg-sync-line">
          <SyncOutlined spin /> {job.state === 'queued' ? t('fans.sync.queued') : t('fans.sync.running')}
          <span className="zg-sync-count">
            {total ? t('fans.sync.progress', { done: formatNumber(done, language), total: formatNumber(total, language) }) : formatNumber(done, language)}
          </span>
          {message && <span className="zg-muted">{message}</span>}
          {onCancel && (
            <Button type="link" size="small" className="zg-sync-cancel" onClick={onCancel} data-testid="fans-sync-cancel">
              {t('fans.sync.cancel')}
            </Button>
          )}
        </div>
        <Progress percent={percent} status="active" size="small" showInfo={false} />
      </div>
    );
  }
  const at = job.finishedAt ?? job.createdAt;
  return (
    <div className="zg-sync zg-sync--done" data-testid="fans-sync-progress" data-state={job.state}>
      {job.state === 'succeeded' ? <CheckCircleFilled className="zg-ok-icon" /> : <CloseCircleFilled className={job.state === 'cancelled' ? 'zg-muted' : 'zg-fail-icon'} />}
      <Tooltip title={formatDateTime(at)}>
        <span>
          {job.state === 'succeeded'
            ? t('fans.sync.succeeded', { when: formatRelative(at), n: formatNumber(done, language) })
            : job.state === 'cancelled'
              ? t('fans.sync.cancelled', { when: formatRelative(at) })
              : t('fans.sync.failed', { when: formatRelative(at) })}
        </span>
      </Tooltip>
      {job.error && <span className="zg-sync-error">{job.error.message}</span>}
    </div>
  );
}
