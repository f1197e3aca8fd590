import { Avatar, Badge } from 'antd';
import { StarFilled, UserOutlined } from '@ant-design/icons';
import type { ConversationView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatShortTime } from '../../i18n/format.ts';
import { avatarColor, initials } from '../../components/avatar.ts';
import { Highlight } from '../../components/Highlight.tsx';

interface ConversationItemProps {
  conversation: ConversationView;
  active: boolean;
  onOpen: (fanId: number) => void;
  /** Shown instead of the last message (search hits), with `query` marked. */
  snippet?: string;
  query?: string;
}

export function ConversationItem({ conversation: c, active, onOpen, snippet, query }: ConversationItemProps) {
  const { t } = useI18n();
  const preview = snippet ?? (c.lastMessage ? `${c.lastMessage.direction === 'out' ? t('inbox.youPrefix') : ''}${c.lastMessage.preview}` : t('inbox.noMessages'));
  const at = c.lastMessage?.at ?? c.lastInboundAt;
  return (
    <button
      type="button"
      className={`zg-conv${active ? ' zg-conv--active' : ''}${c.unreadCount > 0 ? ' zg-conv--unread' : ''}`}
      onClick={() => onOpen(c.fanId)}
      data-testid={`conversation-${c.fanId}`}
      aria-current={active ? 'true' : undefined}
    >
      <Badge count={c.unreadCount} size="small" offset={[-2, 2]}>
        <Avatar size={40} className={c.subscribed ? undefined : 'zg-avatar-gone'} style={{ background: avatarColor(c.openid) }}>
          {initials(c.displayName)}
        </Avatar>
      </Badge>
      <span className="zg-conv-body">
        <span className="zg-conv-row">
          <span className="zg-conv-name">{c.displayName}</span>
          {c.starred && <StarFilled className="zg-conv-star" aria-label={t('inbox.starred')} />}
          <span className="zg-conv-time">{at ? formatShortTime(at) : ''}</span>
        </span>
        <span className="zg-conv-preview">{snippet !== undefined && query ? <Highlight text={snippet} query={query} /> : preview}</span>
        <span className="zg-conv-meta">
          {c.unanswered && c.status === 'open' && <span className="zg-chip zg-chip--warn">{t('inbox.unanswered')}</span>}
          {c.status === 'closed' && <span className="zg-chip">{t('inbox.closed')}</span>}
          {!c.subscribed && <span className="zg-chip">{t('inbox.unsubscribed')}</span>}
          {c.assignee && (
            <span className="zg-chip zg-chip--plain">
              <UserOutlined /> {c.assignee.displayName}
            </span>
          )}
        </span>
      </span>
    </button>
  );
}
