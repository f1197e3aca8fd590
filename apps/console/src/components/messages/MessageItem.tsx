import { ExclamationCircleFilled, RobotOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { MessageView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { MessageContent } from './MessageContent.tsx';
import { eventText, isEvent, sourceLabel } from './message-text.ts';

/** One timeline entry: a fan's message (left), ours (right), or an event as a centred notice. */
export function MessageItem({ message }: { message: MessageView }) {
  const { t } = useI18n();
  const time = dayjs(message.at).format('HH:mm');
  const auto = message.autoReply;

  if (isEvent(message)) {
    return (
      <div className="zg-msg-event" data-testid={`message-${message.id}`}>
        <span>
          {eventText(message, t)} · {time}
        </span>
        {auto && <AutoReply text={auto.text} source={message.source} />}
      </div>
    );
  }

  if (message.direction === 'in') {
    return (
      <>
        <div className="zg-msg zg-msg--in" data-testid={`message-${message.id}`}>
          <div className="zg-msg-caption">{time}</div>
          <div className="zg-bubble">
            <MessageContent message={message} />
          </div>
        </div>
        {auto && <AutoReply text={auto.text} source={message.source} />}
      </>
    );
  }

  const automatic = sourceLabel(message.source, t);
  return (
    <div className="zg-msg zg-msg--out" data-testid={`message-${message.id}`} data-status={message.status}>
      <div className="zg-msg-caption">
        {automatic ? (
          <span className="zg-auto-tag">
            <RobotOutlined /> {t('message.autoReply')} · {automatic}
          </span>
        ) : (
          message.operator?.displayName
        )}{' '}
        {time}
      </div>
      <div className={`zg-bubble zg-bubble--out${message.status === 'failed' ? ' zg-bubble--failed' : ''}`}>
        <MessageContent message={message} />
      </div>
      {message.status === 'failed' && (
        <div className="zg-msg-error">
          <ExclamationCircleFilled /> {message.error?.message ?? t('message.failed')}
        </div>
      )}
    </div>
  );
}

/** The passive reply we answered a message or event with, inline on our side and marked 自动回复. */
function AutoReply({ text, source }: { text: string; source: string | null }) {
  const { t } = useI18n();
  const label = sourceLabel(source, t);
  return (
    <div className="zg-msg zg-msg--out zg-msg--auto" data-testid="auto-reply">
      <div className="zg-msg-caption">
        <span className="zg-auto-tag">
          <RobotOutlined /> {t('message.autoReply')}
          {label ? ` · ${label}` : ''}
        </span>
      </div>
      <div className="zg-bubble zg-bubble--auto">
        <div className="zg-bubble-text">{text}</div>
      </div>
    </div>
  );
}
