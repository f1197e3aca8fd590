import { Badge, Button, Tabs, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { MENU_LIMITS, type MenuIssue, type MenuSet } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { issuesUnder } from './menu-issues.ts';

interface MenuScopeTabsProps {
  set: MenuSet;
  issues: MenuIssue[];
  /** null: the default menu. */
  menuId: string | null;
  onOpen: (menuId: string | null) => void;
  onAdd?: () => void;
}

const DEFAULT_KEY = '__default';

/** The default menu, then each personalised menu (newest last: WeChat matches the newest first). */
export function MenuScopeTabs({ set, issues, menuId, onOpen, onAdd }: MenuScopeTabsProps) {
  const { t } = useI18n();
  const label = (text: string, flagged: boolean, testId: string) => (
    <span data-testid={testId}>
      <Badge dot={flagged} offset={[4, 0]}>
        {text}
      </Badge>
    </span>
  );
  const items = [
    { key: DEFAULT_KEY, label: label(t('menus.default'), issuesUnder(issues, ['buttons']).length > 0, 'menu-scope-default') },
    ...set.conditional.map((menu, index) => ({
      key: menu.id,
      label: label(menu.name || t('menus.untitled'), issuesUnder(issues, ['conditional', index]).length > 0, `menu-scope-${index}`),
    })),
  ];
  const full = set.conditional.length >= MENU_LIMITS.conditional;

  return (
    <Tabs
      type="card"
      className="zg-menu-scopes"
      activeKey={menuId ?? DEFAULT_KEY}
      onChange={(key) => onOpen(key === DEFAULT_KEY ? null : key)}
      items={items}
      tabBarExtraContent={
        onAdd && (
          <Tooltip title={full ? t('menus.conditionalFull', { max: MENU_LIMITS.conditional }) : t('menus.addConditionalHelp')}>
            <Button icon={<PlusOutlined />} disabled={full} onClick={onAdd} data-testid="menu-add-conditional">
              {t('menus.addConditional')}
            </Button>
          </Tooltip>
        )
      }
    />
  );
}
