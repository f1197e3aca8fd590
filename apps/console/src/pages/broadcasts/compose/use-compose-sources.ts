import { materialsApi, newsApi } from '../../../api/materials.api.ts';
import { useResource } from '../../../hooks/use-resource.ts';

/** What a broadcast can send: the account's material and news drafts, read when the compose drawer opens. */
export function useComposeSources(accountId: number, open: boolean) {
  const materials = useResource((signal) => (open ? materialsApi.list(accountId, undefined, signal) : Promise.resolve([])), [accountId, open]);
  const news = useResource((signal) => (open ? newsApi.list(accountId, signal) : Promise.resolve([])), [accountId, open]);
  return { materials: materials.data ?? [], news: news.data ?? [], loading: materials.loading || news.loading };
}

export type ComposeSources = ReturnType<typeof useComposeSources>;
