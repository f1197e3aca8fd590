import { Button, Card, Empty } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { MENU_LIMITS } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FlowOption } from '../../components/replies/ReplyActionFields.tsx';
import { buttonAt, buttonPath, type Path } from './menu-form.ts';
import { issuesUnder } from './menu-issues.ts';
import type { MenuDraft } from './use-menu-draft.ts';
import { MenuScopeTabs } from './MenuScopeTabs.tsx';
import { ConditionalMenuFields } from './ConditionalMenuFields.tsx';
import { MenuPhone } from './MenuPhone.tsx';
import { MenuIssueList } from './MenuIssueList.tsx';
import { ButtonFields } from './ButtonFields.tsx';

interface MenuEditorProps {
  draft: MenuDraft;
  editable: boolean;
  flows: FlowOption[];
  onOpenIssue: (path: Path) => void;
}

/** The menus being edited: which menu, who sees it, the phone to pick and add buttons, and the open button's fields. */
export function MenuEditor({ draft, editable, flows, onOpenIssue }: MenuEditorProps) {
  const { t } = useI18n();
  const { base, buttons, selected, issues, menuIndex } = draft;
  const button = buttonAt(buttons, selected);
  const path = selected ? buttonPath(base, selected) : null;
  const siblings = selected?.sub == null ? buttons.length : (buttons[selected.top]?.subButtons?.length ?? 0);
  const menu = menuIndex === null ? null : draft.draft.conditional[menuIndex];
  const roomForSub = selected?.sub === null && (button?.subButtons?.length ?? 0) < MENU_LIMITS.sub;

  return (
    <div className="zg-menu-editor" data-testid="menu-editor">
      <MenuScopeTabs set={draft.draft} issues={issues} menuId={draft.menuId} onOpen={draft.openMenu} onAdd={editable ? draft.addMenu : undefined} />
      {menu && menuIndex !== null && (
        <ConditionalMenuFields index={menuIndex} name={menu.name} issues={issues} editable={editable} onRemove={() => draft.removeMenu(menu.id)} />
      )}
      <div className="zg-menu-layout">
        <aside className="zg-menu-aside">
          <MenuPhone
            buttons={buttons}
            selected={selected}
            onSelect={draft.select}
            onAddTop={editable ? draft.addTop : undefined}
            onAddSub={editable ? draft.addSub : undefined}
            flagged={(ref) => issuesUnder(issues, buttonPath(base, ref)).length > 0}
            flows={flows}
            testId="menu-phone"
          />
          <p className="zg-menu-phone-note">{t('menus.phone.note')}</p>
        </aside>
        <div className="zg-menu-main">
          <MenuIssueList issues={issues} set={draft.draft} onOpen={onOpenIssue} />
          <Card variant="borderless">
            {button && path && selected ? (
              <ButtonFields
                key={path.join('.')}
                path={path}
                at={selected}
                button={button}
                siblings={siblings}
                issues={issues}
                flows={flows}
                editable={editable}
                onMove={(delta) => draft.move(selected, delta)}
                onRemove={() => draft.remove(selected)}
                onAddSub={editable && roomForSub ? () => draft.addSub(selected.top) : undefined}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('menus.emptyMenu')}>
                {editable && (
                  <Button type="primary" icon={<PlusOutlined />} onClick={draft.addTop} data-testid="menu-add-first">
                    {t('menus.addTop')}
                  </Button>
                )}
              </Empty>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
