import { Alert } from 'antd';
import type { MenuSet } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeMenuPath } from './menu-issues.ts';
import type { MenuFailure } from './use-menu-state.ts';

/** Why saving, publishing or importing failed: the server's words, WeChat's errcode, and the problems by field. */
export function MenuFailureAlert({ failure, set, onClose }: { failure: MenuFailure | null; set: MenuSet; onClose: () => void }) {
  const { t } = useI18n();
  if (!failure) return null;
  const title = t(`menus.failed.${failure.action}`, { message: failure.message });
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      className="zg-page-alert"
      title={failure.errcode !== null ? `${title}${t('menus.failed.errcode', { errcode: failure.errcode })}` : title}
      data-testid="menu-failure"
      description={
        failure.issues.length > 0 ? (
          <ul className="zg-issue-list">
            {failure.issues.map((issue, index) => (
              <li key={index}>
                {issue.path.length > 0 && (
                  <strong>
                    {describeMenuPath(issue.path, set, t)}
                    {t('common.colon')}
                  </strong>
                )}
                {issue.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
