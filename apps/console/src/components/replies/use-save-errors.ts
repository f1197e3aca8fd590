import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { pathIssues, type PathIssue } from '../../api/field-errors.ts';
import { useErrorText } from '../../hooks/use-error-text.ts';

/**
 * What went wrong saving an editor: the server's message, and its field problems, which are also marked
 * on the form's fields (paths mirror the input, e.g. steps.2.choices.0.next).
 */
export function useSaveErrors(form: FormInstance) {
  const errorText = useErrorText();
  const [failure, setFailure] = useState<{ message: string; issues: PathIssue[] } | null>(null);

  const show = useCallback(
    (error: unknown) => {
      const issues = pathIssues(error);
      form.setFields(issues.filter((issue) => issue.path.length > 0).map((issue) => ({ name: issue.path, errors: [issue.message] })));
      setFailure({ message: errorText(error), issues });
    },
    [form, errorText],
  );
  const clear = useCallback(() => setFailure(null), []);
  return { failure, show, clear };
}
