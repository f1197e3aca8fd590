import { Image } from 'antd';
import { AudioOutlined, EnvironmentOutlined, FileOutlined, LinkOutlined, VideoCameraOutlined } from '@ant-design/icons';
import type { MessageView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The body of a message by type. Everything is rendered as text (React escapes it): links a fan sends
 * are shown, not made clickable, and no HTML from fans or operators is ever interpreted.
 */
export function MessageContent({ message }: { message: MessageView }) {
  const { t } = useI18n();
  const { media, content } = message;
  switch (message.msgType) {
    case 'text':
      return <div className="zg-bubble-text">{content}</div>;
    case 'image':
      return media?.url ? (
        <Image src={media.url} alt={t('message.type.image')} className="zg-bubble-image" width={200} preview={{ mask: t('message.preview') }} />
      ) : (
        <Placeholder icon={<FileOutlined />} text={content ?? t('message.type.image')} />
      );
    case 'location':
      return (
        <div className="zg-bubble-location">
          <EnvironmentOutlined className="zg-bubble-location-pin" />
          <div>
            <strong>{media?.label || content || t('message.type.location')}</strong>
            {media?.latitude !== undefined && media.longitude !== undefined && (
              <small className="zg-mono">
                {media.latitude.toFixed(5)}, {media.longitude.toFixed(5)}
              </small>
            )}
          </div>
        </div>
      );
    case 'voice':
      return <Placeholder icon={<AudioOutlined />} text={content || t('message.type.voice')} />;
    case 'video':
    case 'shortvideo':
      return <Placeholder icon={<VideoCameraOutlined />} text={content || t('message.type.video')} />;
    case 'link':
      return <Placeholder icon={<LinkOutlined />} text={[media?.title, content].filter(Boolean).join(' — ') || t('message.type.link')} />;
    default:
      return <div className="zg-bubble-text">{content ?? `[${message.msgType}]`}</div>;
  }
}

function Placeholder({ icon, text }: { icon: React.ReactNode; text: string }) {
  return (
    <div className="zg-bubble-media">
      {icon}
      <span>{text}</span>
    </div>
  );
}
