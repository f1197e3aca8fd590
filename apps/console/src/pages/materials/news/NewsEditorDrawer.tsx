import { useState } from 'react';
import { App, Button, Drawer, Space } from 'antd';
import type { NewsDraftView, NewsInput } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import { SaveErrorAlert } from '../../../components/replies/SaveErrorAlert.tsx';
import type { Materials } from '../use-materials.ts';
import { useNewsEditor } from './use-news-editor.ts';
import { ArticleList } from './ArticleList.tsx';
import { ArticleForm } from './ArticleForm.tsx';

interface NewsEditorDrawerProps {
  /** The draft to edit, 'new', or null (closed). Give the drawer a new key for each opening: it keeps its state. */
  news: NewsDraftView | 'new' | null;
  materials: Materials;
  editable: boolean;
  onSave: (input: NewsInput) => Promise<void>;
  onClose: () => void;
}

/** 编辑图文: 1–8 articles, each with its cover and body; saving puts the draft in WeChat's draft box too. */
export function NewsEditorDrawer({ news, materials, editable, onSave, onClose }: NewsEditorDrawerProps) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const editor = useNewsEditor(news ?? 'new', t);
  const [saving, setSaving] = useState(false);
  const article = editor.articles[editor.selected]!;
  const title = news === 'new' ? t('news.create') : editable ? t('news.edit') : t('news.view');

  const save = async () => {
    if (!editor.ready()) return;
    setSaving(true);
    editor.clearFailure();
    try {
      await onSave(editor.input());
    } catch (error) {
      editor.showFailure(error);
    } finally {
      setSaving(false);
    }
  };
  const close = () => {
    if (!editor.dirty || !editable) return onClose();
    modal.confirm({ title: t('news.discardTitle'), content: t('news.discardBody'), okText: t('news.discard'), okButtonProps: { danger: true }, cancelText: t('common.cancel'), onOk: onClose });
  };

  return (
    <Drawer
      open={news !== null}
      onClose={close}
      title={title}
      size={1120}
      data-testid="news-editor"
      footer={
        <Space className="zg-drawer-footer">
          <Button onClick={close}>{editable ? t('common.cancel') : t('common.close')}</Button>
          {editable && (
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid="news-save">
              {t('common.save')}
            </Button>
          )}
        </Space>
      }
    >
      <SaveErrorAlert failure={editor.failure} className="zg-page-alert" />
      <div className="zg-news-editor-layout">
        <ArticleList
          articles={editor.articles}
          selected={editor.selected}
          flagged={editor.flagged}
          editable={editable}
          onSelect={editor.select}
          onAdd={editor.add}
          onRemove={editor.remove}
          onMove={editor.reorder}
        />
        <ArticleForm
          key={article.key}
          article={article}
          index={editor.selected}
          problems={editor.problems[editor.selected] ?? {}}
          materials={materials}
          editable={editable}
          onChange={(patch) => editor.update(editor.selected, patch)}
        />
      </div>
    </Drawer>
  );
}
