import { useCallback } from 'react';
import type { RuleInput, RuleView } from '@zhanggui/shared';
import { ruleInputOf, rulesApi } from '../../api/replies.api.ts';
import { useResource } from '../../hooks/use-resource.ts';

/** The account's rules, and the changes made from the list (the editor saves through `save`). */
export function useRules(accountId: number) {
  const resource = useResource((signal) => rulesApi.list(accountId, signal), [accountId]);
  const { setData, reload } = resource;

  const save = useCallback(
    async (ruleId: number | null, input: RuleInput): Promise<RuleView> => {
      const saved = ruleId === null ? await rulesApi.create(accountId, input) : await rulesApi.update(accountId, ruleId, input);
      setData((rules) => (ruleId === null ? [...(rules ?? []), saved] : (rules ?? []).map((rule) => (rule.id === saved.id ? saved : rule))));
      return saved;
    },
    [accountId, setData],
  );

  const remove = useCallback(
    async (ruleId: number) => {
      await rulesApi.remove(accountId, ruleId);
      setData((rules) => rules?.filter((rule) => rule.id !== ruleId));
    },
    [accountId, setData],
  );

  /** Flips the switch at once; puts it back if the server refuses. */
  const setEnabled = useCallback(
    async (rule: RuleView, enabled: boolean) => {
      setData((rules) => rules?.map((candidate) => (candidate.id === rule.id ? { ...candidate, enabled } : candidate)));
      try {
        const saved = await rulesApi.update(accountId, rule.id, { ...ruleInputOf(rule), enabled });
        setData((rules) => rules?.map((candidate) => (candidate.id === saved.id ? saved : candidate)));
      } catch (error) {
        setData((rules) => rules?.map((candidate) => (candidate.id === rule.id ? { ...candidate, enabled: rule.enabled } : candidate)));
        throw error;
      }
    },
    [accountId, setData],
  );

  return { ...resource, reload, save, remove, setEnabled };
}
