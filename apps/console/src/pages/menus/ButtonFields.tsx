import { Button, Form, Input, Popconfirm, Select, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowLeftOutlined, ArrowRightOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { MENU_LIMITS, utf8Bytes, type MenuButton, type MenuButtonType, type MenuIssue } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FlowOption } from '../../components/replies/ReplyActionFields.tsx';
import { buttonTestId } from '../../components/test-id.ts';
import { hasSubButtons, type ButtonRef, type Path } from './menu-form.ts';
import { fieldStatus } from './menu-issues.ts';
import { TYPE_GROUPS } from './menu-labels.ts';
import { ButtonActionFields } from './ButtonActionFields.tsx';

interface ButtonFieldsProps {
  /** The button's form path. */
  path: Path;
  at: ButtonRef;
  button: MenuButton;
  /** How many buttons share its level (for the move buttons). */
  siblings: number;
  issues: MenuIssue[];
  flows: FlowOption[];
  editable: boolean;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  /** Top-level buttons with room for another sub-button. */
  onAddSub?: () => void;
}

/** The open button: its place (move, delete, add sub-buttons), its name against WeChat's byte limit, what it does. */
export function ButtonFields({ path, at, button, siblings, issues, flows, editable, onMove, onRemove, onAddSub }: ButtonFieldsProps) {
  const { t, language } = useI18n();
  const form = Form.useFormInstance();
  const top = at.sub === null;
  const parent = top && hasSubButtons(button);
  const name = (Form.useWatch([...path, 'name'], { form, preserve: true }) as string | undefined) ?? '';
  const type = Form.useWatch([...path, 'type'], { form, preserve: true }) as MenuButtonType | undefined;
  const maxBytes = top ? MENU_LIMITS.topNameBytes : MENU_LIMITS.subNameBytes;
  const bytes = utf8Bytes(name);
  const index = top ? at.top : (at.sub as number);

  const typeOptions = TYPE_GROUPS.map((group) => ({
    label: t(`menus.typeGroup.${group.key}`),
    options: group.types.map((value) => ({ value, label: t(`menus.type.${value}`) })),
  }));

  return (
    <div className="zg-menu-fields" data-testid="menu-button-form">
      <div className="zg-menu-fields-head">
        <strong>{top ? t('menus.topButton', { n: at.top + 1 }) : t('menus.subButton', { n: index + 1 })}</strong>
        {editable && (
          <span className="zg-menu-fields-tools">
            <Tooltip title={top ? t('menus.moveLeft') : t('menus.moveUp')}>
              <Button type="text" size="small" icon={top ? <ArrowLeftOutlined /> : <ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(-1)} aria-label={top ? t('menus.moveLeft') : t('menus.moveUp')} data-testid="menu-button-move-prev" />
            </Tooltip>
            <Tooltip title={top ? t('menus.moveRight') : t('menus.moveDown')}>
              <Button type="text" size="small" icon={top ? <ArrowRightOutlined /> : <ArrowDownOutlined />} disabled={index >= siblings - 1} onClick={() => onMove(1)} aria-label={top ? t('menus.moveRight') : t('menus.moveDown')} data-testid="menu-button-move-next" />
            </Tooltip>
            {onAddSub && (
              <Button type="text" size="small" icon={<PlusOutlined />} onClick={onAddSub} data-testid="menu-button-add-sub">
                {t('menus.addSub')}
              </Button>
            )}
            <Popconfirm
              title={parent ? t('menus.removeParentConfirm', { name: button.name || t('menus.untitled'), n: button.subButtons?.length ?? 0 }) : t('menus.removeConfirm', { name: button.name || t('menus.untitled') })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true, ...buttonTestId('menu-button-remove-confirm') }}
              cancelText={t('common.cancel')}
              onConfirm={onRemove}
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined />} data-testid="menu-button-remove">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </span>
        )}
      </div>

      <Form.Item
        name={[...path, 'name']}
        label={t('menus.field.name')}
        extra={t(top ? 'menus.nameHelp.top' : 'menus.nameHelp.sub', { max: maxBytes })}
        {...fieldStatus(issues, [...path, 'name'], language)}
      >
        <Input
          maxLength={60}
          placeholder={top ? t('menus.namePlaceholder.top') : t('menus.namePlaceholder.sub')}
          suffix={
            <span className={bytes > maxBytes ? 'zg-bytes zg-bytes--over' : 'zg-bytes'} data-testid="menu-button-bytes">
              {t('menus.bytes', { n: bytes, max: maxBytes })}
            </span>
          }
          data-testid="menu-button-name"
        />
      </Form.Item>

      {parent ? (
        <p className="zg-menu-parent-note">{t('menus.parentNote')}</p>
      ) : (
        <>
          <Form.Item name={[...path, 'type']} label={t('menus.field.type')} extra={type ? t(`menus.typeHelp.${type}`) : undefined} {...fieldStatus(issues, [...path, 'type'], language)}>
            <Select<MenuButtonType>
              options={typeOptions}
              placeholder={t('menus.typePlaceholder')}
              // All thirteen at once (no virtual list), so each option is in the page to pick.
              virtual={false}
              listHeight={420}
              optionRender={(option) => (
                <span className="zg-menu-type-option" data-testid={`menu-type-${String(option.value)}`}>
                  {option.label}
                  <code>{String(option.value)}</code>
                </span>
              )}
              data-testid="menu-button-type"
            />
          </Form.Item>
          {type && <ButtonActionFields type={type} path={path} issues={issues} flows={flows} disabled={!editable} />}
        </>
      )}
    </div>
  );
}
