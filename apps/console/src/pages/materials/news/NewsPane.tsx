import { useState } from 'react';
import { Alert, App, Button, Empty, Spin } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { NEWS_LIMITS, type NewsDraftView, type NewsInput } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAccount } from '../../../session/account-context.tsx';
import { useErrorText, useNotifyError } from '../../../hooks/use-error-text.ts';
import type { Materials } from '../use-materials.ts';
import type { PreviewRequest } from '../PreviewSendModal.tsx';
import { useNews } from './use-news.ts';
import { NewsCard } from './NewsCard.tsx';
import { NewsEditorDrawer } from './NewsEditorDrawer.tsx';
import './news.css';

interface NewsPaneProps {
  materials: Materials;
  /** Absent without broadcasts.send. */
  onPreview?: (request: PreviewRequest) => void;
}

/** 图文: the drafts (newest change first), the editor, publishing and previews. */
export function NewsPane({ materials, onPreview }: NewsPaneProps) {
  const { t } = useI18n();
  const { account, can } = useAccount();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const news = useNews(account.id);
  const [editing, setEditing] = useState<NewsDraftView | 'new' | null>(null);
  // A fresh editor for each opening; the old one stays mounted while the drawer slides away.
  const [editorKey, setEditorKey] = useState(0);
  const open = (news: NewsDraftView | 'new') => {
    setEditing(news);
    setEditorKey((n) => n + 1);
  };
  const [publishingId, setPublishingId] = useState<number | null>(null);
  const editable = can('materials.edit');

  const save = async (input: NewsInput) => {
    await news.save(editing === 'new' || editing === null ? null : editing.id, input);
    void message.success(t('news.saved'));
    setEditing(null);
    // A new cover cropped while editing changed the images' usage counts.
    materials.reload();
  };
  const publish = async (draft: NewsDraftView) => {
    setPublishingId(draft.id);
    try {
      await news.publish(draft.id);
      void message.success(t('news.publishStarted'));
    } catch (error) {
      notifyError(error);
    } finally {
      setPublishingId(null);
    }
  };
  const remove = (draft: NewsDraftView) =>
    void news
      .remove(draft.id)
      .then(() => {
        void message.success(t('news.deleted'));
        materials.reload();
      })
      .catch(notifyError);

  const drafts = news.data ?? [];
  return (
    <div className="zg-news-pane" data-testid="news-pane">
      <div className="zg-list-toolbar">
        <span className="zg-muted">{t('news.limits', { articles: NEWS_LIMITS.articles, title: NEWS_LIMITS.title, digest: NEWS_LIMITS.digest })}</span>
        {editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="news-create">
            {t('news.create')}
          </Button>
        )}
      </div>
      {news.error !== undefined && <Alert type="error" showIcon title={errorText(news.error)} className="zg-page-alert" />}
      {news.loading && !news.data ? (
        <div className="zg-page-spinner">
          <Spin />
        </div>
      ) : drafts.length === 0 ? (
        <Empty description={t('news.empty')} />
      ) : (
        <div className="zg-news-grid" data-testid="news-grid">
          {drafts.map((draft) => (
            <NewsCard
              key={draft.id}
              news={draft}
              busy={publishingId === draft.id}
              onOpen={() => open(draft)}
              onPublish={editable ? () => void publish(draft) : undefined}
              onPreview={onPreview && (() => onPreview({ message: { type: 'news', newsId: draft.id }, label: draft.articles[0]?.title ?? '' }))}
              onDelete={editable ? () => remove(draft) : undefined}
            />
          ))}
        </div>
      )}
      <NewsEditorDrawer key={editorKey} news={editing} materials={materials} editable={editable} onSave={save} onClose={() => setEditing(null)} />
    </div>
  );
}
