import { AudioOutlined, CustomerServiceOutlined, PictureOutlined, PlayCircleFilled } from '@ant-design/icons';
import type { MessageReply } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { safeHref } from './reply-text.ts';
import { ReplyText } from './ReplyText.tsx';

/** One message from the account, drawn the way WeChat shows it in a chat. */
export function ReplyBubble({ reply }: { reply: MessageReply }) {
  const { t } = useI18n();
  switch (reply.type) {
    case 'text':
      return (
        <div className="zg-phone-bubble" data-testid="phone-text">
          <ReplyText content={reply.content} />
        </div>
      );
    case 'image':
      return (
        <div className="zg-phone-image" title={reply.mediaId}>
          <PictureOutlined />
          <span>{t('reply.type.image')}</span>
          {reply.mediaId && <small className="zg-mono">{reply.mediaId}</small>}
        </div>
      );
    case 'voice':
      return (
        <div className="zg-phone-bubble zg-phone-voice">
          <AudioOutlined /> <span className="zg-phone-voice-len">7″</span>
        </div>
      );
    case 'video':
      return (
        <div className="zg-phone-card">
          <div className="zg-phone-video">
            <PlayCircleFilled />
          </div>
          <div className="zg-phone-card-body">
            <strong>{reply.title || t('reply.type.video')}</strong>
            {reply.description && <p>{reply.description}</p>}
          </div>
        </div>
      );
    case 'music':
      return (
        <div className="zg-phone-card zg-phone-music">
          <div className="zg-phone-card-row">
            <div className="zg-phone-card-body">
              <strong>{reply.title || t('reply.type.music')}</strong>
              {reply.description && <p>{reply.description}</p>}
            </div>
            <span className="zg-phone-music-icon">
              <CustomerServiceOutlined />
            </span>
          </div>
          <div className="zg-phone-card-foot">{t('reply.type.music')}</div>
        </div>
      );
    case 'news':
      return <NewsCard articles={reply.articles} />;
  }
}

/** Answering a fan's message, WeChat shows one article as a link card: title, digest, thumbnail. */
function NewsCard({ articles }: { articles: Extract<MessageReply, { type: 'news' }>['articles'] }) {
  const { t } = useI18n();
  const first = articles[0];
  if (!first) return null;
  const href = first.url ? safeHref(first.url) : null;
  const picture = first.picUrl ? safeHref(first.picUrl) : null;
  const body = (
    <>
      <strong className="zg-phone-news-title">{first.title || t('reply.news.untitled')}</strong>
      <div className="zg-phone-card-row">
        <p>{first.description}</p>
        {picture ? <img src={picture} alt="" className="zg-phone-news-thumb" referrerPolicy="no-referrer" /> : <span className="zg-phone-news-thumb zg-phone-news-thumb--empty"><PictureOutlined /></span>}
      </div>
    </>
  );
  return (
    <div className="zg-phone-card zg-phone-news" data-testid="phone-news">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {body}
        </a>
      ) : (
        body
      )}
      {articles.length > 1 && <div className="zg-phone-card-foot">{t('preview.moreArticles', { n: articles.length - 1 })}</div>}
    </div>
  );
}
