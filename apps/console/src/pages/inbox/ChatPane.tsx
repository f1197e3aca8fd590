import { Alert, Skeleton } from 'antd';
import type { ConversationView, UpdateConversationInput } from '@zhanggui/shared';
import { useErrorText, useNotifyError } from '../../hooks/use-error-text.ts';
import { MessageTimeline } from '../../components/messages/MessageTimeline.tsx';
import { useChat } from './use-chat.ts';
import { ChatHeader } from './ChatHeader.tsx';
import { Composer } from './Composer.tsx';

interface ChatPaneProps {
  accountId: number;
  fanId: number;
  canReply: boolean;
  onConversation: (conversation: ConversationView) => void;
  onBack: () => void;
  onShowFan: (() => void) | null;
}

export function ChatPane({ accountId, fanId, canReply, onConversation, onBack, onShowFan }: ChatPaneProps) {
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const chat = useChat(accountId, fanId, canReply, onConversation);

  if (chat.error !== undefined && !chat.conversation) {
    return (
      <section className="zg-chat">
        <Alert type="error" showIcon title={errorText(chat.error)} className="zg-chat-error" />
      </section>
    );
  }
  if (!chat.conversation) {
    return (
      <section className="zg-chat zg-chat--loading">
        <Skeleton active avatar paragraph={{ rows: 6 }} />
      </section>
    );
  }

  const update = (input: UpdateConversationInput) => void chat.update(input).catch(notifyError);
  const loadEarlier = () => void chat.loadEarlier().catch(notifyError);

  return (
    <section className="zg-chat" data-testid="chat">
      <ChatHeader accountId={accountId} conversation={chat.conversation} canReply={canReply} onUpdate={update} onBack={onBack} onShowFan={onShowFan} />
      <MessageTimeline
        messages={chat.messages}
        hasEarlier={chat.hasEarlier}
        loadingEarlier={chat.loadingEarlier}
        onLoadEarlier={loadEarlier}
        testId="chat-timeline"
      />
      <Composer
        key={fanId}
        fanId={fanId}
        accountId={accountId}
        window={chat.conversation.window}
        canReply={canReply}
        onSendText={chat.sendText}
        onSendImage={chat.sendImage}
      />
    </section>
  );
}
