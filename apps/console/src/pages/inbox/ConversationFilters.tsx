import { Input, Segmented, Select, Tag } from 'antd';
import { SearchOutlined, StarOutlined } from '@ant-design/icons';
import type { ConversationQuery } from '../../api/inbox.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useStreamConnected } from '../../live/inbox-stream.tsx';

interface ConversationFiltersProps {
  query: ConversationQuery;
  onQuery: (query: ConversationQuery) => void;
  search: string;
  onSearch: (search: string) => void;
}

export function ConversationFilters({ query, onQuery, search, onSearch }: ConversationFiltersProps) {
  const { t } = useI18n();
  const connected = useStreamConnected();
  const set = (patch: Partial<ConversationQuery>) => onQuery({ ...query, ...patch });
  return (
    <div className="zg-conv-filters">
      <div className="zg-conv-filters-head">
        <h2>{t('nav.inbox')}</h2>
        <span className={`zg-live${connected ? ' zg-live--on' : ''}`} data-testid="inbox-live">
          <i />
          {connected ? t('inbox.live') : t('inbox.reconnecting')}
        </span>
      </div>
      <Input
        allowClear
        prefix={<SearchOutlined className="zg-muted-icon" />}
        placeholder={t('inbox.searchPlaceholder')}
        value={search}
        onChange={(event) => onSearch(event.target.value)}
        data-testid="inbox-search"
      />
      {!search && (
        <>
          <Segmented<ConversationQuery['status']>
            block
            size="small"
            value={query.status}
            onChange={(status) => set({ status })}
            options={[
              { value: 'open', label: t('inbox.filter.open') },
              { value: 'closed', label: t('inbox.filter.closed') },
              { value: 'all', label: t('common.all') },
            ]}
            data-testid="inbox-status-filter"
          />
          <div className="zg-conv-filters-row">
            <Select<ConversationQuery['assignee']>
              size="small"
              value={query.assignee}
              onChange={(assignee) => set({ assignee })}
              popupMatchSelectWidth={false}
              options={[
                { value: 'all', label: t('inbox.filter.everyone') },
                { value: 'me', label: t('inbox.filter.mine') },
                { value: 'unassigned', label: t('inbox.filter.unassigned') },
              ]}
              data-testid="inbox-assignee-filter"
            />
            <Tag.CheckableTag checked={query.starred} onChange={(starred) => set({ starred })} data-testid="inbox-starred-filter">
              <StarOutlined /> {t('inbox.starred')}
            </Tag.CheckableTag>
            <Tag.CheckableTag checked={query.unanswered} onChange={(unanswered) => set({ unanswered })} data-testid="inbox-unanswered-filter">
              {t('inbox.unanswered')}
            </Tag.CheckableTag>
          </div>
        </>
      )}
    </div>
  );
}
