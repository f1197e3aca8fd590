import { Form, Input } from 'antd';
import type { KnowledgeEntry, KnowledgeInput } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { EntityModal } from '../../components/EntityModal.tsx';
import { KeywordTagsInput } from '../../components/KeywordTagsInput.tsx';
import { EnabledItem, UrlItem } from '../../components/FormItems.tsx';

interface KnowledgeValues {
  title: string;
  body: string;
  imageUrl: string;
  link: string;
  keywords: string[];
  enabled: boolean;
}

const EMPTY: KnowledgeValues = { title: '', body: '', imageUrl: '', link: '', keywords: [], enabled: true };

function valuesOf(entry: KnowledgeEntry | 'new'): KnowledgeValues {
  if (entry === 'new') return EMPTY;
  return { title: entry.title, body: entry.body, imageUrl: entry.imageUrl ?? '', link: entry.link ?? '', keywords: entry.keywords, enabled: entry.enabled };
}

function inputOf(values: KnowledgeValues): KnowledgeInput {
  return {
    title: values.title.trim(),
    body: values.body,
    imageUrl: values.imageUrl.trim() || null,
    link: values.link.trim() || null,
    keywords: values.keywords,
    enabled: values.enabled,
  };
}

interface KnowledgeModalProps {
  entry: KnowledgeEntry | 'new' | null;
  onSave: (input: KnowledgeInput) => Promise<void>;
  onCancel: () => void;
}

/** One knowledge entry: what a search reply answers with (as a news article: title, body, picture, link). */
export function KnowledgeModal({ entry, onSave, onCancel }: KnowledgeModalProps) {
  const { t } = useI18n();
  return (
    <EntityModal<KnowledgeValues>
      values={entry === null ? null : valuesOf(entry)}
      title={entry === 'new' ? t('knowledge.create') : t('knowledge.edit')}
      onSave={(values) => onSave(inputOf(values))}
      onCancel={onCancel}
      width={640}
      testId="knowledge-form"
    >
      <Form.Item name="title" label={t('knowledge.col.title')} rules={[{ required: true, whitespace: true, message: t('knowledge.titleRequired') }]}>
        <Input maxLength={64} placeholder={t('knowledge.titlePlaceholder')} data-testid="knowledge-title" />
      </Form.Item>
      <Form.Item name="body" label={t('knowledge.body')} rules={[{ required: true, whitespace: true, message: t('knowledge.bodyRequired') }]} extra={t('knowledge.bodyHelp')}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} showCount data-testid="knowledge-body" />
      </Form.Item>
      <Form.Item name="keywords" label={t('common.keywords')} extra={t('knowledge.keywordsHelp')}>
        <KeywordTagsInput placeholder={t('common.keywordsPlaceholder')} data-testid="knowledge-keywords" />
      </Form.Item>
      <div className="zg-modal-grid">
        <UrlItem name="imageUrl" label={t('common.imageUrl')} />
        <UrlItem name="link" label={t('common.link')} />
      </div>
      <EnabledItem />
    </EntityModal>
  );
}
