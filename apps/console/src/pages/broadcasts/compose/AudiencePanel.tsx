import { Alert, Spin, Tag } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import type { QuotaLedger } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { useErrorText } from '../../../hooks/use-error-text.ts';
import { modeText } from '../broadcast-labels.ts';
import type { EstimateState } from './use-audience-estimate.ts';

/** 预计送达: how many fans the target reaches now, how it will go out, and whom the fatigue cap leaves out. */
export function AudiencePanel({ state, quota }: { state: EstimateState; quota: QuotaLedger | undefined }) {
  const { t, language } = useI18n();
  const errorText = useErrorText();
  const { estimate, error, loading } = state;
  if (error !== undefined) return <Alert type="warning" showIcon title={errorText(error)} data-testid="broadcast-estimate-error" />;
  const usesQuota = estimate && (estimate.mode === 'all' || quota?.accountType === 'subscription');
  return (
    <div className="zg-audience" data-testid="broadcast-estimate">
      <div className="zg-audience-number">
        <TeamOutlined />
        <span>{t('broadcasts.estimate.title')}</span>
        {loading && <Spin size="small" />}
      </div>
      {estimate ? (
        <>
          <strong className="zg-audience-count" data-testid="broadcast-estimate-audience">
            {t('broadcasts.estimate.fans', { n: formatNumber(estimate.audience, language) })}
          </strong>
          <div className="zg-audience-meta">
            <Tag data-testid="broadcast-estimate-mode" data-mode={estimate.mode}>
              {modeText(estimate.mode, t)}
            </Tag>
            {usesQuota ? <Tag color="orange">{t('broadcasts.estimate.usesQuota')}</Tag> : <Tag color="green">{t('broadcasts.estimate.noQuota')}</Tag>}
          </div>
          {estimate.skipped > 0 && <p className="zg-muted" data-testid="broadcast-estimate-skipped">{t('broadcasts.estimate.skipped', { n: formatNumber(estimate.skipped, language) })}</p>}
          <p className="zg-field-help">{t(`broadcasts.estimate.help.${estimate.mode}`)}</p>
        </>
      ) : (
        !loading && <p className="zg-muted">{t('broadcasts.estimate.incomplete')}</p>
      )}
    </div>
  );
}
