import { DatePicker, Form, InputNumber, Radio, Switch, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/i18n.tsx';

/** Fatigue cap (service accounts), quiet hours, and now or later. */
export function OptionsFields({ canCap }: { canCap: boolean }) {
  const { t } = useI18n();
  const capOn = Form.useWatch('capOn') as boolean | undefined;
  const quietOn = Form.useWatch('quietOn') as boolean | undefined;
  const when = Form.useWatch('when') as 'now' | 'later' | undefined;

  return (
    <>
      <Form.Item label={t('broadcasts.cap')} extra={canCap ? t('broadcasts.capHelp') : t('broadcasts.filterNeedsService')}>
        <div className="zg-form-row">
          <Form.Item name="capOn" valuePropName="checked" noStyle>
            <Switch disabled={!canCap} data-testid="broadcast-cap-on" />
          </Form.Item>
          {capOn && (
            <span className="zg-inline-field">
              {t('broadcasts.capBefore')}
              <Form.Item name={['options', 'monthlyCap']} noStyle rules={[{ required: true }]}>
                <InputNumber min={1} max={31} precision={0} className="zg-cap-input" data-testid="broadcast-cap" />
              </Form.Item>
              {t('broadcasts.capAfter')}
            </span>
          )}
        </div>
      </Form.Item>
      <Form.Item label={t('broadcasts.quiet')} extra={t('broadcasts.quietHelp')}>
        <div className="zg-form-row">
          <Form.Item name="quietOn" valuePropName="checked" noStyle>
            <Switch data-testid="broadcast-quiet-on" />
          </Form.Item>
          {quietOn && (
            <span className="zg-inline-field">
              <Form.Item name={['options', 'quietHours', 'start']} noStyle rules={[{ required: true, message: t('broadcasts.quietRequired') }]}>
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} data-testid="broadcast-quiet-start" />
              </Form.Item>
              –
              <Form.Item name={['options', 'quietHours', 'end']} noStyle rules={[{ required: true, message: t('broadcasts.quietRequired') }]}>
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} data-testid="broadcast-quiet-end" />
              </Form.Item>
            </span>
          )}
        </div>
      </Form.Item>
      <Form.Item name="when" label={t('broadcasts.when')}>
        <Radio.Group
          options={[
            { value: 'now', label: <span data-testid="broadcast-when-now">{t('broadcasts.when.now')}</span> },
            { value: 'later', label: <span data-testid="broadcast-when-later">{t('broadcasts.when.later')}</span> },
          ]}
        />
      </Form.Item>
      {when === 'later' && (
        <Form.Item
          name="scheduledAt"
          label={t('broadcasts.scheduledAt')}
          extra={t('broadcasts.scheduledAtHelp')}
          rules={[
            { required: true, message: t('broadcasts.scheduledAtRequired') },
            { validator: async (_, value?: dayjs.Dayjs) => (value && value.isBefore(dayjs()) ? Promise.reject(new Error(t('broadcasts.scheduledAtPast'))) : undefined) },
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" disabledDate={(day) => day.isBefore(dayjs(), 'day')} data-testid="broadcast-scheduled-at" />
        </Form.Item>
      )}
    </>
  );
}
