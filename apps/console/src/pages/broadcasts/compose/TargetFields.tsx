import { DatePicker, Form, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import type { QrChannelView, TagView } from '@zhanggui/shared';
import { useI18n } from '../../../i18n/i18n.tsx';
import { FAN_SOURCES } from '../../../components/fans/fan-sources.ts';
import type { ComposeValues } from './compose-form.ts';

interface TargetFieldsProps {
  tags: TagView[];
  channels: QrChannelView[];
  /** Service accounts only: filters go out as openid lists. */
  canFilter: boolean;
}

/** Whom to send to: every follower, one tag, or the fans page's conditions (tag, source, channel, last interaction). */
export function TargetFields({ tags, channels, canFilter }: TargetFieldsProps) {
  const { t } = useI18n();
  const kind = Form.useWatch(['target', 'kind']) as ComposeValues['target']['kind'] | undefined;
  const tagOptions = tags.map((tag) => ({ value: tag.id, label: t('broadcasts.tagOption', { name: tag.name, n: tag.fanCount }) }));
  const future = (day: dayjs.Dayjs) => day.isAfter(dayjs(), 'day');

  return (
    <>
      <Form.Item name={['target', 'kind']} label={t('broadcasts.col.target')} extra={canFilter ? undefined : t('broadcasts.filterNeedsService')}>
        <Radio.Group
          options={[
            { value: 'all', label: <span data-testid="broadcast-target-all">{t('broadcasts.target.all')}</span> },
            { value: 'tag', label: <span data-testid="broadcast-target-tag">{t('broadcasts.target.tag')}</span> },
            { value: 'filter', label: <span data-testid="broadcast-target-filter">{t('broadcasts.target.filter')}</span>, disabled: !canFilter },
          ]}
        />
      </Form.Item>
      {kind === 'tag' && (
        <Form.Item name={['target', 'tagId']} label={t('broadcasts.target.tag')} rules={[{ required: true, message: t('broadcasts.tagRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('fan.pickTag')} options={tagOptions} data-testid="broadcast-tag" />
        </Form.Item>
      )}
      {kind === 'filter' && (
        <div className="zg-broadcast-filter" data-testid="broadcast-filter">
          <Form.Item name={['target', 'filter', 'tag']} label={t('broadcasts.filter.tag')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('fans.filter.anyTag')}
              options={[{ value: 'untagged', label: t('fans.filter.untagged') }, ...tagOptions]}
              data-testid="broadcast-filter-tag"
            />
          </Form.Item>
          <Form.Item name={['target', 'filter', 'source']} label={t('broadcasts.filter.source')}>
            <Select allowClear placeholder={t('fans.filter.anySource')} options={FAN_SOURCES.map((source) => ({ value: source, label: t(`fan.source.${source}`) }))} data-testid="broadcast-filter-source" />
          </Form.Item>
          <Form.Item name={['target', 'filter', 'channel']} label={t('broadcasts.filter.channel')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('broadcasts.filter.anyChannel')}
              options={channels.map((channel) => ({ value: channel.id, label: channel.name }))}
              data-testid="broadcast-filter-channel"
            />
          </Form.Item>
          <Form.Item label={t('broadcasts.filter.interacted')} extra={t('broadcasts.filter.interactedHelp')}>
            <div className="zg-form-row">
              <Form.Item name={['target', 'filter', 'interactedAfter']} noStyle>
                <DatePicker placeholder={t('broadcasts.filter.after')} disabledDate={future} data-testid="broadcast-filter-after" />
              </Form.Item>
              <Form.Item name={['target', 'filter', 'interactedBefore']} noStyle>
                <DatePicker placeholder={t('broadcasts.filter.before')} disabledDate={future} data-testid="broadcast-filter-before" />
              </Form.Item>
            </div>
          </Form.Item>
        </div>
      )}
    </>
  );
}
