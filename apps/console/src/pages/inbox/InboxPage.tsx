import { useCallback, useState } from 'react';
import { Drawer, Empty, Grid } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import type { ConversationQuery } from '../../api/inbox.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from '../../session/account-context.tsx';
import { useSignedInSession } from '../../session/session.tsx';
import { useConversationList } from './use-conversation-list.ts';
import { ConversationColumn } from './ConversationColumn.tsx';
import { ChatPane } from './ChatPane.tsx';
import { InboxFanPanel } from './InboxFanPanel.tsx';
import './inbox.css';

const QUERY_KEY = 'zhanggui.inboxQuery';
const DEFAULT_QUERY: ConversationQuery = { status: 'open', assignee: 'all', starred: false, unanswered: false };

function savedQuery(): ConversationQuery {
  try {
    return { ...DEFAULT_QUERY, ...(JSON.parse(sessionStorage.getItem(QUERY_KEY) ?? '{}') as Partial<ConversationQuery>) };
  } catch {
    return DEFAULT_QUERY;
  }
}

/** 实时消息: conversations, the open chat, and the fan — three panes that collapse on small screens. */
export function InboxPage() {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const { operator } = useSignedInSession();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const fanParam = useParams().fanId;
  const fanId = fanParam && /^\d+$/.test(fanParam) ? Number(fanParam) : null;
  const [query, setQueryState] = useState(savedQuery);
  const [search, setSearch] = useState('');
  const [fanDrawer, setFanDrawer] = useState(false);
  const list = useConversationList(account.id, query, operator.id);
  const wide = screens.xl === true;

  const setQuery = (next: ConversationQuery) => {
    sessionStorage.setItem(QUERY_KEY, JSON.stringify(next));
    setQueryState(next);
  };
  const open = useCallback((id: number) => navigate(`/accounts/${account.id}/inbox/${id}`), [navigate, account.id]);

  return (
    <div className={`zg-inbox${fanId ? ' zg-inbox--open' : ''}`} data-testid="inbox-page">
      <ConversationColumn
        accountId={account.id}
        list={list}
        query={query}
        onQuery={setQuery}
        search={search}
        onSearch={setSearch}
        activeFanId={fanId}
        onOpen={open}
      />
      {fanId === null ? (
        <section className="zg-chat zg-chat--empty">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.pickConversation')} />
        </section>
      ) : (
        <ChatPane
          key={fanId}
          accountId={account.id}
          fanId={fanId}
          canReply={can('inbox.reply')}
          onConversation={list.upsert}
          onBack={() => navigate(`/accounts/${account.id}/inbox`)}
          onShowFan={wide ? null : () => setFanDrawer(true)}
        />
      )}
      {fanId !== null && wide && (
        <aside className="zg-inbox-fan" data-testid="fan-panel">
          <InboxFanPanel key={fanId} fanId={fanId} />
        </aside>
      )}
      {fanId !== null && !wide && (
        <Drawer open={fanDrawer} onClose={() => setFanDrawer(false)} title={t('inbox.fanInfo')} size={340}>
          <InboxFanPanel key={fanId} fanId={fanId} />
        </Drawer>
      )}
    </div>
  );
}
