import { Alert } from 'antd';
import type { PathIssue } from '../../api/field-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeIssuePath } from './issue-path.ts';

interface SaveErrorAlertProps {
  failure: { message: string; issues: PathIssue[] } | null;
  stepIds?: string[];
  className?: string;
}

/** The server's refusal above an editor, each field problem on its own line with where it is. */
export function SaveErrorAlert({ failure, stepIds, className }: SaveErrorAlertProps) {
  const { t } = useI18n();
  if (!failure) return null;
  return (
    <Alert
      type="error"
      showIcon
      className={className}
      title={failure.message}
      data-testid="save-error"
      description={
        failure.issues.length > 0 ? (
          <ul className="zg-issue-list">
            {failure.issues.map((issue, index) => (
              <li key={index}>
                {issue.path.length > 0 && <strong>{describeIssuePath(issue.path, t, stepIds)}{t('common.colon')}</strong>}
                {issue.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
