import { Button, Card, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { CloudUploadOutlined, DeleteOutlined, EditOutlined, EyeOutlined, PictureOutlined, SendOutlined } from '@ant-design/icons';
import type { NewsDraftView, NewsPublishStatus } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatShortTime } from '../../../i18n/format.ts';
import { buttonTestId } from '../../../components/test-id.ts';

const STATUS_COLOURS: Record<NewsPublishStatus, string> = {
  publishing: 'processing',
  published: 'success',
  original_check_failed: 'error',
  failed: 'error',
  rejected: 'error',
  deleted: 'default',
  banned: 'error',
};

interface NewsCardProps {
  news: NewsDraftView;
  busy: boolean;
  onOpen: () => void;
  onPublish?: () => void;
  onPreview?: () => void;
  onDelete?: () => void;
}

/** A news draft as WeChat lists it: the headline over its cover, the other titles, and where publishing stands. */
export function NewsCard({ news, busy, onOpen, onPublish, onPreview, onDelete }: NewsCardProps) {
  const { t } = useI18n();
  const [head, ...rest] = news.articles;
  const publishing = news.publishStatus === 'publishing';
  const actions = [
    <Button key="open" type="text" size="small" icon={onDelete ? <EditOutlined /> : <EyeOutlined />} onClick={onOpen} data-testid={`news-open-${news.id}`}>
      {onDelete ? t('common.edit') : t('common.view')}
    </Button>,
    onPublish && (
      <Popconfirm key="publish" title={t('news.publishConfirm')} description={t('news.publishConfirmBody')} okText={t('news.publish')} okButtonProps={buttonTestId(`news-publish-confirm-${news.id}`)} cancelText={t('common.cancel')} onConfirm={onPublish}>
        <Button type="text" size="small" icon={<CloudUploadOutlined />} loading={busy || publishing} disabled={!news.wechatMediaId} data-testid={`news-publish-${news.id}`}>
          {t('news.publish')}
        </Button>
      </Popconfirm>
    ),
    onPreview && (
      <Tooltip key="preview" title={t('preview.send.help')}>
        <Button type="text" size="small" icon={<SendOutlined />} onClick={onPreview} data-testid={`news-preview-${news.id}`}>
          {t('preview.send')}
        </Button>
      </Tooltip>
    ),
    onDelete && (
      <Popconfirm key="delete" title={t('news.deleteConfirm')} okText={t('common.delete')} okButtonProps={{ danger: true, ...buttonTestId(`news-delete-confirm-${news.id}`) }} cancelText={t('common.cancel')} onConfirm={onDelete}>
        <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={publishing} data-testid={`news-delete-${news.id}`} />
      </Popconfirm>
    ),
  ].filter(Boolean);

  return (
    <Card size="small" className="zg-news-card" actions={actions} data-testid={`news-card-${news.id}`}>
      <div className="zg-news-head" onClick={onOpen} role="button" tabIndex={0} onKeyDown={(event) => event.key === 'Enter' && onOpen()}>
        {head?.coverUrl ? <img src={head.coverUrl} alt="" /> : <span className="zg-news-head-empty"><PictureOutlined /></span>}
        <strong>{head?.title}</strong>
      </div>
      {rest.map((article, index) => (
        <div key={index} className="zg-news-line">
          <span>{article.title}</span>
          <img src={article.coverUrl} alt="" />
        </div>
      ))}
      <div className="zg-news-meta">
        <Tag color={news.publishStatus ? STATUS_COLOURS[news.publishStatus] : 'default'} data-testid={`news-status-${news.id}`}>
          {t(news.publishStatus ? `news.status.${news.publishStatus}` : 'news.status.draft')}
        </Tag>
        <span className="zg-muted zg-small">{formatShortTime(news.updatedAt)}</span>
      </div>
      {news.articleId && (
        <div className="zg-news-article-id">
          <span className="zg-muted zg-small">{t('news.articleId')}</span>
          <Typography.Text copyable className="zg-mono" data-testid={`news-article-id-${news.id}`}>
            {news.articleId}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
