import { Button, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n.tsx';

/** Values a choice remembers, e.g. product = 牛仔裤; {{answer}} is the fan's reply. Usable later as {{product}}. */
export function SetValuesField({ field, disabled }: { field: number; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <Form.List name={[field, 'set']}>
      {(rows, { add, remove }) => (
        <div className="zg-set-values">
          {rows.map((row) => (
            <div className="zg-set-row" key={row.key}>
              <Form.Item
                name={[row.name, 'key']}
                rules={[
                  { required: true, whitespace: true, message: t('flows.set.keyRequired') },
                  { pattern: /^\w+$/, message: t('flows.input.keyInvalid') },
                ]}
              >
                <Input className="zg-mono" placeholder={t('flows.set.key')} maxLength={40} />
              </Form.Item>
              <span className="zg-muted">=</span>
              <Form.Item name={[row.name, 'value']}>
                <Input placeholder={t('flows.set.value')} maxLength={500} />
              </Form.Item>
              {!disabled && <Button type="text" size="small" icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('common.delete')} />}
            </div>
          ))}
          {!disabled && (
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', value: '' })}>
              {t('flows.set.add')}
            </Button>
          )}
          <p className="zg-field-help">{t('flows.set.help')}</p>
        </div>
      )}
    </Form.List>
  );
}
