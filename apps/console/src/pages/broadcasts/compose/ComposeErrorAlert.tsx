import { Alert } from 'antd';
import { ApiError } from '../../../api/client.ts';
import { pathIssues } from '../../../api/field-errors.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useErrorText } from '../../../hooks/use-error-text.ts';
import { quotaExplanation } from '../quota-explanation.ts';

/** A refused broadcast in words: the reason, WeChat's quota rules when they are why, and each field problem. */
export function ComposeErrorAlert({ error }: { error: unknown }) {
  const { language } = useI18n();
  const errorText = useErrorText();
  if (error === undefined) return null;
  const explanation = quotaExplanation(error, language);
  const issues = pathIssues(error);
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error)}
      className="zg-page-alert"
      data-testid="broadcast-compose-error"
      data-code={error instanceof ApiError ? error.code : undefined}
      description={
        explanation || issues.length ? (
          <>
            {explanation && <p>{explanation}</p>}
            {issues.length > 0 && (
              <ul className="zg-issue-list">
                {issues.map((issue, index) => (
                  <li key={index}>{issue.message}</li>
                ))}
              </ul>
            )}
          </>
        ) : undefined
      }
    />
  );
}
