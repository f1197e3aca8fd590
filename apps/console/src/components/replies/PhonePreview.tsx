import type { ReactNode } from 'react';
import { AudioOutlined, EllipsisOutlined, EnvironmentFilled, LeftOutlined, LinkOutlined, PictureOutlined, PlusCircleOutlined, SmileOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FanMessage, PhoneItem } from './phone-items.ts';
import { ReplyBubble } from './ReplyBubble.tsx';
import { LoyaltyCardBubble } from './LoyaltyCardBubble.tsx';
import './phone.css';

interface PhonePreviewProps {
  /** The account's name in the title bar. */
  title: string;
  items: PhoneItem[];
  /** Shown in the chat area when there is nothing to show. */
  empty?: ReactNode;
  /** In place of the input bar (the custom menu's bar). */
  footer?: ReactNode;
  className?: string;
  testId?: string;
}

/** A small WeChat chat screen: how fans will see the account's replies. Text only through React; no HTML. */
export function PhonePreview({ title, items, empty, footer, className, testId }: PhonePreviewProps) {
  const { t } = useI18n();
  return (
    <div className={className ? `zg-phone ${className}` : 'zg-phone'} data-testid={testId}>
      <div className="zg-phone-status">
        <span>9:41</span>
        <span className="zg-phone-status-icons">
          <i />
          <i />
          <b />
        </span>
      </div>
      <div className="zg-phone-bar">
        <LeftOutlined />
        <strong>{title}</strong>
        <EllipsisOutlined />
      </div>
      <div className="zg-phone-chat">
        {items.length === 0 && empty && <div className="zg-phone-empty">{empty}</div>}
        {items.map((item, index) => (
          <PhoneLine key={index} item={item} glyph={title.slice(0, 1) || t('brand.glyph')} />
        ))}
      </div>
      {footer ?? (
        <div className="zg-phone-input">
          <AudioOutlined />
          <span className="zg-phone-input-box" />
          <SmileOutlined />
          <PlusCircleOutlined />
        </div>
      )}
    </div>
  );
}

function PhoneLine({ item, glyph }: { item: PhoneItem; glyph: string }) {
  switch (item.kind) {
    case 'event':
    case 'notice':
      return (
        <div className={`zg-phone-note${item.kind === 'notice' ? ' zg-phone-note--system' : ''}`}>
          <span>{item.text}</span>
        </div>
      );
    case 'fan':
      return (
        <div className="zg-phone-row zg-phone-row--fan">
          <FanBubble message={item.message} />
          <span className="zg-phone-avatar zg-phone-avatar--fan" aria-hidden />
        </div>
      );
    case 'reply':
      return (
        <div className="zg-phone-row">
          <span className="zg-phone-avatar" aria-hidden>
            {glyph}
          </span>
          <div className="zg-phone-stack">
            {item.caption && <small className="zg-phone-caption">{item.caption}</small>}
            <ReplyBubble reply={item.reply} />
          </div>
        </div>
      );
    case 'card':
      return (
        <div className="zg-phone-row">
          <span className="zg-phone-avatar" aria-hidden>
            {glyph}
          </span>
          <div className="zg-phone-stack">
            {item.caption && <small className="zg-phone-caption">{item.caption}</small>}
            <LoyaltyCardBubble card={item.card} templateId={item.templateId} />
          </div>
        </div>
      );
  }
}

function FanBubble({ message }: { message: FanMessage }) {
  const { t } = useI18n();
  switch (message.type) {
    case 'text':
      return <div className="zg-phone-bubble zg-phone-bubble--fan">{message.content}</div>;
    case 'location':
      return (
        <div className="zg-phone-card zg-phone-location">
          <div className="zg-phone-card-body">
            <strong>{message.label || t('message.type.location')}</strong>
            <p className="zg-mono">
              {message.latitude.toFixed(5)}, {message.longitude.toFixed(5)}
            </p>
          </div>
          <div className="zg-phone-map">
            <EnvironmentFilled />
          </div>
        </div>
      );
    case 'image':
      return (
        <div className="zg-phone-image zg-phone-image--fan">
          <PictureOutlined />
        </div>
      );
    case 'voice':
      return (
        <div className="zg-phone-bubble zg-phone-bubble--fan zg-phone-voice">
          <span className="zg-phone-voice-len">5″</span> <AudioOutlined />
        </div>
      );
    case 'video':
      return (
        <div className="zg-phone-image zg-phone-image--fan">
          <VideoCameraOutlined />
        </div>
      );
    case 'link':
      return (
        <div className="zg-phone-bubble zg-phone-bubble--fan">
          <LinkOutlined /> {t('message.type.link')}
        </div>
      );
  }
}
