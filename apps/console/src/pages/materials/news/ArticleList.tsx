import { Button, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PictureOutlined, PlusOutlined, WarningFilled } from '@ant-design/icons';
import { NEWS_LIMITS } from '@zhanggui/shared';
import { materialsApi } from '../../../api/materials.api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAccount } from '../../../session/account-context.tsx';
import type { ArticleDraft } from './news-form.ts';

interface ArticleListProps {
  articles: ArticleDraft[];
  selected: number;
  /** Indexes of articles with something to fix. */
  flagged: Set<number>;
  editable: boolean;
  onSelect: (index: number) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onMove: (from: number, to: number) => void;
}

/** The articles as WeChat stacks them: the headline with its cover, then the others; add, remove, reorder. */
export function ArticleList({ articles, selected, flagged, editable, onSelect, onAdd, onRemove, onMove }: ArticleListProps) {
  const { t } = useI18n();
  const { account } = useAccount();
  return (
    <div className="zg-article-list" data-testid="news-articles">
      {articles.map((article, index) => (
        <div
          key={article.key}
          className={`zg-article-item${index === 0 ? ' zg-article-item--head' : ''}${index === selected ? ' zg-article-item--open' : ''}`}
          onClick={() => onSelect(index)}
          role="button"
          tabIndex={0}
          onKeyDown={(event) => event.key === 'Enter' && onSelect(index)}
          data-testid={`news-article-${index}`}
        >
          <span className="zg-article-thumb">
            {article.coverMaterialId ? <img src={materialsApi.fileUrl(account.id, article.coverMaterialId)} alt="" /> : <PictureOutlined />}
          </span>
          <span className="zg-article-title">
            {flagged.has(index) && <WarningFilled className="zg-article-flag" />}
            {article.title.trim() || <span className="zg-muted">{t('news.untitled')}</span>}
          </span>
          {editable && (
            <span className="zg-article-tools" onClick={(event) => event.stopPropagation()}>
              <Tooltip title={t('news.moveUp')}>
                <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(index, index - 1)} data-testid={`news-article-up-${index}`} />
              </Tooltip>
              <Tooltip title={t('news.moveDown')}>
                <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === articles.length - 1} onClick={() => onMove(index, index + 1)} />
              </Tooltip>
              <Tooltip title={t('news.removeArticle')}>
                <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={articles.length === 1} onClick={() => onRemove(index)} data-testid={`news-article-remove-${index}`} />
              </Tooltip>
            </span>
          )}
        </div>
      ))}
      {editable && (
        <Button block type="dashed" icon={<PlusOutlined />} disabled={articles.length >= NEWS_LIMITS.articles} onClick={onAdd} data-testid="news-article-add">
          {t('news.addArticle', { n: articles.length, max: NEWS_LIMITS.articles })}
        </Button>
      )}
    </div>
  );
}
