import { Button, Dropdown, Form, Select, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ReplyAction } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { emptyAction, type ReplyActionType } from './reply-actions.ts';
import { REPLY_ICONS } from './reply-icons.tsx';
import { ReplyActionFields, type FlowOption } from './ReplyActionFields.tsx';
import './reply-editor.css';

type Path = Array<string | number>;

interface ReplyActionsEditorProps {
  /** The list's name relative to its parent Form.List field (or the form, at the top level). */
  name: Path;
  /** The same list's absolute path in the form's values. */
  path: Path;
  types: ReplyActionType[];
  /** For "start a flow" actions. */
  flows?: FlowOption[];
  disabled?: boolean;
  /** At least one action is required (rules); flow choices may send none. */
  required?: boolean;
  max?: number;
  /** Under text replies, in place of the keyword-rule hint ({{arg}}) where there is no keyword (menus, welcomes). */
  textHint?: string;
  /** Prefix for data-testid of the inputs inside. */
  testId: string;
}

/** An ordered list of replies, each of any allowed type, with its own fields. */
export function ReplyActionsEditor({ name, path, types, flows, disabled, required, max = 10, textHint, testId }: ReplyActionsEditorProps) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const actions = (Form.useWatch(path, { form, preserve: true }) as ReplyAction[] | undefined) ?? [];
  const changeType = (index: number, type: ReplyActionType) => form.setFieldValue([...path, index], emptyAction(type));
  const typeOptions = types.map((type) => ({
    value: type,
    label: (
      <span className="zg-action-type">
        {REPLY_ICONS[type]} {t(`reply.type.${type}`)}
      </span>
    ),
  }));

  return (
    <Form.List
      name={name}
      rules={required ? [{ validator: async (_, value: unknown[] | undefined) => (value?.length ? undefined : Promise.reject(new Error(t('reply.required')))) }] : []}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <div className="zg-actions" data-testid={`${testId}-list`}>
          {fields.map((field, index) => {
            const type = actions[index]?.type ?? 'text';
            return (
              <div className="zg-action" key={field.key} data-testid={`${testId}-${index}`}>
                <div className="zg-action-head">
                  <span className="zg-action-index">{index + 1}</span>
                  <Select<ReplyActionType>
                    value={type}
                    onChange={(next) => changeType(field.name, next)}
                    options={typeOptions}
                    disabled={disabled}
                    popupMatchSelectWidth={false}
                    variant="borderless"
                    className="zg-action-type-select"
                    data-testid={`${testId}-type-${index}`}
                  />
                  {!disabled && (
                    <span className="zg-action-tools">
                      <Tooltip title={t('reply.moveUp')}>
                        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('reply.moveUp')} />
                      </Tooltip>
                      <Tooltip title={t('reply.moveDown')}>
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowDownOutlined />}
                          disabled={index === fields.length - 1}
                          onClick={() => move(index, index + 1)}
                          aria-label={t('reply.moveDown')}
                        />
                      </Tooltip>
                      <Tooltip title={t('common.delete')}>
                        <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} data-testid={`${testId}-remove-${index}`} />
                      </Tooltip>
                    </span>
                  )}
                </div>
                <div className="zg-action-body">
                  <ReplyActionFields type={type} field={field.name} path={[...path, field.name]} flows={flows} textHint={textHint} testId={`${testId}-${index}`} />
                </div>
              </div>
            );
          })}
          <Form.ErrorList errors={errors} />
          {!disabled && fields.length < max && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: types.map((type) => ({ key: type, icon: REPLY_ICONS[type], label: t(`reply.type.${type}`), 'data-testid': `${testId}-add-${type}` })),
                onClick: ({ key }) => add(emptyAction(key as ReplyActionType)),
              }}
            >
              <Button type="dashed" block icon={<PlusOutlined />} data-testid={`${testId}-add`}>
                {t('reply.add')}
              </Button>
            </Dropdown>
          )}
        </div>
      )}
    </Form.List>
  );
}
