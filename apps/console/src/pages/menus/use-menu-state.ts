import { useCallback, useEffect, useState } from 'react';
import type { FormInstance } from 'antd';
import type { MenuIssue, MenuSet, MenuState } from '@zhanggui/shared';
import { menusApi } from '../../api/menus.api.ts';
import { ApiError } from '../../api/client.ts';
import { pathIssues } from '../../api/field-errors.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { cleanSet, type Path } from './menu-form.ts';
import { issueText } from './menu-issues.ts';

export type MenuAction = 'save' | 'publish' | 'import';

/** Why the last save, publish or import failed: the message, WeChat's errcode, and problems by field. */
export interface MenuFailure {
  action: MenuAction;
  message: string;
  errcode: number | null;
  issues: Array<{ path: Path; message: string }>;
}

function menuInvalidIssues(error: ApiError): MenuIssue[] {
  const issues = (error.details as { issues?: unknown } | null | undefined)?.issues;
  return Array.isArray(issues) ? (issues as MenuIssue[]) : [];
}

/**
 * The account's menus on the server, and the three ways to change them. The form follows the server's
 * draft after loading, saving (empty keys come back filled in) and importing.
 */
export function useMenuState(accountId: number, form: FormInstance) {
  const { language } = useI18n();
  const errorText = useErrorText();
  const resource = useResource((signal) => menusApi.get(accountId, signal), [accountId]);
  const { setData } = resource;
  const saved = resource.data;
  const [busy, setBusy] = useState<MenuAction | null>(null);
  const [failure, setFailure] = useState<MenuFailure | null>(null);

  useEffect(() => {
    if (!saved) return;
    form.resetFields();
    form.setFieldsValue(saved.draft);
  }, [saved?.draft, form]);

  const fail = useCallback(
    (action: MenuAction, error: unknown) => {
      const api = error instanceof ApiError ? error : null;
      const issues =
        api?.code === 'MENU_INVALID'
          ? menuInvalidIssues(api).map((issue) => ({ path: issue.path, message: issueText(issue, language) }))
          : pathIssues(error);
      const errcode = (api?.details as { errcode?: unknown } | null | undefined)?.errcode;
      // Field problems from the schema check (replies' contents) are marked on the fields they name.
      if (api?.code === 'VALIDATION_FAILED') form.setFields(issues.filter((issue) => issue.path.length).map((issue) => ({ name: issue.path, errors: [issue.message] })));
      setFailure({ action, message: errorText(error), errcode: typeof errcode === 'number' ? errcode : null, issues });
    },
    [form, errorText, language],
  );

  const run = useCallback(
    async (action: MenuAction, call: () => Promise<MenuState>): Promise<boolean> => {
      setBusy(action);
      setFailure(null);
      try {
        setData(await call());
        return true;
      } catch (error) {
        fail(action, error);
        return false;
      } finally {
        setBusy(null);
      }
    },
    [fail, setData],
  );

  const saveDraft = () => menusApi.save(accountId, cleanSet(form.getFieldsValue(true) as Partial<MenuSet>));
  const save = () => run('save', saveDraft);
  /** Saves first: WeChat gets exactly what is on screen. */
  const publish = () =>
    run('publish', async () => {
      setData(await saveDraft());
      return menusApi.publish(accountId);
    });
  const importFromWechat = () => run('import', () => menusApi.importFromWechat(accountId));

  return { saved, loading: resource.loading && !saved, error: resource.error, busy, failure, clearFailure: () => setFailure(null), save, publish, importFromWechat };
}
