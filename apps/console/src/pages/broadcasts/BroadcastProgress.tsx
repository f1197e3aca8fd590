import { Progress } from 'antd';
import type { BroadcastView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../i18n/format.ts';

/** Batches done while sending (a bar), afterwards how many went out. */
export function BroadcastProgress({ broadcast }: { broadcast: BroadcastView }) {
  const { t } = useI18n();
  const { total, sent, failed } = broadcast.batches;
  if (broadcast.status === 'sending') {
    const percent = total ? Math.round(((sent + failed) / total) * 100) : 0;
    return (
      <div className="zg-broadcast-progress" data-testid={`broadcast-progress-${broadcast.id}`}>
        <Progress percent={percent} size="small" status="active" />
        <small className="zg-muted">{t('broadcasts.batches', { done: sent + failed, total })}</small>
      </div>
    );
  }
  if (!total) return <span className="zg-muted">—</span>;
  return (
    <span className={failed ? 'zg-broadcast-failed' : undefined}>
      {t('broadcasts.batches', { done: sent, total })}
      {failed > 0 && ` · ${t('broadcasts.batchesFailed', { n: failed })}`}
    </span>
  );
}

/**
 * WeChat's fans filtered out (per-fan monthly limit, fans who refuse broadcasts): its FilterCount is the
 * number left *after* filtering, so the filtered-out number is TotalCount − FilterCount.
 */
export function filteredOut(results: BroadcastView['results']): number {
  return Math.max(0, results.total - results.filtered);
}

/** WeChat's totals from its job reports: delivered, filtered out, errors. */
export function BroadcastResults({ broadcast }: { broadcast: BroadcastView }) {
  const { t, language } = useI18n();
  const { results, batches, status } = broadcast;
  const count = (n: number) => formatNumber(n, language);
  if (status !== 'sent' && status !== 'sending' && status !== 'failed') return <span className="zg-muted">—</span>;
  const waiting = results.reported < batches.sent;
  return (
    <div className="zg-broadcast-results">
      <span>
        {t('broadcasts.results.sent')} <strong data-testid={`broadcast-sent-${broadcast.id}`}>{count(results.sent)}</strong>
      </span>
      {filteredOut(results) > 0 && <small className="zg-muted">{t('broadcasts.results.filteredN', { n: count(filteredOut(results)) })}</small>}
      {results.errors > 0 && <small className="zg-broadcast-failed">{t('broadcasts.results.errorsN', { n: count(results.errors) })}</small>}
      {waiting && <small className="zg-muted">{t('broadcasts.results.waiting')}</small>}
    </div>
  );
}
