import { Checkbox, Form, Input, Space, Switch } from 'antd';
import { NEWS_LIMITS } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Materials } from '../use-materials.ts';
import type { ArticleDraft, ArticleField, ArticleProblems } from './news-form.ts';
import { CoverField } from './CoverField.tsx';
import { RichBody } from './RichBody.tsx';

interface ArticleFormProps {
  article: ArticleDraft;
  /** The headline's digest shows in the card; later articles show only their titles. */
  index: number;
  problems: ArticleProblems;
  materials: Materials;
  editable: boolean;
  onChange: (patch: Partial<ArticleDraft>) => void;
}

/** One article: title, author, digest (WeChat's limits counted as the operator types), cover, body, links. */
export function ArticleForm({ article, index, problems, materials, editable, onChange }: ArticleFormProps) {
  const { t } = useI18n();
  const item = (field: ArticleField) => ({ validateStatus: problems[field] ? ('error' as const) : undefined, help: problems[field] });
  return (
    <Form layout="vertical" requiredMark={false} disabled={!editable} className="zg-article-form" data-testid="news-article-form">
      <Form.Item label={t('news.title')} {...item('title')}>
        <Input value={article.title} maxLength={NEWS_LIMITS.title} showCount onChange={(event) => onChange({ title: event.target.value })} placeholder={t('news.titlePlaceholder')} data-testid="news-title" />
      </Form.Item>
      <div className="zg-modal-grid">
        <Form.Item label={t('news.author')} {...item('author')}>
          <Input value={article.author} maxLength={NEWS_LIMITS.author} showCount onChange={(event) => onChange({ author: event.target.value })} data-testid="news-author" />
        </Form.Item>
        <Form.Item label={t('news.sourceUrl')} {...item('sourceUrl')} extra={problems.sourceUrl ? undefined : t('news.sourceUrlHelp')}>
          <Input value={article.sourceUrl} maxLength={NEWS_LIMITS.sourceUrl} onChange={(event) => onChange({ sourceUrl: event.target.value })} placeholder="https://" data-testid="news-source-url" />
        </Form.Item>
      </div>
      <Form.Item label={t('news.digest')} {...item('digest')} extra={problems.digest ? undefined : t(index === 0 ? 'news.digestHelp' : 'news.digestHelpLater')}>
        <Input.TextArea
          value={article.digest}
          maxLength={NEWS_LIMITS.digest}
          showCount
          autoSize={{ minRows: 2, maxRows: 4 }}
          onChange={(event) => onChange({ digest: event.target.value })}
          data-testid="news-digest"
        />
      </Form.Item>
      <Form.Item label={t('news.cover')} {...item('coverMaterialId')} extra={problems.coverMaterialId ? undefined : t('news.coverHelp')}>
        <CoverField value={article.coverMaterialId} onChange={(coverMaterialId) => onChange({ coverMaterialId })} materials={materials} editable={editable} />
      </Form.Item>
      <Form.Item label={t('news.body')} {...item('content')}>
        <RichBody key={article.key} initialHtml={article.content} html={article.content} editable={editable} invalid={Boolean(problems.content)} onChange={(content) => onChange({ content })} />
      </Form.Item>
      <Space size={24} wrap>
        <label className="zg-switch-label">
          <Switch size="small" checked={article.showCover} onChange={(showCover) => onChange({ showCover })} data-testid="news-show-cover" /> {t('news.showCover')}
        </label>
        <label className="zg-switch-label">
          <Switch size="small" checked={article.needOpenComment} onChange={(needOpenComment) => onChange({ needOpenComment })} /> {t('news.comments')}
        </label>
        {article.needOpenComment && (
          <Checkbox checked={article.onlyFansCanComment} onChange={(event) => onChange({ onlyFansCanComment: event.target.checked })}>
            {t('news.fansOnlyComments')}
          </Checkbox>
        )}
      </Space>
    </Form>
  );
}
