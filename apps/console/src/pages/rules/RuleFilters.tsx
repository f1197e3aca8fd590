import { Input, Segmented } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { RuleTrigger } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { TRIGGERS } from './rule-labels.ts';

export type TriggerFilter = RuleTrigger | 'all';

interface RuleFiltersProps {
  trigger: TriggerFilter;
  onTrigger: (trigger: TriggerFilter) => void;
  query: string;
  onQuery: (query: string) => void;
  counts: Record<TriggerFilter, number>;
}

export function RuleFilters({ trigger, onTrigger, query, onQuery, counts }: RuleFiltersProps) {
  const { t } = useI18n();
  return (
    <div className="zg-rule-filters">
      <Segmented<TriggerFilter>
        value={trigger}
        onChange={onTrigger}
        options={(['all', ...TRIGGERS] as TriggerFilter[]).map((value) => ({
          value,
          label: (
            <span data-testid={`rules-filter-${value}`}>
              {value === 'all' ? t('common.all') : t(`rules.trigger.${value}`)} <span className="zg-rule-filter-count">{counts[value]}</span>
            </span>
          ),
        }))}
      />
      <Input
        allowClear
        prefix={<SearchOutlined className="zg-muted-icon" />}
        placeholder={t('rules.search')}
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        className="zg-rule-search"
        data-testid="rules-search"
      />
    </div>
  );
}
