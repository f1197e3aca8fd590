import { Tag, Tooltip } from 'antd';
import type { MenuState } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime, formatRelative } from '../../i18n/format.ts';

/** Where the menus stand: last published, changes not yet on WeChat, changes not yet saved. */
export function MenuStatus({ state, unsaved }: { state: MenuState; unsaved: boolean }) {
  const { t } = useI18n();
  return (
    <span className="zg-menu-status">
      {state.publishedAt ? (
        <Tooltip title={formatDateTime(state.publishedAt)}>
          <span data-testid="menu-published-at">{t('menus.publishedAt', { when: formatRelative(state.publishedAt) })}</span>
        </Tooltip>
      ) : (
        <span data-testid="menu-never-published">{t('menus.neverPublished')}</span>
      )}
      {state.dirty && (
        <Tag color="orange" data-testid="menu-dirty">
          {t('menus.dirty')}
        </Tag>
      )}
      {unsaved && (
        <Tag color="blue" data-testid="menu-unsaved">
          {t('menus.unsaved')}
        </Tag>
      )}
    </span>
  );
}
