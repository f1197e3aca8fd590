import { useCallback, useEffect } from 'react';
import type { NewsDraftView, NewsInput } from '@zhanggui/shared';
import { newsApi } from '../../../api/materials.api.ts';
import { useResource } from '../../../hooks/use-resource.ts';

/** WeChat reviews a publish for seconds to minutes: we ask again this often until it settles. */
const PUBLISH_POLL_MS = 3000;

/** The news drafts, kept in step with saves, deletions and publishes still in progress. */
export function useNews(accountId: number) {
  const resource = useResource((signal) => newsApi.list(accountId, signal), [accountId]);
  const { data, setData } = resource;
  const replace = useCallback((changed: NewsDraftView) => setData((items) => items?.map((item) => (item.id === changed.id ? changed : item))), [setData]);

  const save = useCallback(
    async (id: number | null, input: NewsInput): Promise<NewsDraftView> => {
      const saved = id === null ? await newsApi.create(accountId, input) : await newsApi.update(accountId, id, input);
      setData((items) => [saved, ...(items ?? []).filter((item) => item.id !== saved.id)]);
      return saved;
    },
    [accountId, setData],
  );
  const remove = useCallback(
    async (id: number) => {
      await newsApi.remove(accountId, id);
      setData((items) => items?.filter((item) => item.id !== id));
    },
    [accountId, setData],
  );
  const publish = useCallback(
    async (id: number): Promise<NewsDraftView> => {
      const draft = await newsApi.publish(accountId, id);
      replace(draft);
      return draft;
    },
    [accountId, replace],
  );

  // GET of a draft refreshes a publish in progress on the server.
  const publishing = (data ?? []).filter((draft) => draft.publishStatus === 'publishing').map((draft) => draft.id);
  const publishingKey = publishing.join(',');
  useEffect(() => {
    if (!publishingKey) return;
    const ids = publishingKey.split(',').map(Number);
    const timer = window.setInterval(() => {
      for (const id of ids) void newsApi.get(accountId, id).then(replace, () => {});
    }, PUBLISH_POLL_MS);
    return () => window.clearInterval(timer);
  }, [accountId, publishingKey, replace]);

  return { ...resource, save, remove, publish };
}
