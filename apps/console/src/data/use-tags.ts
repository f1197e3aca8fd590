import { tagsApi } from '../api/fans.api.ts';
import { useResource } from '../hooks/use-resource.ts';

/** The account's tags (with fan counts), for pickers, filters and the tags page. */
export function useTags(accountId: number) {
  return useResource(() => tagsApi.list(accountId), [accountId]);
}
