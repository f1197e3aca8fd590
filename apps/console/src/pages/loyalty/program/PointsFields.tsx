import { Button, Card, Form, InputNumber, Tooltip } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../../i18n/i18n.tsx';

const MAX_STREAK_BONUSES = 10;

/** How points are earned: the daily check-in and its streak bonuses, orders at the till, a new card. */
export function PointsFields() {
  const { t } = useI18n();
  const points = (name: string, label: string, extra: string, testId: string) => (
    <Form.Item name={['points', name]} label={label} extra={extra} rules={[{ required: true, message: t('loyalty.points.required') }]}>
      <InputNumber min={0} max={100_000} precision={0} suffix={t('loyalty.points.unit')} className="zg-full-width" data-testid={testId} />
    </Form.Item>
  );
  return (
    <Card variant="borderless" title={t('loyalty.points.title')} className="zg-loyalty-section">
      <div className="zg-modal-grid zg-points-grid">
        {points('checkin', t('loyalty.points.checkin'), t('loyalty.points.checkinHelp'), 'loyalty-points-checkin')}
        {points('welcome', t('loyalty.points.welcome'), t('loyalty.points.welcomeHelp'), 'loyalty-points-welcome')}
        {points('perYuan', t('loyalty.points.perYuan'), t('loyalty.points.perYuanHelp'), 'loyalty-points-per-yuan')}
      </div>
      <Form.Item label={t('loyalty.points.streak')} extra={t('loyalty.points.streakHelp')}>
        <Form.List name={['points', 'streak']}>
          {(fields, { add, remove }) => (
            <div className="zg-streaks" data-testid="loyalty-streaks">
              {fields.map((field, index) => (
                <div key={field.key} className="zg-streak" data-testid={`loyalty-streak-${index}`}>
                  <span>{t('loyalty.points.streakDay')}</span>
                  <Form.Item name={[field.name, 'days']} noStyle rules={[{ required: true, message: t('loyalty.points.required') }]}>
                    <InputNumber min={2} max={365} precision={0} suffix={t('loyalty.points.days')} className="zg-streak-input" data-testid={`loyalty-streak-days-${index}`} />
                  </Form.Item>
                  <span>{t('loyalty.points.streakExtra')}</span>
                  <Form.Item name={[field.name, 'points']} noStyle rules={[{ required: true, message: t('loyalty.points.required') }]}>
                    <InputNumber min={1} max={100_000} precision={0} suffix={t('loyalty.points.unit')} className="zg-streak-input" data-testid={`loyalty-streak-points-${index}`} />
                  </Form.Item>
                  <Tooltip title={t('common.delete')}>
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} data-testid={`loyalty-streak-remove-${index}`} />
                  </Tooltip>
                </div>
              ))}
              {fields.length === 0 && <span className="zg-muted">{t('loyalty.points.noStreak')}</span>}
              {fields.length < MAX_STREAK_BONUSES && (
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ days: 7, points: 10 })} className="zg-streak-add" data-testid="loyalty-streak-add">
                  {t('loyalty.points.addStreak')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
      </Form.Item>
    </Card>
  );
}
