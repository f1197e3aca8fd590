import { Button, Checkbox, Form, TimePicker } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/i18n.tsx';
import { dayLabel, WEEKDAYS } from './rule-labels.ts';

/** Time windows (weekdays and from–to); none means the rule is always active. */
export function ScheduleField({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  return (
    <Form.List name="schedule">
      {(fields, { add, remove }) => (
        <div className="zg-schedule" data-testid="rule-schedule">
          {fields.length === 0 && <p className="zg-schedule-always">{t('schedule.alwaysHelp')}</p>}
          {fields.map((field, index) => (
            <div className="zg-schedule-row" key={field.key}>
              <Form.Item
                name={[field.name, 'days']}
                className="zg-schedule-days"
                rules={[{ type: 'array', min: 1, message: t('schedule.daysRequired') }]}
              >
                <Checkbox.Group options={WEEKDAYS.map((day) => ({ value: day, label: dayLabel(day, t) }))} />
              </Form.Item>
              <div className="zg-schedule-times">
                <Form.Item name={[field.name, 'from']} rules={[{ required: true, message: t('schedule.timeRequired') }]}>
                  <TimePicker format="HH:mm" minuteStep={5} placeholder={t('schedule.from')} needConfirm={false} data-testid={`rule-schedule-from-${index}`} />
                </Form.Item>
                <span className="zg-muted">–</span>
                <Form.Item name={[field.name, 'to']} rules={[{ required: true, message: t('schedule.timeRequired') }]}>
                  <TimePicker format="HH:mm" minuteStep={5} placeholder={t('schedule.to')} needConfirm={false} data-testid={`rule-schedule-to-${index}`} />
                </Form.Item>
                {!disabled && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />}
              </div>
            </div>
          ))}
          {!disabled && (
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => add({ days: [1, 2, 3, 4, 5], from: dayjs().startOf('day').hour(9), to: dayjs().startOf('day').hour(18) })}
              data-testid="rule-schedule-add"
            >
              {t('schedule.add')}
            </Button>
          )}
          {fields.length > 0 && <p className="zg-field-help">{t('schedule.help')}</p>}
        </div>
      )}
    </Form.List>
  );
}
