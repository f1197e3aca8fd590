import { Button, Tooltip } from 'antd';
import { ArrowLeftOutlined, CheckCircleOutlined, IdcardOutlined, RedoOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import type { ConversationView, UpdateConversationInput } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { WindowBadge } from './WindowBadge.tsx';
import { AssignSelect } from './AssignSelect.tsx';

interface ChatHeaderProps {
  accountId: number;
  conversation: ConversationView;
  canReply: boolean;
  onUpdate: (input: UpdateConversationInput) => void;
  onBack: () => void;
  onShowFan: (() => void) | null;
}

export function ChatHeader({ accountId, conversation: c, canReply, onUpdate, onBack, onShowFan }: ChatHeaderProps) {
  const { t } = useI18n();
  return (
    <header className="zg-chat-head">
      <Button type="text" className="zg-chat-back" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label={t('common.back')} />
      <div className="zg-chat-title">
        <div className="zg-chat-name">
          <strong data-testid="chat-name">{c.displayName}</strong>
          {!c.subscribed && <span className="zg-chip">{t('inbox.unsubscribed')}</span>}
          {c.status === 'closed' && <span className="zg-chip">{t('inbox.closed')}</span>}
        </div>
        <WindowBadge window={c.window} />
      </div>
      <div className="zg-chat-actions">
        <Tooltip title={c.starred ? t('inbox.unstar') : t('inbox.star')}>
          <Button
            type="text"
            disabled={!canReply}
            icon={c.starred ? <StarFilled className="zg-conv-star" /> : <StarOutlined />}
            onClick={() => onUpdate({ starred: !c.starred })}
            data-testid="chat-star"
            aria-pressed={c.starred}
          />
        </Tooltip>
        <AssignSelect accountId={accountId} conversation={c} disabled={!canReply} onAssign={(assigneeId) => onUpdate({ assigneeId })} />
        {c.status === 'open' ? (
          <Button size="small" icon={<CheckCircleOutlined />} disabled={!canReply} onClick={() => onUpdate({ status: 'closed' })} data-testid="chat-close">
            {t('inbox.close')}
          </Button>
        ) : (
          <Button size="small" icon={<RedoOutlined />} disabled={!canReply} onClick={() => onUpdate({ status: 'open' })} data-testid="chat-reopen">
            {t('inbox.reopen')}
          </Button>
        )}
        {onShowFan && (
          <Tooltip title={t('inbox.fanInfo')}>
            <Button type="text" icon={<IdcardOutlined />} onClick={onShowFan} data-testid="chat-fan-info" />
          </Tooltip>
        )}
      </div>
    </header>
  );
}
