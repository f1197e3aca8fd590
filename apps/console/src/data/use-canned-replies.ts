import { cannedApi } from '../api/inbox.api.ts';
import { useResource } from '../hooks/use-resource.ts';

export function useCannedReplies(accountId: number) {
  return useResource(() => cannedApi.list(accountId), [accountId]);
}
