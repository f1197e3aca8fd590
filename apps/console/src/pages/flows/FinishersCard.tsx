import { Card, Form, Input, InputNumber, Switch } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n.tsx';

/** The first N fans to reach an end step win (a maze quiz's prize); the rest get the other message. */
export function FinishersCard() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const on = Form.useWatch('finishersOn', form) as boolean | undefined;
  return (
    <Card
      variant="borderless"
      className="zg-flow-card"
      title={
        <span>
          <TrophyOutlined className="zg-finishers-icon" /> {t('flows.finishers')}
        </span>
      }
      extra={
        <Form.Item name="finishersOn" valuePropName="checked" noStyle>
          <Switch data-testid="flow-finishers-on" />
        </Form.Item>
      }
    >
      <p className="zg-field-help zg-finishers-help">{t('flows.finishersHelp')}</p>
      {on && (
        <div className="zg-flow-grid">
          <Form.Item name={['finishers', 'limit']} label={t('flows.finishers.limit')} rules={[{ required: true, message: t('flows.finishers.limitRequired') }]}>
            <InputNumber min={1} max={100000} precision={0} suffix={t('flows.finishers.people')} data-testid="flow-finishers-limit" />
          </Form.Item>
          <span />
          <Form.Item
            name={['finishers', 'winnerMessage']}
            label={t('flows.finishers.winner')}
            rules={[{ required: true, whitespace: true, message: t('flows.finishers.winnerRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} data-testid="flow-finishers-winner" />
          </Form.Item>
          <Form.Item name={['finishers', 'otherMessage']} label={t('flows.finishers.other')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} data-testid="flow-finishers-other" />
          </Form.Item>
        </div>
      )}
    </Card>
  );
}
