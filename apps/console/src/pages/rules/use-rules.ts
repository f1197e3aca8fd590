import { useCallback } from 'react';
import type { RuleView } from '@zhanggui/shared';
import { ruleInputOf, rulesApi } from '../../api/replies.api.ts';
import { useCollection } from '../../data/use-collection.ts';

/** The account's rules, and the changes made from the list (the editor saves through `save`). */
export function useRules(accountId: number) {
  const rules = useCollection(accountId, rulesApi);
  const { setEnabled } = rules;
  return { ...rules, setEnabled: useCallback((rule: RuleView, enabled: boolean) => setEnabled(rule, enabled, ruleInputOf), [setEnabled]) };
}
