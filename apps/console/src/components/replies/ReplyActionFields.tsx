import { Form, Input, Radio, Select } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ReplyActionType } from './reply-actions.ts';
import { NewsArticlesField } from './NewsArticlesField.tsx';
import { CouponTemplateSelect } from './CouponTemplateSelect.tsx';

export interface FlowOption {
  id: number;
  name: string;
}

interface ReplyActionFieldsProps {
  type: ReplyActionType;
  /** The action's name inside its Form.List. */
  field: number;
  /** The action's absolute path. */
  path: Array<string | number>;
  flows?: FlowOption[];
  /** Replaces the keyword-rule hint under text replies. */
  textHint?: string;
  testId: string;
}

/** The inputs of one reply action, by its type. Names are relative to the action's Form.List entry. */
export function ReplyActionFields({ type, field, path, flows, textHint, testId }: ReplyActionFieldsProps) {
  const { t } = useI18n();
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  switch (type) {
    case 'text':
      return (
        <Form.Item name={[field, 'content']} rules={required(t('reply.text.required'))} extra={textHint ?? t('reply.text.hint')} className="zg-action-item">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount placeholder={t('reply.text.placeholder')} data-testid={`${testId}-text`} />
        </Form.Item>
      );
    case 'image':
    case 'voice':
      return (
        <Form.Item name={[field, 'mediaId']} label={t('reply.media.mediaId')} rules={required(t('reply.media.required'))} extra={t('reply.media.help')} className="zg-action-item">
          <Input className="zg-mono" placeholder="media_id" data-testid={`${testId}-media`} />
        </Form.Item>
      );
    case 'video':
      return (
        <div className="zg-action-grid">
          <Form.Item name={[field, 'mediaId']} label={t('reply.media.mediaId')} rules={required(t('reply.media.required'))} extra={t('reply.media.help')} className="zg-action-wide">
            <Input className="zg-mono" placeholder="media_id" data-testid={`${testId}-media`} />
          </Form.Item>
          <Form.Item name={[field, 'title']} label={t('reply.video.title')}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name={[field, 'description']} label={t('reply.video.description')}>
            <Input maxLength={120} />
          </Form.Item>
        </div>
      );
    case 'music':
      return (
        <div className="zg-action-grid">
          <Form.Item name={[field, 'title']} label={t('reply.music.title')}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name={[field, 'description']} label={t('reply.music.description')}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name={[field, 'musicUrl']} label={t('reply.music.url')} rules={[{ type: 'url', message: t('reply.urlInvalid') }]}>
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item name={[field, 'hqMusicUrl']} label={t('reply.music.hqUrl')} rules={[{ type: 'url', message: t('reply.urlInvalid') }]}>
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item name={[field, 'thumbMediaId']} label={t('reply.music.thumb')} className="zg-action-wide">
            <Input className="zg-mono" placeholder="thumb_media_id" />
          </Form.Item>
        </div>
      );
    case 'news':
      return <NewsArticlesField field={field} path={path} testId={testId} />;
    case 'transfer_customer_service':
      return <p className="zg-action-help">{t('reply.transfer.help')}</p>;
    case 'flow':
      return (
        <Form.Item
          name={[field, 'flowId']}
          label={t('reply.flow.pick')}
          rules={[{ validator: async (_, value: number | undefined) => (value ? undefined : Promise.reject(new Error(t('reply.flow.required')))) }]}
          extra={t('reply.flow.help')}
          className="zg-action-item"
        >
          <Select<number>
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('reply.flow.pick')}
            notFoundContent={t('reply.flow.none')}
            options={(flows ?? []).map((flow) => ({ value: flow.id, label: flow.name }))}
            data-testid={`${testId}-flow`}
          />
        </Form.Item>
      );
    case 'search':
      return (
        <>
          <p className="zg-action-help">{t('reply.search.help')}</p>
          <Form.Item name={[field, 'scope']} label={t('reply.search.scope')} className="zg-action-item">
            <Radio.Group
              optionType="button"
              options={(['all', 'knowledge', 'products'] as const).map((scope) => ({ value: scope, label: t(`reply.search.scope.${scope}`) }))}
            />
          </Form.Item>
          <Form.Item name={[field, 'notFound']} label={t('reply.notFound')} className="zg-action-item">
            <Input maxLength={500} placeholder={t('reply.search.notFoundPlaceholder')} data-testid={`${testId}-not-found`} />
          </Form.Item>
        </>
      );
    case 'stores_nearby':
      return (
        <>
          <p className="zg-action-help">{t('reply.stores.help')}</p>
          <Form.Item name={[field, 'notFound']} label={t('reply.notFound')} className="zg-action-item">
            <Input maxLength={500} placeholder={t('reply.stores.notFoundPlaceholder')} data-testid={`${testId}-not-found`} />
          </Form.Item>
        </>
      );
    case 'member_card':
      return <p className="zg-action-help">{t('reply.memberCard.help')}</p>;
    case 'checkin':
      return <p className="zg-action-help">{t('reply.checkin.help')}</p>;
    case 'coupon':
      return (
        <Form.Item
          name={[field, 'templateId']}
          label={t('reply.coupon.pick')}
          rules={[{ validator: async (_, value: number | undefined) => (value ? undefined : Promise.reject(new Error(t('reply.coupon.required')))) }]}
          extra={t('reply.coupon.help')}
          className="zg-action-item"
        >
          <CouponTemplateSelect testId={`${testId}-coupon`} />
        </Form.Item>
      );
  }
}
