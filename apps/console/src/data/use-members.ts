import { membersApi } from '../api/members.api.ts';
import { useResource } from '../hooks/use-resource.ts';

/** The account's operators and roles (for assignment and the members screen). */
export function useMembers(accountId: number, enabled = true) {
  return useResource(async () => (enabled ? membersApi.list(accountId) : []), [accountId, enabled]);
}
