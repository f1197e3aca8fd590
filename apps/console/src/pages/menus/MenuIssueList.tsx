import { Alert } from 'antd';
import type { MenuIssue, MenuSet } from '@zhanggui/shared';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeMenuPath, issueText } from './menu-issues.ts';
import type { Path } from './menu-form.ts';

interface MenuIssueListProps {
  issues: MenuIssue[];
  set: MenuSet;
  onOpen: (path: Path) => void;
}

/** Everything WeChat would refuse, in all menus, each a link to the button it is about. Publishing waits for none. */
export function MenuIssueList({ issues, set, onOpen }: MenuIssueListProps) {
  const { t, language } = useI18n();
  if (issues.length === 0) return <Alert type="success" showIcon title={t('menus.issues.none')} className="zg-menu-issues" data-testid="menu-issues-ok" />;
  return (
    <Alert
      type="warning"
      showIcon
      className="zg-menu-issues"
      title={t('menus.issues.title', { n: issues.length })}
      data-testid="menu-issues"
      description={
        <ul className="zg-issue-list">
          {issues.map((issue, index) => (
            <li key={index}>
              <button type="button" className="zg-link-button" onClick={() => onOpen(issue.path)} data-testid={`menu-issue-${index}`}>
                {describeMenuPath(issue.path, set, t)}
              </button>
              {t('common.colon')}
              {issueText(issue, language)}
            </li>
          ))}
        </ul>
      }
    />
  );
}
