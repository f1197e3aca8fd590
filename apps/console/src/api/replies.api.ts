import type { RuleInput, RuleTestInput, RuleTestResult, RuleView } from '@zhanggui/shared';
import { api, listOf } from './client.ts';

const base = (accountId: number) => `/accounts/${accountId}`;

/** Automatic-reply rules and the dry-run tester (nothing is sent or stored by a test). */
export const rulesApi = {
  list: (accountId: number, signal?: AbortSignal) =>
    api.get<RuleView[] | { items: RuleView[] }>(`${base(accountId)}/rules`, undefined, signal).then((rules) => listOf(rules).map(withRuleDefaults)),
  create: (accountId: number, input: RuleInput) => api.post<RuleView>(`${base(accountId)}/rules`, input).then(withRuleDefaults),
  update: (accountId: number, ruleId: number, input: RuleInput) => api.put<RuleView>(`${base(accountId)}/rules/${ruleId}`, input).then(withRuleDefaults),
  remove: (accountId: number, ruleId: number) => api.delete<void>(`${base(accountId)}/rules/${ruleId}`),
  test: (accountId: number, input: RuleTestInput) => api.post<RuleTestResult>(`${base(accountId)}/rules/test`, input),
};

/** A rule as the input the server takes back (PUT replaces the whole rule). */
export function ruleInputOf(rule: RuleView): RuleInput {
  const { id: _id, hits: _hits, createdAt: _created, updatedAt: _updated, ...input } = rule;
  return input;
}

/** RuleInput's documented defaults for fields a server may leave out (an older server, a partial answer). */
function withRuleDefaults(rule: RuleView): RuleView {
  return {
    ...rule,
    keywords: rule.keywords ?? [],
    messageTypes: rule.messageTypes ?? [],
    ignoreCase: rule.ignoreCase ?? true,
    foldWidth: rule.foldWidth ?? true,
    replyMode: rule.replyMode ?? 'random',
    priority: rule.priority ?? 0,
    enabled: rule.enabled ?? true,
    schedule: rule.schedule ?? [],
    hits: rule.hits ?? { today: 0, last7Days: 0, total: 0 },
  };
}
