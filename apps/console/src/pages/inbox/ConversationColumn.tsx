import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ConversationQuery } from '../../api/inbox.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import type { ConversationList } from './use-conversation-list.ts';
import { useMessageSearch } from './use-message-search.ts';
import { ConversationFilters } from './ConversationFilters.tsx';
import { ConversationItem } from './ConversationItem.tsx';
import { excerpt } from '../../components/Highlight.tsx';

interface ConversationColumnProps {
  accountId: number;
  list: ConversationList;
  query: ConversationQuery;
  onQuery: (query: ConversationQuery) => void;
  search: string;
  onSearch: (search: string) => void;
  activeFanId: number | null;
  onOpen: (fanId: number) => void;
}

export function ConversationColumn({ accountId, list, query, onQuery, search, onSearch, activeFanId, onOpen }: ConversationColumnProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const results = useMessageSearch(accountId, search);
  const searching = search.trim().length > 0;
  const error = searching ? results.error : list.error;
  const loading = searching ? results.loading : list.loading;
  const count = searching ? results.hits.length : list.items.length;

  return (
    <section className="zg-inbox-list" data-testid="conversation-list">
      <ConversationFilters query={query} onQuery={onQuery} search={search} onSearch={onSearch} />
      <div className="zg-inbox-list-scroll">
        {error !== undefined && <Alert type="error" showIcon title={errorText(error)} className="zg-inbox-list-alert" />}
        {loading && count === 0 && (
          <div className="zg-inbox-list-skeleton">
            <Skeleton avatar active paragraph={{ rows: 1 }} />
            <Skeleton avatar active paragraph={{ rows: 1 }} />
            <Skeleton avatar active paragraph={{ rows: 1 }} />
          </div>
        )}
        {!loading && count === 0 && error === undefined && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={searching ? t('inbox.searchEmpty') : t('inbox.listEmpty')} />
        )}
        {searching
          ? results.hits.map((hit) => (
              <ConversationItem
                key={hit.message.id}
                conversation={hit.conversation}
                snippet={excerpt(hit.message.content ?? '', search)}
                query={search}
                active={hit.conversation.fanId === activeFanId}
                onOpen={onOpen}
              />
            ))
          : list.items.map((conversation) => (
              <ConversationItem key={conversation.fanId} conversation={conversation} active={conversation.fanId === activeFanId} onOpen={onOpen} />
            ))}
        {(searching ? results.hasMore : list.hasMore) && count > 0 && (
          <div className="zg-inbox-list-more">
            <Button type="link" loading={loading} onClick={searching ? results.loadMore : list.loadMore}>
              {t('common.loadMore')}
            </Button>
          </div>
        )}
      </div>
    </section>
  );
}
