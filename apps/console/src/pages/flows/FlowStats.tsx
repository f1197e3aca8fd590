import type { FlowView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatNumber } from '../../i18n/format.ts';

/** 进行中 3 · 已完成 12 · 提交 9 · 获奖 1 */
export function FlowStats({ stats }: { stats: FlowView['stats'] }) {
  const { t, language } = useI18n();
  const n = (value: number) => formatNumber(value, language);
  return (
    <span className="zg-flow-stats" data-testid="flow-stats">
      <span>{t('flows.stats.active', { n: n(stats.active) })}</span>
      <span>{t('flows.stats.completed', { n: n(stats.completed) })}</span>
      <span>{t('flows.stats.submissions', { n: n(stats.submissions) })}</span>
      <span>{t('flows.stats.winners', { n: n(stats.winners) })}</span>
    </span>
  );
}
