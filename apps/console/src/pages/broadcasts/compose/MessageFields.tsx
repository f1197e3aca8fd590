import { Form, Input, Radio, Select } from 'antd';
import type { MaterialKind } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import { MESSAGE_TYPES, type MessageType } from './compose-form.ts';
import type { ComposeSources } from './use-compose-sources.ts';

const TEXT_MAX = 2000;

/** What to send: text, a picture, voice or video from the library, or a news draft. */
export function MessageFields({ sources }: { sources: ComposeSources }) {
  const { t } = useI18n();
  const type = Form.useWatch(['message', 'type']) as MessageType | undefined;
  const materialsOf = (kind: MaterialKind) =>
    sources.materials.filter((material) => material.kind === kind).map((material) => ({ value: material.id, label: material.title || material.name }));

  return (
    <>
      <Form.Item name={['message', 'type']} label={t('broadcasts.message')}>
        <Radio.Group optionType="button" options={MESSAGE_TYPES.map((value) => ({ value, label: <span data-testid={`broadcast-type-${value}`}>{t(`broadcasts.message.${value}`)}</span> }))} />
      </Form.Item>
      {type === 'text' && (
        <Form.Item name={['message', 'content']} label={t('broadcasts.message.text')} rules={[{ required: true, whitespace: true, message: t('broadcasts.textRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={TEXT_MAX} showCount placeholder={t('broadcasts.textPlaceholder')} data-testid="broadcast-text" />
        </Form.Item>
      )}
      {(type === 'image' || type === 'voice' || type === 'video') && (
        <Form.Item name={['message', 'materialId']} label={t(`broadcasts.message.${type}`)} rules={[{ required: true, message: t('broadcasts.materialRequired') }]} extra={t('broadcasts.materialHelp')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={sources.loading}
            placeholder={t('broadcasts.materialPlaceholder')}
            options={materialsOf(type)}
            notFoundContent={t(`materials.empty.${type}`)}
            data-testid="broadcast-material"
          />
        </Form.Item>
      )}
      {type === 'news' && (
        <Form.Item name={['message', 'newsId']} label={t('broadcasts.message.news')} rules={[{ required: true, message: t('broadcasts.newsRequired') }]} extra={t('broadcasts.newsHelp')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={sources.loading}
            placeholder={t('broadcasts.newsPlaceholder')}
            options={sources.news.map((draft) => ({
              value: draft.id,
              label: draft.articles.length > 1 ? t('broadcasts.newsOption', { title: draft.articles[0]?.title ?? '', n: draft.articles.length }) : (draft.articles[0]?.title ?? ''),
            }))}
            notFoundContent={t('news.empty')}
            data-testid="broadcast-news"
          />
        </Form.Item>
      )}
    </>
  );
}
