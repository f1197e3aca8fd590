import { Button, Form, Input, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { KeywordSpec, MatchType } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { MATCH_TYPES } from './rule-labels.ts';

/** Keywords, each with its match type. Regular expressions are checked by the server (RE2); its error lands on the field. */
export function KeywordsField({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const keywords = (Form.useWatch('keywords', form) as KeywordSpec[] | undefined) ?? [];
  return (
    <Form.List
      name="keywords"
      rules={[{ validator: async (_, value: unknown[] | undefined) => (value?.length ? undefined : Promise.reject(new Error(t('rules.keywordsRequired')))) }]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div className="zg-keywords" data-testid="rule-keywords">
          {fields.map((field, index) => {
            const match = keywords[index]?.match ?? 'exact';
            return (
              <div className="zg-keyword-row" key={field.key}>
                <Form.Item name={[field.name, 'match']} className="zg-keyword-match">
                  <Select<MatchType>
                    options={MATCH_TYPES.map((type) => ({ value: type, label: t(`rules.match.${type}`) }))}
                    popupMatchSelectWidth={false}
                    data-testid={`rule-keyword-match-${index}`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'text']}
                  className="zg-keyword-text"
                  rules={[{ required: true, whitespace: true, message: t('rules.keywordRequired') }]}
                >
                  <Input
                    maxLength={match === 'regex' ? 300 : 60}
                    placeholder={t(`rules.keywordPlaceholder.${match}`)}
                    className={match === 'regex' ? 'zg-mono' : undefined}
                    data-testid={`rule-keyword-text-${index}`}
                  />
                </Form.Item>
                {!disabled && (
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.delete')}
                    data-testid={`rule-keyword-remove-${index}`}
                  />
                )}
              </div>
            );
          })}
          <Form.ErrorList errors={errors} />
          {!disabled && (
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ text: '', match: 'exact' })} data-testid="rule-keyword-add">
              {t('rules.addKeyword')}
            </Button>
          )}
          <p className="zg-field-help">{t('rules.matchHelp')}</p>
        </div>
      )}
    </Form.List>
  );
}
