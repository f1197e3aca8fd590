import { Alert, Card, Progress, Skeleton, Tag } from 'antd';
import type { QuotaLedger } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';

interface QuotaCardProps {
  quota: QuotaLedger | undefined;
}

/** 群发次数: what WeChat allows this account (by type and verification), what is used and left, and why. */
export function QuotaCard({ quota }: QuotaCardProps) {
  const { t, language } = useI18n();
  if (!quota) {
    return (
      <Card variant="borderless" className="zg-quota-card">
        <Skeleton active paragraph={{ rows: 1 }} />
      </Card>
    );
  }
  const accountType = t(`broadcasts.quota.type.${quota.accountType}`);
  return (
    <Card variant="borderless" className="zg-quota-card" data-testid="broadcast-quota">
      <div className="zg-quota">
        <div className="zg-quota-kind">
          <strong>{accountType}</strong>
          <Tag color={quota.verified ? 'green' : 'default'}>{quota.verified ? t('broadcasts.quota.verified') : t('broadcasts.quota.unverified')}</Tag>
        </div>
        <QuotaMeter label={t('broadcasts.quota.daily')} period={quota.daily} testId="broadcast-quota-daily" />
        <QuotaMeter label={t('broadcasts.quota.monthly')} period={quota.monthly} testId="broadcast-quota-monthly" />
        {quota.perFanMonthly !== null && (
          <div className="zg-quota-meter">
            <span className="zg-muted">{t('broadcasts.quota.perFan')}</span>
            <strong data-testid="broadcast-quota-per-fan">{t('broadcasts.quota.perFanValue', { n: quota.perFanMonthly })}</strong>
          </div>
        )}
      </div>
      <p className="zg-quota-explanation" data-testid="broadcast-quota-explanation">
        {language === 'zh-CN' ? quota.explanation.zh : quota.explanation.en}
      </p>
      {!quota.allowed && <Alert type="warning" showIcon title={t('broadcasts.quota.notAllowed')} />}
    </Card>
  );
}

function QuotaMeter({ label, period, testId }: { label: string; period: QuotaLedger['daily']; testId: string }) {
  const { t } = useI18n();
  if (!period) return null;
  const exhausted = period.left <= 0;
  return (
    <div className="zg-quota-meter" data-testid={testId}>
      <span className="zg-muted">{label}</span>
      <strong className={exhausted ? 'zg-quota-out' : undefined}>{t('broadcasts.quota.left', { left: period.left, limit: period.limit })}</strong>
      <Progress percent={(period.used / Math.max(1, period.limit)) * 100} showInfo={false} size="small" status={exhausted ? 'exception' : 'normal'} />
      <small className="zg-muted">{t('broadcasts.quota.used', { used: period.used })}</small>
    </div>
  );
}
