import { useState } from 'react';
import { Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TagRef, TagView } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';

interface TagEditorProps {
  tags: TagRef[];
  allTags: TagView[] | undefined;
  editable: boolean;
  onChange: (tagId: number, on: boolean) => Promise<void>;
}

/** A fan's tags: remove with ×, add from the account's tags. */
export function TagEditor({ tags, allTags, editable, onChange }: TagEditorProps) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState<number | null>(null);
  const assigned = new Set(tags.map((tag) => tag.id));
  const options = (allTags ?? []).filter((tag) => !assigned.has(tag.id)).map((tag) => ({ value: tag.id, label: tag.name }));

  const apply = async (tagId: number, on: boolean) => {
    setBusy(tagId);
    try {
      await onChange(tagId, on);
    } finally {
      setBusy(null);
      setAdding(false);
    }
  };

  return (
    <div className="zg-tag-editor" data-testid="tag-editor">
      {tags.length === 0 && !editable && <span className="zg-muted">{t('fan.noTags')}</span>}
      {tags.map((tag) => (
        <Tag
          key={tag.id}
          color="green"
          variant="filled"
          closable={editable && busy === null}
          onClose={(event) => {
            event.preventDefault();
            void apply(tag.id, false);
          }}
          data-testid={`fan-tag-${tag.id}`}
        >
          {tag.name}
        </Tag>
      ))}
      {editable &&
        (adding ? (
          <Select<number>
            size="small"
            autoFocus
            open
            showSearch={{ optionFilterProp: 'label' }}
            className="zg-tag-editor-select"
            placeholder={t('fan.pickTag')}
            options={options}
            loading={busy !== null}
            onChange={(tagId) => void apply(tagId, true)}
            onBlur={() => setAdding(false)}
            notFoundContent={t('fan.noMoreTags')}
            data-testid="tag-editor-select"
          />
        ) : (
          <Tag className="zg-tag-add" onClick={() => setAdding(true)} data-testid="tag-editor-add">
            <PlusOutlined /> {t('fan.addTag')}
          </Tag>
        ))}
    </div>
  );
}
